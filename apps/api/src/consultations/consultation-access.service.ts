import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Action } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { PermissionsService } from '../permissions/permissions.service';
import { Consultation } from './entities/consultation.entity';

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
 * Who may do what with one consultation. Reading needs a role on one of its units (or on the
 * node it is run from); a consultation still in its draft phase is visible to those who run it
 * only. Anyone who may not read it gets 404, so its existence does not leak across units.
 */
@Injectable()
export class ConsultationAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
  ) {}

  async grants(actor: Actor, consultationId: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<ConsultationGrants> {
    const consultation = await m.getRepository(Consultation).findOne({ where: { id: consultationId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!consultation) throw notFound(consultationId);
    const units = await m.query<{ unit_id: string }[]>(`SELECT unit_id FROM consultation_unit WHERE consultation_id = $1 ORDER BY unit_id`, [consultationId]);
    const unitIds = units.map((u) => u.unit_id);
    const onAnyUnit = async (action: Action): Promise<boolean> => {
      for (const nodeId of unitIds) if (await this.permissions.can(actor, action, { nodeId }, m)) return true;
      return false;
    };
    const canManage = await this.permissions.can(actor, 'consultation.manage', { nodeId: consultation.ownerNodeId }, m);
    const canRead = canManage || (consultation.phase !== 'draft' && (await onAnyUnit('consultation.read')));
    if (!canRead) throw notFound(consultationId);
    return {
      consultation,
      unitIds,
      canManage,
      canParticipate: consultation.phase !== 'draft' && (await onAnyUnit('participate')),
      canRecordOffline: canManage || (await onAnyUnit('offline.record')),
      canModerate: await this.permissions.can(actor, 'comment.moderate', { nodeId: consultation.ownerNodeId }, m),
    };
  }

  /** The grants, refusing with 403 unless `flag` holds. */
  async require(
    actor: Actor,
    consultationId: string,
    flag: 'canManage' | 'canParticipate' | 'canRecordOffline' | 'canModerate',
    m?: EntityManager,
    lock = false,
  ): Promise<ConsultationGrants> {
    const grants = await this.grants(actor, consultationId, m, lock);
    if (!grants[flag]) {
      throw new DomainError('FORBIDDEN', FORBIDDEN_MESSAGES[flag], { need: flag });
    }
    return grants;
  }
}

const FORBIDDEN_MESSAGES = {
  canManage: 'Only the convenors and staff running this consultation can do this.',
  canParticipate: 'Only residents of the units this consultation concerns can take part.',
  canRecordOffline: 'Only staff and building heads record opinions received offline.',
  canModerate: 'Only the convenors and staff running this consultation can moderate and reply.',
} as const;

function notFound(consultationId: string): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such consultation, or it is not open to you.', { consultationId });
}
