import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { PermissionsService } from '../permissions/permissions.service';
import { RoleGrant } from '../users/entities/role-grant.entity';
import { User } from '../users/entities/user.entity';
import type { GrantRoleDto, NodeRoleDto } from './roles.dto';

/** Role grants on the organization tree: listed, granted and revoked by admins and staff, all audited. */
@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: Actor, nodeId: string): Promise<NodeRoleDto[]> {
    return this.find(this.dataSource.manager, 'g.node_id = $1', nodeId);
  }

  async grant(actor: Actor, nodeId: string, input: GrantRoleDto): Promise<NodeRoleDto> {
    return this.dataSource.transaction(async (m) => {
      await this.permissions.assertCanGrant(actor, input.role, nodeId, m);
      if ((input.role === 'building_head') !== !!input.buildingId) {
        throw new DomainError('VALIDATION_FAILED', 'A building head is granted with their building, and only a building head is.', {
          fields: [{ field: 'buildingId', reasons: ['buildingHead'], message: 'buildingId goes with the building_head role' }],
        });
      }
      const user = await m.getRepository(User).findOneBy({ phone: input.phone });
      if (!user) {
        throw new DomainError('NOT_FOUND', 'No account uses this phone number: the person signs up first.', { field: 'phone' });
      }
      const existing = await m.getRepository(RoleGrant).findOneBy({ userId: user.id, nodeId, role: input.role, buildingId: input.buildingId ?? IsNull() });
      if (existing) {
        throw new DomainError('CONFLICT', 'This person already holds this role here.', { grantId: existing.id });
      }
      const saved = await m.getRepository(RoleGrant).save({ userId: user.id, nodeId, role: input.role, buildingId: input.buildingId ?? null, grantedBy: actor.id });
      await this.audit.record(m, {
        actor,
        nodeId,
        action: 'role.grant',
        entityType: 'role_grant',
        entityId: saved.id,
        after: { userId: user.id, phone: user.phone, role: input.role, buildingId: input.buildingId ?? null },
      });
      const [row] = await this.find(m, 'g.id = $1', saved.id);
      return row!;
    });
  }

  async revoke(actor: Actor, grantId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const grant = await m.getRepository(RoleGrant).findOne({ where: { id: grantId }, lock: { mode: 'pessimistic_write' } });
      if (!grant) throw new DomainError('NOT_FOUND', 'There is no such role grant.', { grantId });
      await this.permissions.assertCanGrant(actor, grant.role, grant.nodeId, m);
      if (grant.userId === actor.id && (grant.role === 'admin' || grant.role === 'staff')) {
        throw new DomainError('CONFLICT', 'You cannot take away your own administrative role; ask another administrator.');
      }
      await m.getRepository(RoleGrant).delete({ id: grantId });
      await this.audit.record(m, {
        actor,
        nodeId: grant.nodeId,
        action: 'role.revoke',
        entityType: 'role_grant',
        entityId: grant.id,
        before: { userId: grant.userId, role: grant.role, buildingId: grant.buildingId },
      });
    });
  }

  private async find(m: EntityManager, where: 'g.node_id = $1' | 'g.id = $1', id: string): Promise<NodeRoleDto[]> {
    const rows = await m.query<GrantRow[]>(
      `SELECT g.id, g.role, g.user_id, u.display_name, u.phone, g.building_id, b.name AS building_name, g.created_at, gb.display_name AS granted_by_name
         FROM role_grant g JOIN app_user u ON u.id = g.user_id
         LEFT JOIN building b ON b.id = g.building_id LEFT JOIN app_user gb ON gb.id = g.granted_by
        WHERE ${where}
        ORDER BY array_position(ARRAY['admin','staff','convenor','observer','building_head','resident'], g.role), u.display_name`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      userId: r.user_id,
      displayName: r.display_name,
      phone: r.phone,
      buildingId: r.building_id,
      buildingName: r.building_name,
      grantedAt: r.created_at.toISOString(),
      grantedByName: r.granted_by_name,
    }));
  }
}

interface GrantRow {
  id: string;
  role: NodeRoleDto['role'];
  user_id: string;
  display_name: string;
  phone: string;
  building_id: string | null;
  building_name: string | null;
  created_at: Date;
  granted_by_name: string | null;
}
