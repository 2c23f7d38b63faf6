import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';

/**
 * A unit's current roll figures, kept by PostgreSQL itself: statement triggers on `building`,
 * `exclusive_unit`, `household` and `member` add what each statement put on the current roll and
 * take off what it removed (migration RollFigures), so the public tree reads one row per unit
 * instead of counting a compound's thousands of homes on every request. No code writes it.
 * Full civil capacity is not here: it changes with the date, and is counted when read.
 */
@Entity('unit_roll_figures')
@Check('unit_roll_figures_not_negative', `"buildings" >= 0 AND "exclusive_units" >= 0 AND "total_area_centi_m2" >= 0 AND "households" >= 0 AND "members" >= 0`)
export class UnitRollFigures {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'PK_unit_roll_figures' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'unit_roll_figures_unit_fk' })
  unit?: OrgNode;

  @Column({ type: 'integer', default: 0 })
  buildings!: number;

  @Column({ name: 'exclusive_units', type: 'integer', default: 0 })
  exclusiveUnits!: number;

  @Column({ name: 'total_area_centi_m2', type: 'bigint', default: 0 })
  totalAreaCentiM2!: string;

  @Column({ type: 'integer', default: 0 })
  households!: number;

  @Column({ type: 'integer', default: 0 })
  members!: number;
}
