import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';
import type { RollKind, RollRevisionSource } from '../roll-kinds';

/** Rows added, changed, removed and left unchanged by a revision, for one kind of roll row. */
export interface RollKindCounts {
  kind: RollKind;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface RollRevisionSummary {
  /** Current rows per kind once the revision applied, e.g. `{ households: 40, members: 118 }`. */
  counts: Record<string, number>;
  /** What the revision changed, per kind (absent for a seed). */
  changes?: RollKindCounts[];
  note?: string;
}

/**
 * One version of a unit's roll (名册). Every roll row names the revision that added it and, once
 * it leaves the roll, the revision that removed it: rows are never deleted, because invitations,
 * account links and ballots point at them. The current roll is the rows not removed. Revisions
 * are numbered 1, 2, … per unit and, like the audit trail, never change (trigger in the migration).
 */
@Entity('roll_revision')
@Index('roll_revision_number_unique', ['unitId', 'number'], { unique: true })
@Check('roll_revision_number_positive', `"number" > 0`)
@Check('roll_revision_source_valid', `"source" IN ('import', 'edit', 'seed')`)
@Check('roll_revision_file_sha256_format', `"file_sha256" IS NULL OR "file_sha256" ~ '^[0-9a-f]{64}$'`)
@Check('roll_revision_import_has_file', `("source" = 'import') = ("file_sha256" IS NOT NULL AND "file_name" IS NOT NULL)`)
export class RollRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The cooperative or compound (checked by trigger). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'roll_revision_unit_fk' })
  unit?: OrgNode;

  /** 1, 2, 3, … within the unit. */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  source!: RollRevisionSource;

  /** The uploaded file's name, for an import. */
  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  /** SHA-256 (hex) of the uploaded file's bytes, for an import. */
  @Column({ name: 'file_sha256', type: 'text', nullable: true })
  fileSha256!: string | null;

  /** Added / changed / removed / unchanged per kind of row, and the roll's size afterwards. */
  @Column({ type: 'jsonb' })
  summary!: RollRevisionSummary;

  /** Null for the system (seeding, the migration that introduced revisions). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'roll_revision_created_by_fk' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
