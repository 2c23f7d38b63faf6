import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { conflict, invalid } from '../common/refusals';
import { ancestryOf } from '../organizations/organization-store';
import { holdersAmong, holdersMatching } from '../users/grant-store';
import type { AddGuestDto, GuestDto, OfficerCandidateDto, OfficerDto, SetOfficersDto } from './dto/room.dto';
import type { OfficerRole } from './entities/session-officer.entity';
import { guestArrivesOrLeaves, guestsOf, insertGuest, officersOf, replaceOfficers } from './room-store';
import type { GuestRow } from './room-store';
import { SessionEvents } from './session-events';
import { requireCheckInTime } from './session-rolls';
import type { SessionRow } from './session-store';
import { sessionRow } from './session-store';

/** At most this many accounts answer a search for officers. */
const CANDIDATES = 20;

/**
 * Who runs a session's room — chair, recorder, tellers and scrutineers, named among the accounts
 * holding a role on the session's units or above them — and the named guests on no roll, checked
 * in at the desk (never counted).
 */
@Injectable()
export class SessionOfficersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: SessionEvents,
  ) {}

  async officers(sessionId: string): Promise<OfficerDto[]> {
    return (await officersOf(this.dataSource.manager, sessionId)).map((o) => ({ userId: o.user_id, role: o.role, name: o.display_name }));
  }

  /** Names the officers (all at once: the list replaces the one before). */
  async setOfficers(actor: Actor, sessionId: string, input: SetOfficersDto): Promise<OfficerDto[]> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      requireOpen(row);
      const both = input.tellerIds.filter((id) => input.scrutineerIds.includes(id));
      if (both.length) throw invalid('scrutineerIds', 'invalid', 'A scrutineer checks the tellers’ work: nobody is both.', { userIds: both });
      const officers: { userId: string; role: OfficerRole }[] = [
        ...(input.chairId ? [{ userId: input.chairId, role: 'chair' as const }] : []),
        ...(input.recorderId ? [{ userId: input.recorderId, role: 'recorder' as const }] : []),
        ...input.tellerIds.map((userId) => ({ userId, role: 'teller' as const })),
        ...input.scrutineerIds.map((userId) => ({ userId, role: 'scrutineer' as const })),
      ];
      const ids = [...new Set(officers.map((o) => o.userId))];
      const eligible = await holdersAmong(m, await this.nodesOf(m, row), ids);
      const stranger = ids.filter((id) => !eligible.has(id));
      if (stranger.length) {
        throw invalid('officers', 'invalid', 'Officers are accounts with a role on the session’s units (or above them): these are not.', { userIds: stranger });
      }
      await replaceOfficers(m, sessionId, officers);
      await this.events.announce(m, sessionId, 'session');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.officers', entityType: 'discussion_session', entityId: sessionId, after: { officers } });
    });
    return this.officers(sessionId);
  }

  /** Accounts that may be named officers, by name or the end of their phone number. */
  async candidates(sessionId: string, text: string): Promise<OfficerCandidateDto[]> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    const rows = await holdersMatching(m, await this.nodesOf(m, row), text.trim(), CANDIDATES);
    return rows.map((r) => ({ userId: r.id, name: r.display_name, phoneTail: r.phone_tail }));
  }

  /** The session's node and units and every node above them: where a role makes an account eligible. */
  private async nodesOf(m: EntityManager, row: SessionRow): Promise<string[]> {
    const nodes = new Set<string>();
    for (const id of [row.node_id, ...row.units.map((u) => u.id)]) for (const n of (await ancestryOf(m, id)) ?? []) nodes.add(n);
    return [...nodes];
  }

  async guests(sessionId: string): Promise<GuestDto[]> {
    return (await guestsOf(this.dataSource.manager, sessionId)).map(guestDto);
  }

  async addGuest(actor: Actor, sessionId: string, input: AddGuestDto): Promise<GuestDto[]> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      requireOpen(row);
      if ((await guestsOf(m, sessionId)).length >= 100) throw invalid('name', 'arrayMaxSize', 'A session names at most 100 guests.');
      const guest = { name: input.name.trim(), affiliation: input.affiliation?.trim() ?? '' };
      const id = await insertGuest(m, sessionId, guest, actor.id);
      await this.events.announce(m, sessionId, 'attendance');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.guest_add', entityType: 'discussion_session', entityId: sessionId, after: { guestId: id, ...guest } });
    });
    return this.guests(sessionId);
  }

  /** A guest arrives at the desk, or leaves. */
  async guestAtDesk(actor: Actor, sessionId: string, guestId: string, what: 'arrive' | 'leave'): Promise<GuestDto[]> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      requireCheckInTime(row);
      const done = await guestArrivesOrLeaves(m, sessionId, guestId, what);
      if (!done) throw new DomainError('NOT_FOUND', 'This session names no such guest.', { guestId });
      if (!done.changed) {
        if (what === 'arrive') throw conflict('already_checked_in', `${done.row.name} checked in at ${done.row.checked_in_at!.toISOString()}.`, { checkedInAt: done.row.checked_in_at!.toISOString() });
        throw done.row.checked_in_at ? conflict('already_left', `${done.row.name} left at ${done.row.left_at!.toISOString()}.`) : conflict('not_checked_in', `${done.row.name} has not checked in.`);
      }
      await this.events.announce(m, sessionId, 'attendance');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: what === 'arrive' ? 'session.guest_check_in' : 'session.guest_departure', entityType: 'discussion_session', entityId: sessionId, after: { guestId } });
    });
    return this.guests(sessionId);
  }
}

export function guestDto(g: GuestRow): GuestDto {
  return { id: g.id, name: g.name, affiliation: g.affiliation, checkedInAt: g.checked_in_at?.toISOString() ?? null, leftAt: g.left_at?.toISOString() ?? null };
}

/** Officers and guests are named until the session ends; never on a cancelled one. */
function requireOpen(row: SessionRow): void {
  if (row.status === 'cancelled') throw conflict('cancelled', 'This session was cancelled.');
  if (Date.now() > row.ends_at.getTime()) throw conflict('started', 'This session is over.');
}
