import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { RollRevision } from './roll-revision.entity';

/** A building (楼栋) of a residential compound. Names are unique among the current roll's buildings. */
@Entity('building')
@Index('building_name_unique', ['unitId', 'name'], { unique: true, where: `"removed_revision_id" IS NULL` })
@Check('building_name_not_blank', `length(btrim("name")) > 0`)
export class Building {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'building_unit_fk' })
  unit?: OrgNode;

  /** e.g. `1栋` */
  @Column({ type: 'text' })
  name!: string;

  /** The natural sort key of the name (yishi_natural_key), set by PostgreSQL on every write (trigger building_sort_key): never written or read as a field. */
  @Column({ name: 'name_sort', type: 'text', collation: 'C', select: false, insert: false, update: false })
  nameSort?: string;

  /** The revision that put this row on the roll. */
  @Column({ name: 'added_revision_id', type: 'uuid' })
  addedRevisionId!: string;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_revision_id', foreignKeyConstraintName: 'building_added_revision_fk' })
  addedRevision?: RollRevision;

  /** The revision that took this row off the roll; null while it is on the current roll. */
  @Column({ name: 'removed_revision_id', type: 'uuid', nullable: true })
  removedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'removed_revision_id', foreignKeyConstraintName: 'building_removed_revision_fk' })
  removedRevision?: RollRevision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
