import type { ReplyOutcome } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Clause } from '../../consultations/entities/clause.entity';
import { User } from '../../users/entities/user.entity';
import { Comment } from './comment.entity';

/** The official answer to an opinion: adopted / partly adopted / not adopted / noted, with a reason. */
@Entity('official_reply')
@Index('official_reply_replied_by_idx', ['repliedBy'])
@Check('official_reply_outcome_valid', `"outcome" IN ('adopted', 'partly_adopted', 'not_adopted', 'noted')`)
@Check('official_reply_reason_length', `length(btrim("reason")) BETWEEN 1 AND 1000`)
export class OfficialReply {
  @PrimaryColumn({ name: 'comment_id', type: 'uuid' })
  commentId!: string;

  @OneToOne(() => Comment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'official_reply_comment_fk' })
  comment?: Comment;

  @Column({ type: 'text' })
  outcome!: ReplyOutcome;

  @Column({ type: 'text' })
  reason!: string;

  /** The clause of a later version that carries the change, when there is one. */
  @Column({ name: 'linked_clause_id', type: 'uuid', nullable: true })
  linkedClauseId!: string | null;

  @ManyToOne(() => Clause, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'linked_clause_id', foreignKeyConstraintName: 'official_reply_linked_clause_fk' })
  linkedClause?: Clause | null;

  @Column({ name: 'replied_by', type: 'uuid' })
  repliedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replied_by', foreignKeyConstraintName: 'official_reply_replied_by_fk' })
  replier?: User;

  @CreateDateColumn({ name: 'replied_at', type: 'timestamptz' })
  repliedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
