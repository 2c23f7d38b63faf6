import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DraftVersion } from './draft-version.entity';

/**
 * A numbered article (第N条) of a draft version. `previousClauseId` ties it to the clause of the
 * previous version it continues, so the diff can say what changed and why.
 */
@Entity('clause')
@Unique('clause_number_unique', ['versionId', 'number'])
@Index('clause_previous_idx', ['previousClauseId'])
@Check('clause_number_positive', `"number" >= 1`)
@Check('clause_body_length', `length(btrim("body")) BETWEEN 1 AND 5000`)
export class Clause {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => DraftVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'clause_version_fk' })
  version?: DraftVersion;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text', nullable: true })
  heading!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'previous_clause_id', type: 'uuid', nullable: true })
  previousClauseId!: string | null;

  @ManyToOne(() => Clause, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'previous_clause_id', foreignKeyConstraintName: 'clause_previous_fk' })
  previousClause?: Clause | null;

  /** Why this clause changed from the one it continues. */
  @Column({ name: 'change_reason', type: 'text', nullable: true })
  changeReason!: string | null;
}
