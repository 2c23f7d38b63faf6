import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Grant, ShorteningFile } from '@yishi/domain';
import { grantsReaching, SUPERVISING_ROLES, supervisesUnit, windowShorterThan } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { NodeAccess } from '../../permissions/permissions.service';
import { PermissionsService } from '../../permissions/permissions.service';
import type { PendingShorteningDto, ShorteningDto } from './dto/vote.dto';
import type { Vote } from '../entities/vote.entity';
import type { ShorteningRow } from './shortening-store';
import {
  approvedShorteningRow,
  hasPendingShortening,
  insertShortening,
  isRequestedBy,
  latestShorteningRow,
  lockShortening,
  pendingShorteningsUnder,
  shorteningRow,
  updateShortening,
} from './shortening-store';
import { lockVote, updateVote } from './vote-store';
import { conflict, forbidden, invalid } from '../../common/refusals';
import { assertReasonOfSubstance } from '../../common/reasons';


function view(row: ShorteningRow): ShorteningDto {
  return {
    id: row.id,
    voteId: row.vote_id,
    status: row.status,
    shortensNotice: row.shortens_notice,
    shortensWindow: row.shortens_window,
    reason: row.reason,
    requestedByName: row.requester,
    requestedAt: row.requested_at.toISOString(),
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    noticeEndsAt: row.notice_ends_at.toISOString(),
    decidedByName: row.decider,
    deciderRole: row.decider_role,
    deciderNodeName: row.decider_node,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
  };
}

/**
 * Shortenings (缩短公告期或表决期): the convenor asks, with a reason of substance, to open a vote
 * before its legal notice has run or to let it run for less than its rule set's shortest window;
 * a second person who supervises the unit — staff or admin of its community or street, neither
 * the one who asked nor the one who announced the vote — approves or refuses, with a note. Every
 * step is audited; the vote opens early or short only under an approved one (VotesService.open,
 * and a trigger on vote). Informal polls never need one.
 */
@Injectable()
export class ShorteningsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Files a request for a scheduled vote (locked by the caller when `m` is its transaction). The
   * opening asked for is `opensAt`, or the vote's announced opening; a time already past means as
   * soon as it is approved. Refused when nothing is shortened, or while another request waits.
   */
  async request(actor: Actor, vote: Vote, input: { reason: string; opensAt?: string | null }, m: EntityManager, now = new Date()): Promise<ShorteningDto> {
    if (vote.status !== 'scheduled') throw conflict('not_scheduled', `The vote is ${vote.status}: only a vote waiting to open can be shortened.`);
    assertReasonOfSubstance('reason', input.reason);
    const asked = input.opensAt ? new Date(input.opensAt) : vote.opensAt;
    const opensAt = asked < now ? now : asked;
    if (opensAt >= vote.closesAt) throw invalid('opensAt', 'afterClose', 'Voting must open before it closes.');
    // The vote's own clock (fixed when announced), not today's table.
    const shortensNotice = opensAt < vote.noticeEndsAt;
    const shortensWindow = windowShorterThan(opensAt, vote.closesAt, vote.minVotingHours);
    if (!shortensNotice && !shortensWindow) {
      throw conflict('not_needed', 'The vote keeps its legal notice and its shortest window: nothing needs approving.', { noticeEndsAt: vote.noticeEndsAt.toISOString() });
    }
    if (await hasPendingShortening(m, vote.id)) throw conflict('shortening_pending', 'A request to shorten this vote is already waiting for a decision.');
    const saved = await insertShortening(m, {
      voteId: vote.id,
      requestedBy: actor.id,
      requestedAt: now,
      reason: input.reason,
      opensAt,
      closesAt: vote.closesAt,
      noticeEndsAt: vote.noticeEndsAt,
      shortensNotice,
      shortensWindow,
      status: 'pending',
    });
    await this.audit.record(m, {
      actor,
      nodeId: vote.unitId,
      action: 'vote.shortening_request',
      entityType: 'vote_shortening',
      entityId: saved.id,
      after: { voteId: vote.id, reason: input.reason, opensAt: opensAt.toISOString(), noticeEndsAt: vote.noticeEndsAt.toISOString(), shortensNotice, shortensWindow },
    });
    return (await this.byId(saved.id, m))!;
  }

  /** `POST /votes/:id/shortenings`: the convenor asks for a scheduled vote of their unit. */
  async requestFor(actor: Actor, voteId: string, input: { reason: string; opensAt?: string }): Promise<ShorteningDto> {
    return this.dataSource.transaction(async (m) => {
      const vote = await lockVote(m, voteId);
      if (!vote) throw new DomainError('NOT_FOUND', 'There is no such vote, or it is not open to you.', { voteId });
      return this.request(actor, vote, input, m);
    });
  }

  /**
   * Approves or refuses a pending request. The decider must supervise the unit — staff or admin
   * on its community or street — and be neither who asked nor who announced the vote; the grant
   * they act under (the nearest above the unit) is recorded. Approval moves the vote's opening to
   * the time asked, so the opening job opens it then (or the convenor, once the time has come).
   */
  async decide(actor: Actor, shorteningId: string, outcome: 'approved' | 'refused', note: string): Promise<ShorteningDto> {
    return this.dataSource.transaction(async (m) => {
      const shortening = await lockShortening(m, shorteningId);
      const notFound = new DomainError('NOT_FOUND', 'There is no such request, or it is not yours to decide.', { shorteningId });
      if (!shortening) throw notFound;
      const vote = await lockVote(m, shortening.voteId);
      if (!vote) throw notFound;
      const ancestry = await this.permissions.ancestry(vote.unitId, m);
      const grants = await this.permissions.grantsOf(actor.id, m);
      // Nobody with a role on or above the unit learns that the request exists.
      if (!ancestry || grantsReaching(grants, { ancestry }).length === 0) throw notFound;
      const grant = this.supervisingGrant(grants, ancestry);
      if (!grant) {
        throw forbidden('not_supervisor', 'A shortening is decided by staff of the community or street above the unit, not by anyone whose role is on the unit itself.');
      }
      if (actor.id === shortening.requestedBy || actor.id === vote.createdBy) {
        throw forbidden('same_person', 'A second person decides: not the one who asked for the shortening, nor the one who announced the vote.');
      }
      if (shortening.status !== 'pending') throw conflict('already_decided', `This request was ${shortening.status} already.`);
      if (vote.status !== 'scheduled') throw conflict('not_scheduled', `The vote is ${vote.status}: there is nothing left to shorten.`);
      const now = new Date();
      await updateShortening(m, shortening.id, {
        status: outcome,
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: note,
        deciderRole: grant.role as 'staff' | 'admin',
        deciderNodeId: grant.nodeId,
      });
      if (outcome === 'approved') await updateVote(m, vote.id, { opensAt: shortening.opensAt });
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: outcome === 'approved' ? 'vote.shortening_approve' : 'vote.shortening_refuse',
        entityType: 'vote_shortening',
        entityId: shortening.id,
        before: { status: 'pending', opensAt: vote.opensAt.toISOString() },
        after: { status: outcome, note, role: grant.role, nodeId: grant.nodeId, opensAt: (outcome === 'approved' ? shortening.opensAt : vote.opensAt).toISOString() },
      });
      return (await this.byId(shortening.id, m))!;
    });
  }

  /** The requests waiting for the actor's decision on the units under `nodeId` that they supervise, oldest first. */
  async pendingUnder(actor: Actor, nodeId: string): Promise<PendingShorteningDto[]> {
    const rows = await pendingShorteningsUnder(this.dataSource.manager, nodeId);
    const grants = await this.permissions.grantsOf(actor.id);
    const ancestries = new Map<string, string[]>();
    const result: PendingShorteningDto[] = [];
    for (const row of rows) {
      if (row.requested_by === actor.id || row.created_by === actor.id) continue;
      if (!ancestries.has(row.unit_id)) ancestries.set(row.unit_id, (await this.permissions.ancestry(row.unit_id)) ?? []);
      if (!supervisesUnit(grants, { ancestry: ancestries.get(row.unit_id)! })) continue;
      result.push({ ...view(row), vote: { id: row.vote_id, title: row.title, unitId: row.unit_id, unitName: row.unit_name, ruleSet: row.rule_set, announcedAt: row.announced_at.toISOString() } });
    }
    return result;
  }

  /** The grant a supervisor decides under: staff or admin on the nearest node above the unit. */
  supervisingGrant(grants: readonly Grant[], ancestry: readonly string[]): Grant | null {
    for (const nodeId of ancestry.slice(1)) {
      const grant = grants.find((g) => g.nodeId === nodeId && SUPERVISING_ROLES.includes(g.role));
      if (grant) return grant;
    }
    return null;
  }

  /** Whether the actor may decide this vote's shortenings, on their access to its unit as already loaded (see PermissionsService.accessOn). */
  supervisesWith(actor: Actor, vote: Pick<Vote, 'createdBy'>, access: NodeAccess | null): boolean {
    if (actor.id === vote.createdBy) return false;
    return !!access && supervisesUnit(access.grants, { ancestry: access.ancestry });
  }

  /** Whether this person asked for the shortening (and so may not decide it). */
  async requestedBy(shorteningId: string, userId: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    return isRequestedBy(m, shorteningId, userId);
  }

  async byId(id: string, m: EntityManager = this.dataSource.manager): Promise<ShorteningDto | null> {
    const row = await shorteningRow(m, id);
    return row ? view(row) : null;
  }

  /** The latest request of a vote, or only its latest approved one (what residents see). */
  async latestOf(voteId: string, approvedOnly: boolean, m: EntityManager = this.dataSource.manager): Promise<ShorteningDto | null> {
    const row = await latestShorteningRow(m, voteId, approvedOnly);
    return row ? view(row) : null;
  }

  /** The approved request a vote may open under now, if any: the latest whose opening time has come. */
  async approvedFor(voteId: string, now: Date, m: EntityManager): Promise<ShorteningDto | null> {
    const row = await approvedShorteningRow(m, voteId, now);
    return row ? view(row) : null;
  }

  /** The record vote.json carries of an approved shortening. */
  fileOf(shortening: ShorteningDto): ShorteningFile {
    return {
      shortensNotice: shortening.shortensNotice,
      shortensWindow: shortening.shortensWindow,
      reason: shortening.reason,
      requestedBy: shortening.requestedByName,
      requestedAt: shortening.requestedAt,
      approvedBy: shortening.decidedByName!,
      approverRole: shortening.deciderRole!,
      approverNode: shortening.deciderNodeName!,
      approvedAt: shortening.decidedAt!,
      note: shortening.decisionNote!,
    };
  }
}
