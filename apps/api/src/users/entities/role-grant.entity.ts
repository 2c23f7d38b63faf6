import type { Role } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { Building } from '../../rolls/entities/building.entity';
import { User } from './user.entity';

/** A role held by a user on a node of the tree, and on everything below it. */
@Entity('role_grant')
@Index('role_grant_unique', ['userId', 'nodeId', 'role'], { unique: true, where: `"building_id" IS NULL` })
@Index('role_grant_building_unique', ['userId', 'nodeId', 'role', 'buildingId'], { unique: true, where: `"building_id" IS NOT NULL` })
@Check('role_grant_role_valid', `"role" IN ('admin', 'staff', 'convenor', 'building_head', 'observer', 'resident')`)
@Check('role_grant_building_only_for_building_head', `"building_id" IS NULL OR "role" = 'building_head'`)
export class RoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('role_grant_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'role_grant_user_fk' })
  user?: User;

  @Index('role_grant_node_idx')
  @Column({ name: 'node_id', type: 'uuid' })
  nodeId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'role_grant_node_fk' })
  node?: OrgNode;

  @Column({ type: 'text' })
  role!: Role;

  /** A building head (楼长) serves one building of the compound the grant is on. */
  @Column({ name: 'building_id', type: 'uuid', nullable: true })
  buildingId!: string | null;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'role_grant_building_fk' })
  building?: Building | null;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'granted_by', foreignKeyConstraintName: 'role_grant_granted_by_fk' })
  grantor?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
