import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';

/** A building (楼栋) of a residential compound. */
@Entity('building')
@Unique('building_name_unique', ['unitId', 'name'])
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
