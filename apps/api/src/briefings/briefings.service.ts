import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { ConsultationGrants } from '../consultations/consultation-access.service';
import { ConsultationAccess } from '../consultations/consultation-access.service';
import type { BriefingDto, BriefingSignupDto, CancelBriefingDto, CreateBriefingDto, RecordAttendanceDto, UpdateBriefingDto } from './dto/briefing.dto';
import type { BriefingRow } from './briefing-store';
import { briefingRow, briefingRowsOf, deleteSignup, insertSignup, isSignedUp, markAttendance, signedUpAmong, signedUpUserIds, signupCounts, signupsWithNames } from './briefing-store';
import { Briefing } from './entities/briefing.entity';
import { invalid } from '../common/refusals';


/**
 * Briefings (宣讲) on a consultation: those who run it schedule sessions, residents of its units
 * sign up (never beyond capacity: a trigger counts under the briefing's row lock), and those who
 * run it or record offline input mark who came and count the walk-ins.
 *
 * Cancelling tells nobody yet: no notification kind fits a cancelled session, and adding one is
 * a schema change (the kind is checked by the database).
 */
@Injectable()
export class BriefingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: Actor, consultationId: string, input: CreateBriefingDto): Promise<BriefingDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    checkTimes(startsAt, endsAt);
    const id = await this.dataSource.transaction(async (m) => {
      const { consultation } = await this.access.grants(actor, consultationId, m);
      const briefing = await m.getRepository(Briefing).save({
        consultationId,
        startsAt,
        endsAt,
        place: input.place,
        capacity: input.capacity,
        notes: input.notes ?? '',
        walkIns: 0,
        cancelledAt: null,
        createdBy: actor.id,
      });
      await this.audit.record(m, {
        actor,
        nodeId: consultation.ownerNodeId,
        action: 'briefing.create',
        entityType: 'briefing',
        entityId: briefing.id,
        after: { consultationId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place: briefing.place, capacity: briefing.capacity },
      });
      return briefing.id;
    });
    return this.view(actor, id);
  }

  async list(actor: Actor, consultationId: string): Promise<BriefingDto[]> {
    return (await briefingRowsOf(this.dataSource.manager, consultationId, actor.id)).map(toDto);
  }

  async update(actor: Actor, briefingId: string, input: UpdateBriefingDto): Promise<BriefingDto> {
    await this.dataSource.transaction(async (m) => {
      const { briefing, grants } = await this.locked(m, actor, briefingId);
      assertNotCancelled(briefing);
      const before = snapshot(briefing);
      const startsAt = input.startsAt ? new Date(input.startsAt) : briefing.startsAt;
      const endsAt = input.endsAt ? new Date(input.endsAt) : briefing.endsAt;
      checkTimes(startsAt, endsAt);
      if (input.capacity !== undefined) {
        const taken = await this.taken(m, briefingId);
        if (input.capacity < taken) {
          throw new DomainError('CONFLICT', `${taken} people have signed up: the capacity cannot go below that.`, { reason: 'below_taken', taken });
        }
      }
      const changes = {
        startsAt,
        endsAt,
        place: input.place ?? briefing.place,
        capacity: input.capacity ?? briefing.capacity,
        notes: input.notes ?? briefing.notes,
      };
      await m.getRepository(Briefing).update({ id: briefingId }, changes);
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'briefing.update',
        entityType: 'briefing',
        entityId: briefingId,
        before,
        after: snapshot({ ...briefing, ...changes }),
      });
    });
    return this.view(actor, briefingId);
  }

  async cancel(actor: Actor, briefingId: string, input: CancelBriefingDto): Promise<BriefingDto> {
    await this.dataSource.transaction(async (m) => {
      const { briefing, grants } = await this.locked(m, actor, briefingId);
      assertNotCancelled(briefing);
      const cancelledAt = new Date();
      await m.getRepository(Briefing).update({ id: briefingId }, { cancelledAt });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'briefing.cancel',
        entityType: 'briefing',
        entityId: briefingId,
        before: { ...snapshot(briefing), cancelledAt: null },
        after: { cancelledAt: cancelledAt.toISOString(), reason: input.reason ?? null, signedUp: await this.taken(m, briefingId) },
      });
      const signedUp = await signedUpUserIds(m, briefingId);
      await this.notifications.notify(
        m,
        signedUp,
        'briefing_cancelled',
        { consultationId: grants.consultation.id, title: grants.consultation.title, briefingId, place: briefing.place, startsAt: briefing.startsAt.toISOString(), reason: input.reason ?? null },
        `/consultations/${grants.consultation.id}`,
      );
    });
    return this.view(actor, briefingId);
  }

  /** Signs the actor up (idempotent). The capacity trigger decides under concurrency: 409 `full`. */
  async signUp(actor: Actor, briefingId: string): Promise<BriefingDto> {
    await this.dataSource.transaction(async (m) => {
      const { briefing } = await this.locked(m, actor, briefingId);
      assertNotCancelled(briefing);
      if (briefing.startsAt <= new Date()) throw new DomainError('CONFLICT', 'This briefing has already started.', { reason: 'started' });
      if (await isSignedUp(m, briefingId, actor.id)) return;
      try {
        await insertSignup(m, briefingId, actor.id);
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'briefing_signup_capacity') {
          throw new DomainError('CONFLICT', 'This briefing is full.', { reason: 'full', capacity: briefing.capacity });
        }
        throw error;
      }
    });
    return this.view(actor, briefingId);
  }

  /** Withdraws the actor's sign-up before the session starts (idempotent). */
  async withdraw(actor: Actor, briefingId: string): Promise<BriefingDto> {
    await this.dataSource.transaction(async (m) => {
      const { briefing } = await this.locked(m, actor, briefingId);
      if (briefing.startsAt <= new Date() && !briefing.cancelledAt) {
        throw new DomainError('CONFLICT', 'This briefing has already started: the sign-up is now the attendance record.', { reason: 'started' });
      }
      await deleteSignup(m, briefingId, actor.id);
    });
    return this.view(actor, briefingId);
  }

  async signups(_actor: Actor, briefingId: string): Promise<BriefingSignupDto[]> {
    const briefing = await this.dataSource.getRepository(Briefing).findOne({ where: { id: briefingId } });
    if (!briefing) throw notFound(briefingId);
    const rows = await signupsWithNames(this.dataSource.manager, briefingId);
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, signedUpAt: r.created_at.toISOString(), attendedAt: r.attended_at?.toISOString() ?? null }));
  }

  /** Marks signed-up people present (or not) and sets the walk-in count. */
  async recordAttendance(actor: Actor, briefingId: string, input: RecordAttendanceDto): Promise<BriefingDto> {
    const present = input.present ?? [];
    const absent = input.absent ?? [];
    const both = present.filter((id) => absent.includes(id));
    if (both.length) throw invalid('absent', 'invalid', 'A person cannot be marked both present and absent.', { userIds: both });
    await this.dataSource.transaction(async (m) => {
      const { briefing, grants } = await this.locked(m, actor, briefingId);
      assertNotCancelled(briefing);
      const named = [...present, ...absent];
      if (named.length) {
        const found = await signedUpAmong(m, briefingId, named);
        const unknown = named.filter((id) => !found.includes(id));
        if (unknown.length) throw invalid('present', 'invalid', 'Only people who signed up can be marked; count the others as walk-ins.', { userIds: unknown });
      }
      const before = { attended: await this.attendedCount(m, briefingId), walkIns: briefing.walkIns };
      if (present.length) await markAttendance(m, briefingId, present, true);
      if (absent.length) await markAttendance(m, briefingId, absent, false);
      if (input.walkIns !== undefined) await m.getRepository(Briefing).update({ id: briefingId }, { walkIns: input.walkIns });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'briefing.attendance',
        entityType: 'briefing',
        entityId: briefingId,
        before,
        after: { attended: await this.attendedCount(m, briefingId), walkIns: input.walkIns ?? briefing.walkIns, present, absent },
      });
    });
    return this.view(actor, briefingId);
  }

  // --- Helpers -------------------------------------------------------------------------------

  /**
   * The briefing, locked FOR UPDATE (the capacity trigger takes the same lock, so sign-ups,
   * capacity changes and cancelling happen one after another), and the actor's rights on its
   * consultation (who may reach it at all the route declares and the access guard decides).
   */
  private async locked(m: EntityManager, actor: Actor, briefingId: string): Promise<{ briefing: Briefing; grants: ConsultationGrants }> {
    const briefing = await m.getRepository(Briefing).findOne({ where: { id: briefingId }, lock: { mode: 'pessimistic_write' } });
    if (!briefing) throw notFound(briefingId);
    return { briefing, grants: await this.access.grants(actor, briefing.consultationId, m) };
  }

  private async taken(m: EntityManager, briefingId: string): Promise<number> {
    return (await signupCounts(m, briefingId)).taken;
  }

  private async attendedCount(m: EntityManager, briefingId: string): Promise<number> {
    return (await signupCounts(m, briefingId)).attended;
  }

  private async view(actor: Actor, briefingId: string): Promise<BriefingDto> {
    const row = await briefingRow(this.dataSource.manager, briefingId, actor.id);
    return toDto(row!);
  }
}

function toDto(r: BriefingRow): BriefingDto {
  return {
      id: r.id,
      consultationId: r.consultation_id,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      place: r.place,
      capacity: r.capacity,
      notes: r.notes,
      taken: r.taken,
      attended: r.attended,
      walkIns: r.walk_ins,
      cancelledAt: r.cancelled_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      mine: { signedUp: r.signed_up, attended: r.attended_me },
  };
}

function snapshot(b: Pick<Briefing, 'startsAt' | 'endsAt' | 'place' | 'capacity' | 'notes'>): Record<string, unknown> {
  return { startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString(), place: b.place, capacity: b.capacity, notes: b.notes };
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt <= startsAt) throw invalid('endsAt', 'invalid', 'A briefing ends after it starts.');
}

function assertNotCancelled(briefing: Briefing): void {
  if (briefing.cancelledAt) throw new DomainError('CONFLICT', 'This briefing has been cancelled.', { reason: 'cancelled' });
}

function notFound(briefingId: string): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such briefing, or it is not open to you.', { briefingId });
}

