import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Action } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { allows, PermissionsService } from '../permissions/permissions.service';
import { Consultation } from './entities/consultation.entity';
import { consultationWithUnits } from './consultation-store';

export interface ConsultationGrants {
  consultation: Consultation;
  /** The units the consultation concerns. */
  unitIds: string[];
  /** Open and run it: drafts, phases, briefings, screening (consultation.manage on the node it is run from). */
  canManage: boolean;
  /** Comment, second topics, sign up for briefings (participate on one of its units). */
  canParticipate: boolean;
  /** Enter opinions received offline (offline.record on one of its units). */
  canRecordOffline: boolean;
  /** Hide comments and answer opinions officially (comment.moderate on the node it is run from). */
  canModerate: boolean;
}

/**
 * What the actor may do with one consultation, for what a response shows them (drafts being
 * edited, hidden comments, the buttons of the console). Whether they may reach it at all the route
 * declares and the access guard decides (a consultation still in its draft phase is visible to
 * those who run it only; anyone else gets 404): these flags shape the answer, they refuse nothing.
 */
@Injectable()
export class ConsultationAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
  ) {}

  async grants(actor: Actor, consultationId: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<ConsultationGrants> {
    const read = await consultationWithUnits(m, consultationId, lock);
    if (!read) throw notFound(consultationId);
    const { consultation, unitIds } = read;
    // One read of the actor's grants and of every node's ancestry, however many units it concerns.
    const access = await this.permissions.accessOnEach(actor, [consultation.ownerNodeId, ...unitIds], m);
    const onAnyUnit = (action: Action): boolean => unitIds.some((nodeId) => allows(access.on(nodeId), action));
    const canManage = allows(access.on(consultation.ownerNodeId), 'consultation.manage');
    return {
      consultation,
      unitIds,
      canManage,
      canParticipate: consultation.phase !== 'draft' && onAnyUnit('participate'),
      canRecordOffline: canManage || onAnyUnit('offline.record'),
      canModerate: allows(access.on(consultation.ownerNodeId), 'comment.moderate'),
    };
  }

  /**
   * A second consultation a request names in its body (a topic accepted into an existing one):
   * the route's declaration covers the target its parameter names, so this one is checked here by
   * the guard's own rule (PermissionsService.authorize) — 404 unless the actor may see it, 403
   * unless they run it.
   */
  async requireManaged(actor: Actor, consultationId: string, m: EntityManager, lock = false): Promise<ConsultationGrants> {
    await this.permissions.authorize(actor, { action: 'consultation.manage', on: 'consultation', id: consultationId }, m);
    return this.grants(actor, consultationId, m, lock);
  }
}

function notFound(consultationId: string): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such consultation, or it is not open to you.', { consultationId });
}
