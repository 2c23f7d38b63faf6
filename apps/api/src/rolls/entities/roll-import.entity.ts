import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';
import { RollRevision } from './roll-revision.entity';

export const ROLL_IMPORT_STATUSES = ['pending', 'committed'] as const;
export type RollImportStatus = (typeof ROLL_IMPORT_STATUSES)[number];

/**
 * A previewed roll import waiting to be committed. It keeps the parsed, validated rows (`plan`),
 * not the uploaded file: the file may hold full identity numbers, which Yishi never stores; the
 * plan holds only their keyed hashes and last four characters. Committing re-applies the plan to
 * the roll as it is then, and is refused when the roll has a newer revision than `base_revision`.
 */
@Entity('roll_import')
@Index('roll_import_unit_idx', ['unitId', 'createdAt'])
@Check('roll_import_status_valid', `"status" IN ('pending', 'committed')`)
@Check('roll_import_format_valid', `"format" IN ('csv', 'xlsx')`)
@Check('roll_import_file_sha256_format', `"file_sha256" ~ '^[0-9a-f]{64}$'`)
@Check('roll_import_committed_at_with_status', `("status" = 'committed') = ("committed_at" IS NOT NULL)`)
export class RollImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'roll_import_unit_fk' })
  unit?: OrgNode;

  @Column({ type: 'text', default: 'pending' })
  status!: RollImportStatus;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'file_sha256', type: 'text' })
  fileSha256!: string;

  @Column({ type: 'text' })
  format!: 'csv' | 'xlsx';

  /** The text encoding a CSV file was read in (`utf-8`, `gb18030`); null for XLSX. */
  @Column({ type: 'text', nullable: true })
  encoding!: string | null;

  /** The roll's latest revision when the preview was made (null: the roll had none). */
  @Column({ name: 'base_revision_id', type: 'uuid', nullable: true })
  baseRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'base_revision_id', foreignKeyConstraintName: 'roll_import_base_revision_fk' })
  baseRevision?: RollRevision | null;

  /** The validated rows, ready to apply (see roll-plan.ts); never a raw identity number. */
  @Column({ type: 'jsonb' })
  plan!: Record<string, unknown>;

  /** The preview as shown (summary, changes, warnings), returned again on request. */
  @Column({ type: 'jsonb' })
  preview!: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'roll_import_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt!: Date | null;

  /** The revision the commit made; null when the file changed nothing. */
  @Column({ name: 'committed_revision_id', type: 'uuid', nullable: true })
  committedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'committed_revision_id', foreignKeyConstraintName: 'roll_import_committed_revision_fk' })
  committedRevision?: RollRevision | null;
}
