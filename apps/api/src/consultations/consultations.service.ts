import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PHASE_INDEX } from '@yishi/contracts';
import { DAY_MS } from '@yishi/domain';
import type { ConsultationPhase } from '@yishi/contracts';
import { RULE_SETS } from '@yishi/domain';
import type { RuleSetId } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PermissionsService } from '../permissions/permissions.service';
import type { ConsultationGrants } from './consultation-access.service';
import { ConsultationAccess } from './consultation-access.service';
import type {
  ChangePhaseDto,
  ConsultationDetailDto,
  ConsultationSummaryDto,
  CreateConsultationDto,
  PhasePlanDto,
  UpdateConsultationDto,
} from './dto/consultation.dto';
import { ConsultationPhasePlan } from './entities/consultation-phase.entity';
import { ConsultationUnit } from './entities/consultation-unit.entity';
import { Consultation } from './entities/consultation.entity';
import { invalid } from '../common/refusals';
import { nodeKind, nodesUnder } from '../organizations/organization-store';
import { claimCommentReminders, consultationsDueToAdvance, consultationsOfUnit, consultationSummaryRows, consultationWithUnits, latestPublishedVersion, unitsOfConsultation } from './consultation-store';


/** The phases at or after which residents must have a published draft to read. */
function needsPublishedDraft(phase: ConsultationPhase): boolean {
  return PHASE_INDEX.get(phase)! >= PHASE_INDEX.get('briefing')!;
}

/**
 * Consultations: opened on a node for one or several units, planned in phases, moved forward by
 * date (a job) or by their convenor, and back only with a reason. Residents of the units are told
 * when one opens and when its phase changes.
 */
@Injectable()
export class ConsultationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'consultations.phases', everyMs: 60_000, run: async () => void (await this.advanceByDate()) });
    this.jobs.register({ name: 'consultations.reminders', everyMs: 5 * 60_000, run: async () => void (await this.remindCommentPeriodEnding()) });
  }

  async create(actor: Actor, nodeId: string, input: CreateConsultationDto): Promise<ConsultationDetailDto> {
    const id = await this.dataSource.transaction((m) => this.createInTransaction(m, actor, nodeId, input));
    return this.detail(actor, id);
  }

  /** Also used by topic screening ("accept into a new consultation"). Returns the new id. */
  async createInTransaction(m: EntityManager, actor: Actor, nodeId: string, input: CreateConsultationDto): Promise<string> {
    const kind = await nodeKind(m, nodeId);
    const unitIds = input.unitIds ?? (kind === 'cooperative' || kind === 'compound' ? [nodeId] : []);
    if (unitIds.length === 0) {
      throw invalid('unitIds', 'invalid', 'A consultation opened on a street or community names the units it concerns.');
    }
    await this.assertUnitsFit(m, nodeId, unitIds, input.ruleSet);
    const phases = checkPlan(input.phases ?? []);
    const consultation = await m.getRepository(Consultation).save({
      ownerNodeId: nodeId,
      title: input.title.trim(),
      summary: input.summary?.trim() ?? '',
      ruleSet: input.ruleSet,
      phase: 'draft',
      createdBy: actor.id,
      commentReminderSentAt: null,
    });
    await m.getRepository(ConsultationUnit).insert(unitIds.map((unitId) => ({ consultationId: consultation.id, unitId })));
    await this.savePlan(m, consultation.id, phases);
    await this.audit.record(m, {
      actor,
      nodeId,
      action: 'consultation.create',
      entityType: 'consultation',
      entityId: consultation.id,
      after: { title: consultation.title, ruleSet: consultation.ruleSet, unitIds, phases: phases.map((p) => p.phase) },
    });
    return consultation.id;
  }

  /** The units must lie under the node, and be of the kind the rule set's body decides for. */
  private async assertUnitsFit(m: EntityManager, nodeId: string, unitIds: string[], ruleSet: RuleSetId): Promise<void> {
    const rows = await nodesUnder(m, unitIds, nodeId);
    const bad = unitIds.filter((id) => {
      const row = rows.find((r) => r.id === id);
      return !row || !row.under || (row.kind !== 'cooperative' && row.kind !== 'compound');
    });
    if (bad.length) throw invalid('unitIds', 'invalid', 'Every unit must be a cooperative or compound under the node the consultation is opened on.', { unitIds: bad });
    const electorate = RULE_SETS[ruleSet].electorate;
    const wrongKind = rows.filter((r) => (electorate === 'compound' && r.kind !== 'compound') || (electorate === 'persons' && r.kind !== 'cooperative'));
    if (wrongKind.length) {
      throw invalid('ruleSet', 'invalid', `The rule set ${ruleSet} is for ${electorate === 'compound' ? 'owners of a compound' : 'members of a cooperative or village'}, not for every unit named.`, {
        unitIds: wrongKind.map((r) => r.id),
      });
    }
  }

  private async savePlan(m: EntityManager, consultationId: string, phases: PhasePlanDto[]): Promise<void> {
    await m.getRepository(ConsultationPhasePlan).delete({ consultationId });
    if (phases.length) {
      await m.getRepository(ConsultationPhasePlan).insert(
        phases.map((p) => ({ consultationId, phase: p.phase, startsAt: new Date(p.startsAt), endsAt: p.endsAt ? new Date(p.endsAt) : null })),
      );
    }
  }

  async listForUnit(actor: Actor, unitId: string, phase?: ConsultationPhase): Promise<ConsultationSummaryDto[]> {
    const ids = await consultationsOfUnit(this.dataSource.manager, unitId, phase ?? null);
    const visible: string[] = [];
    for (const row of ids) {
      if (row.phase !== 'draft' || (await this.permissions.can(actor, 'consultation.manage', { nodeId: row.owner_node_id }))) visible.push(row.id);
    }
    return this.summaries(visible);
  }

  async detail(actor: Actor, id: string): Promise<ConsultationDetailDto> {
    const grants = await this.access.grants(actor, id);
    const [summary] = await this.summaries([id]);
    const plan = await this.dataSource.getRepository(ConsultationPhasePlan).find({ where: { consultationId: id } });
    plan.sort((a, b) => PHASE_INDEX.get(a.phase)! - PHASE_INDEX.get(b.phase)!);
    const body = RULE_SETS[grants.consultation.ruleSet].body;
    return {
      ...summary!,
      phases: plan.map((p) => ({ phase: p.phase, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt?.toISOString() ?? null })),
      bodyZh: body['zh-CN'],
      bodyEn: body.en,
      me: rights(grants),
    };
  }

  async update(actor: Actor, id: string, input: UpdateConsultationDto): Promise<ConsultationDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const { consultation } = await this.access.grants(actor, id, m, true);
      const before = { title: consultation.title, summary: consultation.summary };
      if (input.title !== undefined) consultation.title = input.title.trim();
      if (input.summary !== undefined) consultation.summary = input.summary.trim();
      await m.getRepository(Consultation).update({ id }, { title: consultation.title, summary: consultation.summary });
      if (input.phases) await this.savePlan(m, id, checkPlan(input.phases));
      await this.audit.record(m, {
        actor,
        nodeId: consultation.ownerNodeId,
        action: 'consultation.update',
        entityType: 'consultation',
        entityId: id,
        before,
        after: { title: consultation.title, summary: consultation.summary, phases: input.phases?.map((p) => p.phase) ?? null },
      });
    });
    return this.detail(actor, id);
  }

  /** The convenor moves the consultation on, or back with a reason (audited either way). */
  async changePhase(actor: Actor, id: string, input: ChangePhaseDto): Promise<ConsultationDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const grants = await this.access.grants(actor, id, m, true);
      const from = grants.consultation.phase;
      if (from === input.to) throw new DomainError('CONFLICT', `The consultation is already in the ${from} phase.`, { phase: from });
      const back = PHASE_INDEX.get(input.to)! < PHASE_INDEX.get(from)!;
      if (back && !input.reason?.trim()) {
        throw invalid('reason', 'invalid', 'Going back to an earlier phase needs a reason; it is recorded in the audit trail.');
      }
      await this.moveTo(m, grants, input.to, actor, back ? input.reason!.trim() : null);
    });
    return this.detail(actor, id);
  }

  private async moveTo(m: EntityManager, grants: ConsultationGrants, to: ConsultationPhase, actor: Actor | null, reason: string | null): Promise<void> {
    const { consultation, unitIds } = grants;
    if (needsPublishedDraft(to)) {
      if (!(await latestPublishedVersion(m, consultation.id))) {
        throw new DomainError('CONFLICT', 'Publish a version of the draft before opening the consultation to residents.', { phase: to });
      }
    }
    const from = consultation.phase;
    await m.getRepository(Consultation).update({ id: consultation.id }, { phase: to, phaseChangedAt: new Date() });
    await this.audit.record(m, {
      actor,
      nodeId: consultation.ownerNodeId,
      action: reason ? 'consultation.phase_back' : 'consultation.phase',
      entityType: 'consultation',
      entityId: consultation.id,
      before: { phase: from },
      after: { phase: to, reason, automatic: actor === null },
    });
    const link = `/consultations/${consultation.id}`;
    const params = { consultationId: consultation.id, title: consultation.title, from, to };
    await this.notifications.notifyUnits(m, unitIds, from === 'draft' ? 'consultation_opened' : 'phase_changed', params, link, actor?.id ?? null);
  }

  /** The job: move each consultation on to the latest phase whose planned start has come. */
  async advanceByDate(now = new Date()): Promise<number> {
    const due = await consultationsDueToAdvance(this.dataSource.manager, now);
    let moved = 0;
    for (const row of due) {
      await this.dataSource.transaction(async (m) => {
        const read = await consultationWithUnits(m, row.id, true);
        if (!read || PHASE_INDEX.get(read.consultation.phase)! >= PHASE_INDEX.get(row.phase)!) return;
        const grants: ConsultationGrants = {
          consultation: read.consultation,
          unitIds: read.unitIds,
          canManage: true,
          canParticipate: false,
          canRecordOffline: false,
          canModerate: false,
        };
        try {
          await this.moveTo(m, grants, row.phase, null, null);
          moved += 1;
        } catch (error) {
          // Without a published draft the date cannot open it: it stays where it is, for the convenor to see.
          if (!(error instanceof DomainError)) throw error;
        }
      });
    }
    return moved;
  }

  /** The job: one reminder per consultation a day before its comment period ends. */
  async remindCommentPeriodEnding(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const claimed = await claimCommentReminders(m, now, new Date(now.getTime() + DAY_MS));
      for (const c of claimed) {
        await this.notifications.notifyUnits(
          m,
          await unitsOfConsultation(m, c.id),
          'comment_period_ending',
          { consultationId: c.id, title: c.title, endsAt: c.ends_at.toISOString() },
          `/consultations/${c.id}`,
        );
      }
      return claimed.length;
    });
  }

  private async summaries(ids: string[]): Promise<ConsultationSummaryDto[]> {
    if (ids.length === 0) return [];
    const rows = await consultationSummaryRows(this.dataSource.manager, ids);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      ruleSet: r.rule_set,
      phase: r.phase,
      phaseChangedAt: r.phase_changed_at.toISOString(),
      ownerNodeId: r.owner_node_id,
      ownerNodeName: r.owner_node_name,
      units: r.units,
      currentVersion: r.current_version,
      commentCount: r.comment_count,
      createdAt: r.created_at.toISOString(),
    }));
  }
}

export function rights(grants: ConsultationGrants): ConsultationDetailDto['me'] {
  return { canManage: grants.canManage, canParticipate: grants.canParticipate, canRecordOffline: grants.canRecordOffline, canModerate: grants.canModerate };
}


/** Each phase at most once, in the order of the phases, with dates that follow one another. */
function checkPlan(phases: PhasePlanDto[]): PhasePlanDto[] {
  const sorted = [...phases].sort((a, b) => PHASE_INDEX.get(a.phase)! - PHASE_INDEX.get(b.phase)!);
  for (let i = 0; i < sorted.length; i += 1) {
    const p = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.phase === p.phase) throw invalid('phases', 'invalid', `The phase ${p.phase} is planned twice.`);
    if (p.endsAt && new Date(p.endsAt) <= new Date(p.startsAt)) throw invalid('phases', 'invalid', `The ${p.phase} phase must end after it starts.`);
    if (i > 0 && new Date(p.startsAt) < new Date(sorted[i - 1]!.startsAt)) {
      throw invalid('phases', 'invalid', `The ${p.phase} phase cannot start before the ${sorted[i - 1]!.phase} phase.`);
    }
  }
  return sorted;
}
