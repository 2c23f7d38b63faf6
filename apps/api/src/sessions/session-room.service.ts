import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { conflict, forbidden, invalid } from '../common/refusals';
import { clauseRows } from '../consultations/draft-store';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import { PermissionsService } from '../permissions/permissions.service';
import { accountRollEntries } from '../rolls/roll-reads';
import type { ProxyMark } from '../votes/ballots/ballot-choices';
import { txQuery } from '../votes/ballots/ballot-store';
import { castAtMeeting, meetingProgress, voterNames, votersOfPersons } from '../votes/ballots/meeting-cast';
import { pseudonym } from '../votes/pseudonym';
import type { EnterSlipDto, GistDto, HandsDto, RoomBallotDto, RoomBallotResultDto, RoomDto, RoomItemDto, SetCurrentItemDto, SlipDto } from './dto/room.dto';
import { lockedAs, mayChair, standingOf } from './room-access';
import type { Presence } from './room-presence';
import { agentHere, isHere, presenceIn, requireSitting, speakerDtos } from './room-presence';
import type { SlipRow } from './room-store';
import {
  currentOf,
  existingAccounts,
  guestsOf,
  insertSlip,
  liveSlipOf,
  lockSlip,
  recordHands,
  roomItemsOf,
  setCurrent,
  setGist,
  setRoomVoting,
  settleSlip,
  slipsOf,
  speechesWaiting,
} from './room-store';
import { SessionEvents } from './session-events';
import { personKey } from './session-rolls';
import type { AgendaRow, ProxyRow } from './session-store';
import { agendaOf, sessionRow } from './session-store';

type Person = { personType: 'owner' | 'member'; personId: string };

/**
 * The room of a session while it sits: the item (and clause) on the screen, voting in the room on
 * a vote item — opened by the chair only with the body's quorum, cast on a present voter's phone
 * or from a paper slip a teller entered and a scrutineer confirmed, into the vote's one count and
 * one chain (channel `meeting`) — a show of hands on any other item (indicative only), and the gist
 * the recorder notes. The speakers' queue is SessionSpeakersService's.
 */
@Injectable()
export class SessionRoomService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly events: SessionEvents,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /** What the screen and the chair show. */
  async room(actor: Actor, sessionId: string): Promise<RoomDto> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    const standing = await standingOf(m, this.permissions, actor, row);
    const [agenda, current, records, waiting] = await Promise.all([agendaOf(m, sessionId), currentOf(m, sessionId), roomItemsOf(m, sessionId), speechesWaiting(m, sessionId)]);
    const items: RoomItemDto[] = [];
    for (const item of agenda) {
      const record = records.get(item.id)!;
      items.push({
        itemId: item.id,
        clauses: item.version_id ? (await clauseRows(m, item.version_id)).map((c) => ({ id: c.id, number: c.number, heading: c.heading })) : [],
        gist: record.gist,
        hands:
          record.hands_at && record.hands_for !== null
            ? { for: record.hands_for, against: record.hands_against!, abstain: record.hands_abstain!, at: record.hands_at.toISOString(), indicative: true }
            : null,
        vote: item.vote_id ? await this.roomVote(m, item, record.room_opened_at, record.room_closed_at) : null,
      });
    }
    const currentItem = agenda.find((a) => a.id === current.item_id);
    let clause: RoomDto['clause'] = null;
    if (currentItem?.version_id && current.clause_id) {
      const found = (await clauseRows(m, currentItem.version_id)).find((c) => c.id === current.clause_id);
      if (found) clause = { id: found.id, number: found.number, heading: found.heading, body: found.body };
    }
    const speakers = waiting.length ? await speakerDtos(m, row, waiting) : [];
    return {
      currentItemId: current.item_id,
      clause,
      items,
      speaking: speakers.find((s) => s.calledAt !== null) ?? null,
      queue: speakers.filter((s) => s.calledAt === null),
      myRoles: [...standing.roles],
      mayChair: mayChair(standing),
      mayRecord: standing.roles.has('recorder') || standing.manages,
    };
  }

  private async roomVote(m: EntityManager, item: AgendaRow, openedAt: Date | null, closedAt: Date | null): Promise<RoomItemDto['vote']> {
    const progress = (await meetingProgress(txQuery(m), item.vote_id!))!;
    const slips = await slipsOf(m, item.id);
    return {
      voteId: item.vote_id!,
      status: progress.status,
      closesAt: progress.closesAt.toISOString(),
      openInRoom: openedAt !== null && closedAt === null,
      roomOpenedAt: openedAt?.toISOString() ?? null,
      roomClosedAt: closedAt?.toISOString() ?? null,
      electorate: progress.electorate,
      voted: progress.voted,
      votedInRoom: progress.votedInRoom,
      slipsWaiting: slips.filter((s) => s.status === 'entered').length,
      passed: progress.passed,
      explanation: progress.explanation?.['zh-CN'] ?? null,
      explanationEn: progress.explanation?.en ?? null,
    };
  }

  /** The chair puts an item (and for a draft, the clause being read) on the screen. */
  async setCurrent(actor: Actor, sessionId: string, input: SetCurrentItemDto): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await lockedAs(m, this.permissions, actor, sessionId, 'chair');
      requireSitting(row);
      let clauseId: string | null = null;
      if (input.itemId !== null) {
        const item = await this.item(m, sessionId, input.itemId);
        if (input.clauseId) {
          if (!item.version_id || !(await clauseRows(m, item.version_id)).some((c) => c.id === input.clauseId)) {
            throw invalid('clauseId', 'invalid', 'The clause is none of this item’s draft version.');
          }
          clauseId = input.clauseId;
        }
      } else if (input.clauseId) throw invalid('clauseId', 'invalid', 'A clause is read on a draft item: name the item too.');
      await setCurrent(m, sessionId, input.itemId, clauseId);
      await this.events.announce(m, sessionId, 'room');
    });
    return this.room(actor, sessionId);
  }

  /** The chair opens voting in the room on a vote item: only while the session sits, the vote is open, and the body's quorum is present. */
  async openRoomVoting(actor: Actor, sessionId: string, itemId: string): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await lockedAs(m, this.permissions, actor, sessionId, 'chair');
      requireSitting(row);
      const item = await this.item(m, sessionId, itemId);
      if (!item.vote_id) throw conflict('not_a_vote_item', 'Only an item linked to a vote is voted on in the room.');
      if (item.deferred_at) throw conflict('item_deferred', 'This item was put off.');
      const progress = (await meetingProgress(txQuery(m), item.vote_id))!;
      if (progress.assembly) throw conflict('assembly_on_paper', 'An assembly’s ballot of several matters is filled in online or on its paper ballot, not voted matter by matter in the room.');
      const now = new Date();
      if (progress.status !== 'open' || now < progress.opensAt || now >= progress.closesAt) {
        throw conflict(progress.status === 'scheduled' ? 'not_open_yet' : 'closed', 'The vote is not open: voting in the room happens while the vote itself is open.', {
          status: progress.status,
          opensAt: progress.opensAt.toISOString(),
          closesAt: progress.closesAt.toISOString(),
        });
      }
      const quorum = (await presenceIn(m, row)).quorum;
      if (quorum.met === false) {
        const short = quorum.measures.filter((q) => !q.met).map((q) => ({ measure: q.id, missing: q.missing, present: q.present, total: q.total }));
        throw conflict('no_quorum', `The quorum is not present (${quorum.statuteEn ?? 'the body’s rule'}): ${short.map((s) => `${s.missing} more ${s.measure === 'area' ? '1/100 m²' : 'persons'}`).join(' and ')} needed before voting in the room.`, {
          measures: short,
        });
      }
      if (!(await setRoomVoting(m, sessionId, itemId, 'open'))) throw conflict('already_open', 'Voting in the room was already opened on this item.');
      await setCurrent(m, sessionId, itemId, null);
      await this.events.announce(m, sessionId, 'room');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.room_voting_open', entityType: 'discussion_session', entityId: sessionId, after: { itemId, voteId: item.vote_id, quorum } });
    });
    return this.room(actor, sessionId);
  }

  async closeRoomVoting(actor: Actor, sessionId: string, itemId: string): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await lockedAs(m, this.permissions, actor, sessionId, 'chair');
      const item = await this.item(m, sessionId, itemId);
      if (!item.vote_id) throw conflict('not_a_vote_item', 'Only an item linked to a vote is voted on in the room.');
      if (!(await setRoomVoting(m, sessionId, itemId, 'close'))) throw conflict('room_voting_closed', 'Voting in the room is not open on this item.');
      await this.events.announce(m, sessionId, 'room');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.room_voting_close', entityType: 'discussion_session', entityId: sessionId, after: { itemId } });
    });
    return this.room(actor, sessionId);
  }

  /** A voter in the room casts on their phone (for themself, or for one whose written proxy they hold at the door). */
  async castInRoom(actor: Actor, sessionId: string, itemId: string, input: RoomBallotDto): Promise<RoomBallotResultDto> {
    return this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId))!;
      // Voting in the room ends with the session, whether or not the chair closed it.
      requireSitting(row);
      const item = await this.votingItem(m, sessionId, itemId);
      const presence = await presenceIn(m, row);
      const mine = new Set((await accountRollEntries(m, actor.id)).map((e) => personKey(e.personType, e.personId)));
      // Whom my account carries in the room: my own entries present, and the principals of door proxies held by them.
      const carried: Person[] = [
        ...presence.attendance.filter((a) => a.left_at === null && mine.has(personKey(a.person_type, a.person_id))).map((a) => ({ personType: a.person_type, personId: a.person_id })),
        ...presence.proxies.filter((p) => p.agent_type !== 'guest' && mine.has(personKey(p.agent_type, p.agent_id))).map((p) => ({ personType: p.principal_type, personId: p.principal_id })),
      ];
      const named = input.personType && input.personId ? carried.find((c) => c.personType === input.personType && c.personId === input.personId) : undefined;
      if ((input.personType || input.personId) && !named) throw forbidden('not_present', 'You do not carry this person in the room: check in at the desk, or have the written proxy recorded at the door.');
      const pick = named ?? (carried.length === 1 ? carried[0] : undefined);
      if (!pick) {
        if (carried.length > 1) throw invalid('personId', 'isNotEmpty', 'You carry more than one person in the room: say whom you vote for (personType, personId).', { persons: carried });
        throw forbidden('not_present', 'You are not checked in at this session (or have left): check in first, by the QR code or at the desk.');
      }
      const { voterId, proxy, name } = await this.voterInRoom(m, item.vote_id!, pick, presence);
      const result = await castAtMeeting(txQuery(m), { voteId: item.vote_id!, voterId, rawChoice: input.choice, proxy, castBy: actor.id, via: 'phone', at: new Date() });
      await this.events.announce(m, sessionId, 'room');
      return { name, ...result };
    });
  }

  /** A teller enters a paper slip handed in in the room (one entry); a scrutineer confirms it (confirmSlip). */
  async enterSlip(actor: Actor, sessionId: string, itemId: string, input: EnterSlipDto): Promise<SlipDto[]> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await lockedAs(m, this.permissions, actor, sessionId, 'teller');
      requireSitting(row);
      const item = await this.votingItem(m, sessionId, itemId);
      const presence = await presenceIn(m, row);
      const { voterId } = await this.voterInRoom(m, item.vote_id!, input, presence);
      const slip = await insertSlip(m, { itemId, voteId: item.vote_id!, voterId, choice: input.choice, by: actor.id });
      if (!slip) {
        const live = (await liveSlipOf(m, itemId, voterId))!;
        throw conflict('slip_exists', `A slip of this voter was already entered on this item (${live.status}).`, { slipId: live.id, status: live.status });
      }
      await this.events.announce(m, sessionId, 'room');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.slip_enter', entityType: 'discussion_session', entityId: sessionId, after: { itemId, slipId: slip.id } });
    });
    return this.slips(actor, sessionId, itemId);
  }

  /**
   * A scrutineer (not the teller who entered it) confirms a slip: it is cast on the channel
   * `meeting` now, or — when the voter's earlier ballot stands under the vote's rule — refused
   * with the reason, kept on the list; either way nothing already counted is lost.
   */
  async confirmSlip(actor: Actor, sessionId: string, itemId: string, slipId: string): Promise<SlipDto[]> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await lockedAs(m, this.permissions, actor, sessionId, 'scrutineer');
      const item = await this.item(m, sessionId, itemId);
      const slip = await lockSlip(m, itemId, slipId);
      if (!slip) throw new DomainError('NOT_FOUND', 'This item has no such slip.', { slipId });
      if (slip.status !== 'entered') throw conflict('not_entered', `This slip was already ${slip.status}.`, { status: slip.status });
      if (slip.entered_by === actor.id) throw conflict('same_person', 'A slip is confirmed by a scrutineer other than the teller who entered it.');
      const presence = await presenceIn(m, row);
      const proxy = await this.proxyOf(m, item.vote_id!, slip.voter_id, presence);
      const q = txQuery(m);
      // A secret vote's slip keeps no choice next to its voter once settled, counted or not.
      const secret = (await meetingProgress(q, slip.vote_id))?.secrecy === 'secret';
      await q('SAVEPOINT slip_cast');
      try {
        const cast = await castAtMeeting(q, { voteId: slip.vote_id, voterId: slip.voter_id, rawChoice: slip.choice as string, proxy, castBy: actor.id, via: 'slip', at: slip.entered_at });
        await q('RELEASE SAVEPOINT slip_cast');
        await settleSlip(m, slipId, { status: 'counted', receipt: cast.receipt, supersededReceipt: cast.supersededReceipt, forget: secret }, actor.id);
        await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.slip_count', entityType: 'discussion_session', entityId: sessionId, after: { itemId, slipId, supersededReceipt: cast.supersededReceipt } });
      } catch (error) {
        const reason = error instanceof DomainError && error.code === 'CONFLICT' ? (error.details?.['reason'] as string | undefined) : undefined;
        if (!reason) throw error;
        // The voter's earlier ballot stands (or the vote closed): the slip is kept, refused with the reason.
        await q('ROLLBACK TO SAVEPOINT slip_cast');
        await settleSlip(m, slipId, { status: 'refused', refusal: reason, forget: secret }, actor.id);
        await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.slip_refuse', entityType: 'discussion_session', entityId: sessionId, after: { itemId, slipId, reason } });
      }
      await this.events.announce(m, sessionId, 'room');
    });
    return this.slips(actor, sessionId, itemId);
  }

  async slips(_actor: Actor, sessionId: string, itemId: string): Promise<SlipDto[]> {
    const m = this.dataSource.manager;
    const item = await this.item(m, sessionId, itemId);
    if (!item.vote_id) return [];
    const rows = await slipsOf(m, itemId);
    const names = await this.slipNames(m, item.vote_id, rows);
    return rows.map((s) => ({
      id: s.id,
      name: names.voters.get(s.voter_id) ?? s.voter_id,
      choice: typeof s.choice === 'string' ? s.choice : null,
      status: s.status,
      enteredBy: names.accounts.get(s.entered_by) ?? '',
      enteredAt: s.entered_at.toISOString(),
      confirmedBy: s.confirmed_by ? (names.accounts.get(s.confirmed_by) ?? '') : null,
      refusal: s.refusal,
      receipt: s.receipt,
      supersededReceipt: s.superseded_receipt,
    }));
  }

  /** A teller records a show of hands on an item that is no legal vote: counts, marked as the room's indication. */
  async recordHands(actor: Actor, sessionId: string, itemId: string, input: HandsDto): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await lockedAs(m, this.permissions, actor, sessionId, 'teller');
      requireSitting(row);
      const item = await this.item(m, sessionId, itemId);
      if (item.vote_id) throw conflict('a_vote_item', 'A vote item is decided by its ballots (in the room: phones and slips), not by a show of hands.');
      if (item.deferred_at) throw conflict('item_deferred', 'This item was put off.');
      const present = (await presenceIn(m, row)).quorum.present + (await guestsOf(m, sessionId)).filter((g) => g.checked_in_at && !g.left_at).length;
      if (input.for + input.against + input.abstain > present) {
        throw invalid('for', 'invalid', `More hands than people in the room (${present}).`, { present });
      }
      if (!(await recordHands(m, sessionId, itemId, input, actor.id))) throw conflict('already_recorded', 'A show of hands was already recorded on this item.');
      await this.events.announce(m, sessionId, 'room');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.hands', entityType: 'discussion_session', entityId: sessionId, after: { itemId, ...input } });
    });
    return this.room(actor, sessionId);
  }

  /** The recorder notes the gist of what was said on an item. */
  async setGist(actor: Actor, sessionId: string, itemId: string, input: GistDto): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await lockedAs(m, this.permissions, actor, sessionId, 'recorder');
      await this.item(m, sessionId, itemId);
      if (row.status !== 'announced') throw conflict('not_announced', 'The notice of this session is not up.');
      await setGist(m, sessionId, itemId, input.gist.trim());
      await this.events.announce(m, sessionId, 'room');
    });
    return this.room(actor, sessionId);
  }

  async item(m: EntityManager, sessionId: string, itemId: string): Promise<AgendaRow> {
    const item = (await agendaOf(m, sessionId)).find((a) => a.id === itemId);
    if (!item) throw new DomainError('NOT_FOUND', 'This session has no such agenda item.', { itemId });
    return item;
  }

  /** A vote item with voting open in the room now. */
  private async votingItem(m: EntityManager, sessionId: string, itemId: string): Promise<AgendaRow> {
    const item = await this.item(m, sessionId, itemId);
    if (!item.vote_id) throw conflict('not_a_vote_item', 'Only an item linked to a vote is voted on in the room.');
    const record = (await roomItemsOf(m, sessionId)).get(itemId)!;
    if (!record.room_opened_at || record.room_closed_at) throw conflict('room_voting_closed', 'Voting in the room is not open on this item: the chair opens it.');
    return item;
  }

  /**
   * The vote's voter for a person in the room: checked in and not left, or represented at the door
   * by an agent who is (then the ballot carries the written proxy, naming the agent's voter).
   */
  private async voterInRoom(m: EntityManager, voteId: string, person: Person, presence: Presence): Promise<{ voterId: string; proxy: ProxyMark | null; name: string }> {
    const here = isHere(presence, person.personType, person.personId);
    const door = presence.proxies.find((p) => p.principal_type === person.personType && p.principal_id === person.personId);
    if (!here && !(door && agentHere(door, presence))) throw forbidden('not_present', 'This person is not in the room (not checked in, or left) and nobody in the room holds their written proxy.');
    const voter = (await votersOfPersons(txQuery(m), voteId, [person])).get(personKey(person.personType, person.personId));
    if (!voter) throw forbidden('not_eligible', 'This person is not on the vote’s electorate (it was frozen when voting opened).');
    if (here) return { voterId: voter.voterId, proxy: null, name: voter.name };
    return { voterId: voter.voterId, proxy: await this.proxyMark(m, voteId, door!), name: voter.name };
  }

  /** The door proxy a slip's voter is represented by, if they are not in the room themself. */
  private async proxyOf(m: EntityManager, voteId: string, voterId: string, presence: Presence): Promise<ProxyMark | null> {
    for (const p of presence.proxies) {
      const principal = (await votersOfPersons(txQuery(m), voteId, [{ personType: p.principal_type, personId: p.principal_id }])).get(personKey(p.principal_type, p.principal_id));
      if (principal?.voterId !== voterId) continue;
      const here = presence.attendance.some((a) => a.person_type === p.principal_type && a.person_id === p.principal_id);
      return here ? null : this.proxyMark(m, voteId, p);
    }
    return null;
  }

  /**
   * The proxy as the vote's chain names the agent: their voter id when on the electorate; a guest on
   * no roll by a pseudonym of the guest (as a paper proxy's agent without an account is named).
   */
  private async proxyMark(m: EntityManager, voteId: string, door: ProxyRow): Promise<ProxyMark> {
    if (door.agent_type === 'guest') return { agent: pseudonym(this.secret.key, voteId, 'guest', door.agent_id), written: door.written };
    const agent = (await votersOfPersons(txQuery(m), voteId, [{ personType: door.agent_type, personId: door.agent_id }])).get(personKey(door.agent_type, door.agent_id));
    if (!agent) throw forbidden('not_eligible', 'The holder of this proxy is not on the vote’s electorate, so the chain cannot name them.');
    return { agent: agent.voterId, written: door.written };
  }

  private async slipNames(m: EntityManager, voteId: string, rows: SlipRow[]): Promise<{ voters: Map<string, string>; accounts: Map<string, string> }> {
    const accounts = await existingAccounts(m, [...new Set(rows.flatMap((r) => [r.entered_by, ...(r.confirmed_by ? [r.confirmed_by] : [])]))]);
    const voters = new Map<string, string>();
    for (const [id, name] of await voterNames(txQuery(m), voteId, [...new Set(rows.map((r) => r.voter_id))])) voters.set(id, name);
    return { voters, accounts };
  }
}
