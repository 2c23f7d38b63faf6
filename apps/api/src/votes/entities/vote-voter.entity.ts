import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Vote } from './vote.entity';

/**
 * One voter of the frozen electorate: the pseudonym the recount kit uses, and the roll entry it
 * stands for (an owner of a compound, a member of a cooperative). The mapping stays here, never
 * in a published file.
 */
@Entity('vote_voter')
@Index('vote_voter_person_unique', ['voteId', 'personType', 'personId'], { unique: true })
@Index('vote_voter_group_idx', ['voteId', 'groupLabel'])
@Check('vote_voter_person_type_valid', `"person_type" IN ('owner', 'member')`)
@Check('vote_voter_id_format', `"voter_id" ~ '^v-[0-9a-f]{8,}$'`)
export class VoteVoter {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_voter_vote_fk' })
  vote?: Vote;

  @PrimaryColumn({ name: 'voter_id', type: 'text' })
  voterId!: string;

  @Column({ name: 'person_type', type: 'text' })
  personType!: 'owner' | 'member';

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** The name on the roll when voting opened (for the ballot list of a named vote). */
  @Column({ type: 'text' })
  name!: string;

  /** Where the paper ballot goes: the building (compound) or the household (cooperative). */
  @Column({ name: 'group_label', type: 'text' })
  groupLabel!: string;

  /** Units (compound) or nothing (cooperative), as labels for the ballot paper. */
  @Column({ name: 'unit_labels', type: 'text', array: true, default: () => `'{}'` })
  unitLabels!: string[];
}
