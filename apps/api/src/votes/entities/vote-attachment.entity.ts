import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFile } from '../../storage/entities/stored-file.entity';
import { Vote } from './vote.entity';

/**
 * A document a vote carries (a quote, a contract, a plan), as announced: attached in the
 * transaction that announces the vote and never changed afterwards — a trigger refuses any other
 * insert, and every update or delete (migration VoteAttachments).
 */
@Entity('vote_attachment')
@Index('vote_attachment_file_unique', ['voteId', 'fileId'], { unique: true })
@Check('vote_attachment_title_length', `length(btrim("title")) BETWEEN 1 AND 200`)
@Check('vote_attachment_position_range', `"position" BETWEEN 1 AND 10`)
@Check('vote_attachment_matter_format', `"matter_id" IS NULL OR "matter_id" ~ '^m([1-9]|10)$'`)
export class VoteAttachment {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_attachment_vote_fk' })
  vote?: Vote;

  /** 1, 2, …: the order on the ballot page and the printed notice. */
  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId!: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'vote_attachment_file_fk' })
  file?: StoredFile;

  @Column({ type: 'text' })
  title!: string;

  /** The matter of an assembly's ballot the document belongs to; null for the vote as a whole. */
  @Column({ name: 'matter_id', type: 'text', nullable: true })
  matterId!: string | null;
}
