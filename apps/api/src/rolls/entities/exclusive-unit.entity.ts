import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { Building } from './building.entity';

/** An exclusive unit (专有部分) of a compound: a dwelling, a parking space or a shop. */
@Entity('exclusive_unit')
@Unique('exclusive_unit_number_unique', ['unitId', 'number'])
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

  @Column({ type: 'text' })
  kind!: ExclusiveUnitKind;

  /** Floor area in 1/100 m² (integer). */
  @Column({ name: 'area_centi_m2', type: 'integer' })
  areaCentiM2!: number;

  @Column({ name: 'area_source', type: 'text' })
  areaSource!: AreaSource;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
