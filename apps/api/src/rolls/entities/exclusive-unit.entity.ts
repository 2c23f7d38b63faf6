import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { RollRevision } from './roll-revision.entity';
import { Building } from './building.entity';

/** An exclusive unit (专有部分) of a compound: a dwelling, a parking space or a shop. */
@Entity('exclusive_unit')
@Index('exclusive_unit_number_unique', ['unitId', 'number'], { unique: true, where: `"removed_revision_id" IS NULL` })
@Check('exclusive_unit_kind_valid', `"kind" IN ('dwelling', 'parking', 'shop')`)
@Check('exclusive_unit_area_source_valid', `"area_source" IN ('register', 'survey', 'contract')`)
@Check('exclusive_unit_area_positive', `"area_centi_m2" > 0`)
@Check('exclusive_unit_number_not_blank', `length(btrim("number")) > 0`)
export class ExclusiveUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('exclusive_unit_unit_idx')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'exclusive_unit_unit_fk' })
  unit?: OrgNode;

  /** Null for parking spaces outside any building. */
  @Index('exclusive_unit_building_idx')
  @Column({ name: 'building_id', type: 'uuid', nullable: true })
  buildingId!: string | null;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'exclusive_unit_building_fk' })
  building?: Building | null;

  /** Room or space number as on the register, e.g. `2-1503`, `P-018`. */
  @Column({ type: 'text' })
  number!: string;

  /** The natural sort key of the number (yishi_natural_key), set by PostgreSQL on every write (trigger exclusive_unit_sort_key): never written or read as a field. */
  @Column({ name: 'number_sort', type: 'text', collation: 'C', select: false, insert: false, update: false })
  numberSort?: string;

  @Column({ type: 'text' })
  kind!: ExclusiveUnitKind;

  /** Floor area in 1/100 m² (integer). */
  @Column({ name: 'area_centi_m2', type: 'integer' })
  areaCentiM2!: number;

  @Column({ name: 'area_source', type: 'text' })
  areaSource!: AreaSource;

  /** The revision that put this row on the roll. */
  @Column({ name: 'added_revision_id', type: 'uuid' })
  addedRevisionId!: string;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_revision_id', foreignKeyConstraintName: 'exclusive_unit_added_revision_fk' })
  addedRevision?: RollRevision;

  /** The revision that took this row off the roll; null while it is on the current roll. */
  @Column({ name: 'removed_revision_id', type: 'uuid', nullable: true })
  removedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'removed_revision_id', foreignKeyConstraintName: 'exclusive_unit_removed_revision_fk' })
  removedRevision?: RollRevision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
