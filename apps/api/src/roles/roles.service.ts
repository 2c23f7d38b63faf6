import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { PermissionsService } from '../permissions/permissions.service';
import { buildingNames } from '../rolls/roll-reads';
import { addGrant, lockGrant, nodeGrants, removeGrant, sameGrant } from '../users/grant-store';
import { accountByPhone } from '../users/user-store';
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
    return this.find(this.dataSource.manager, 'node', nodeId);
  }

  async grant(actor: Actor, nodeId: string, input: GrantRoleDto): Promise<NodeRoleDto> {
    return this.dataSource.transaction(async (m) => {
      await this.permissions.assertCanGrant(actor, input.role, nodeId, m);
      if ((input.role === 'building_head') !== !!input.buildingId) {
        throw new DomainError('VALIDATION_FAILED', 'A building head is granted with their building, and only a building head is.', {
          fields: [{ field: 'buildingId', reasons: ['buildingHead'], message: 'buildingId goes with the building_head role' }],
        });
      }
      const user = await accountByPhone(m, input.phone);
      if (!user) {
        throw new DomainError('NOT_FOUND', 'No account uses this phone number: the person signs up first.', { field: 'phone' });
      }
      const existing = await sameGrant(m, { userId: user.id, nodeId, role: input.role, buildingId: input.buildingId ?? null });
      if (existing) {
        throw new DomainError('CONFLICT', 'This person already holds this role here.', { grantId: existing.id });
      }
      const grantId = await addGrant(m, { userId: user.id, nodeId, role: input.role, buildingId: input.buildingId ?? null, grantedBy: actor.id });
      await this.audit.record(m, {
        actor,
        nodeId,
        action: 'role.grant',
        entityType: 'role_grant',
        entityId: grantId,
        after: { userId: user.id, phone: user.phone, role: input.role, buildingId: input.buildingId ?? null },
      });
      const [row] = await this.find(m, 'grant', grantId);
      return row!;
    });
  }

  async revoke(actor: Actor, grantId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const grant = await lockGrant(m, grantId);
      if (!grant) throw new DomainError('NOT_FOUND', 'There is no such role grant.', { grantId });
      await this.permissions.assertCanGrant(actor, grant.role, grant.nodeId, m);
      if (grant.userId === actor.id && (grant.role === 'admin' || grant.role === 'staff')) {
        throw new DomainError('CONFLICT', 'You cannot take away your own administrative role; ask another administrator.');
      }
      await removeGrant(m, grantId);
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

  private async find(m: EntityManager, by: 'node' | 'grant', id: string): Promise<NodeRoleDto[]> {
    const rows = await nodeGrants(m, by, id);
    const buildings = await buildingNames(m, rows.map((r) => r.building_id));
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      userId: r.user_id,
      displayName: r.display_name,
      phone: r.phone,
      buildingId: r.building_id,
      buildingName: r.building_id ? (buildings.get(r.building_id) ?? null) : null,
      grantedAt: r.created_at.toISOString(),
      grantedByName: r.granted_by_name,
    }));
  }
}
