import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { Building } from '../../rolls/entities/building.entity';
import { Household } from '../../rolls/entities/household.entity';
import { User } from '../../users/entities/user.entity';

/**
 * One printing of invitation letters: who printed which letters (the invitations carry its id),
 * when, for which part of the unit. The codes themselves exist only on the printed sheet.
 */
@Entity('invitation_print')
@Check('invitation_print_letters_not_negative', `"letters" >= 0`)
@Check('invitation_print_language_valid', `"language" IN ('zh-CN', 'en')`)
@Check('invitation_print_one_scope', `"building_id" IS NULL OR "household_id" IS NULL`)
@Index('invitation_print_unit_time_idx', ['unitId', 'printedAt'])
export class InvitationPrint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'invitation_print_unit_fk' })
  unit?: OrgNode;

  @Column({ name: 'building_id', type: 'uuid', nullable: true })
  buildingId!: string | null;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'invitation_print_building_fk' })
  building?: Building | null;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId!: string | null;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'invitation_print_household_fk' })
  household?: Household | null;

  @Column({ name: 'printed_by', type: 'uuid' })
  printedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'printed_by', foreignKeyConstraintName: 'invitation_print_printed_by_fk' })
  printer?: User;

  @CreateDateColumn({ name: 'printed_at', type: 'timestamptz' })
  printedAt!: Date;

  @Column({ type: 'integer' })
  letters!: number;

  @Column({ type: 'boolean', default: false })
  reissue!: boolean;

  @Column({ type: 'text', default: 'zh-CN' })
  language!: 'zh-CN' | 'en';
}
