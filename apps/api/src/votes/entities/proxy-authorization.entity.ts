import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFile } from '../../storage/entities/stored-file.entity';
import { User } from '../../users/entities/user.entity';
import { VoteVoter } from './vote-voter.entity';
import { Vote } from './vote.entity';

/**
 * A written authorisation (委托书): the principal lets the agent vote for them in this vote.
 * Recorded by staff with its scan, checked against the rule set's proxy regime; a refused one is
 * kept with the reason. The agent is a voter of the same vote (cooperatives: same household), or
 * for owners anyone with an account.
 */
@Entity('proxy_authorization')
@Index('proxy_one_live_per_principal', ['voteId', 'principalVoterId'], { unique: true, where: `"status" = 'accepted' AND "revoked_at" IS NULL` })
@Index('proxy_agent_idx', ['voteId', 'agentUserId'])
@Check('proxy_status_valid', `"status" IN ('accepted', 'rejected')`)
@Check('proxy_rejected_has_reason', `"status" = 'accepted' OR "rejection_reason" IS NOT NULL`)
@Check('proxy_agent_named', `length(btrim("agent_name")) > 0`)
export class ProxyAuthorization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'proxy_authorization_vote_fk' })
  vote?: Vote;

  @Column({ name: 'principal_voter_id', type: 'text' })
  principalVoterId!: string;

  @ManyToOne(() => VoteVoter, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'vote_id', referencedColumnName: 'voteId', foreignKeyConstraintName: 'proxy_authorization_principal_fk' },
    { name: 'principal_voter_id', referencedColumnName: 'voterId', foreignKeyConstraintName: 'proxy_authorization_principal_fk' },
  ])
  principal?: VoteVoter;

  /** The agent's voter id when the agent is on this vote's electorate. */
  @Column({ name: 'agent_voter_id', type: 'text', nullable: true })
  agentVoterId!: string | null;

  /** The agent's account, when they will cast online. */
  @Column({ name: 'agent_user_id', type: 'uuid', nullable: true })
  agentUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agent_user_id', foreignKeyConstraintName: 'proxy_authorization_agent_user_fk' })
  agentUser?: User | null;

  /** The agent as written on the authorisation (published on the proxy list where the rule requires it). */
  @Column({ name: 'agent_name', type: 'text' })
  agentName!: string;

  /** A signed written authorisation was produced (and scanned). */
  @Column({ type: 'boolean' })
  written!: boolean;

  @Column({ name: 'scan_file_id', type: 'uuid', nullable: true })
  scanFileId!: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'scan_file_id', foreignKeyConstraintName: 'proxy_authorization_scan_fk' })
  scan?: StoredFile | null;

  @Column({ type: 'text' })
  status!: 'accepted' | 'rejected';

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'proxy_authorization_recorded_by_fk' })
  recorder?: User;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
