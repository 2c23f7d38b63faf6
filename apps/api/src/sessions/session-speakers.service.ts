import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { conflict, forbidden, invalid } from '../common/refusals';
import { PermissionsService } from '../permissions/permissions.service';
import { accountRollEntries } from '../rolls/roll-reads';
import type { DeskSpeakerDto, RoomDto } from './dto/room.dto';
import { lockedAs } from './room-access';
import { presenceIn, requireSitting } from './room-presence';
import { callNextSpeaker, currentOf, guestsOf, lockSpeakers, requestSpeech, withdrawSpeech } from './room-store';
import { SessionEvents } from './session-events';
import { SessionRoomService } from './session-room.service';
import { personKey } from './session-rolls';
import type { SessionRow } from './session-store';
import { sessionRow } from './session-store';

/**
 * The speakers' queue (发言): a person in the room asks from their phone, or the desk adds one (a
 * person of the rolls or a guest); the chair ends the current speech and calls the next; one waits
 * once, one speaks at a time (the database says so). Each change reaches the screens.
 */
@Injectable()
export class SessionSpeakersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly events: SessionEvents,
    private readonly room: SessionRoomService,
  ) {}

  /** I ask to speak, from my phone: a person of my account in the room. */
  async askToSpeak(actor: Actor, sessionId: string): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId))!;
      requireSitting(row);
      const presence = await presenceIn(m, row);
      const mine = new Set((await accountRollEntries(m, actor.id)).map((e) => personKey(e.personType, e.personId)));
      const me = presence.attendance.find((a) => a.left_at === null && mine.has(personKey(a.person_type, a.person_id)));
      if (!me) throw forbidden('not_present', 'You are not checked in at this session (or have left): check in first, by the QR code or at the desk.');
      await this.queue(m, row, { personType: me.person_type, personId: me.person_id, guestId: null }, 'phone');
    });
    return this.room.room(actor, sessionId);
  }

  /** I withdraw my request to speak (before I am called). */
  async withdrawMine(actor: Actor, sessionId: string): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const mine = await accountRollEntries(m, actor.id);
      let withdrawn = false;
      for (const e of mine) if (e.personType !== 'tenant') withdrawn = (await withdrawSpeech(m, sessionId, personKey(e.personType, e.personId))) || withdrawn;
      if (!withdrawn) throw conflict('not_present', 'You have no request to speak waiting.');
      await this.events.announce(m, sessionId, 'room');
    });
    return this.room.room(actor, sessionId);
  }

  /** The desk puts someone in the room (of the rolls, or a guest) on the speakers' queue. */
  async deskSpeaker(actor: Actor, sessionId: string, input: DeskSpeakerDto): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId))!;
      requireSitting(row);
      const byGuest = input.guestId !== undefined;
      if (byGuest === (input.personType !== undefined && input.personId !== undefined) || (!byGuest && (input.personType === undefined) !== (input.personId === undefined))) {
        throw invalid('personId', 'invalid', 'Name either a person in the room (personType and personId) or a guest (guestId).');
      }
      if (byGuest) {
        const guest = (await guestsOf(m, sessionId)).find((g) => g.id === input.guestId);
        if (!guest || !guest.checked_in_at || guest.left_at) throw forbidden('not_present', 'This guest is not in the room.');
        await this.queue(m, row, { personType: null, personId: null, guestId: guest.id }, 'desk');
      } else {
        const presence = await presenceIn(m, row);
        if (!presence.attendance.some((a) => a.left_at === null && a.person_type === input.personType && a.person_id === input.personId)) {
          throw forbidden('not_present', 'This person is not checked in at this session (or has left).');
        }
        await this.queue(m, row, { personType: input.personType!, personId: input.personId!, guestId: null }, 'desk');
      }
    });
    return this.room.room(actor, sessionId);
  }

  /** The chair ends the current speech and calls the next in the queue. */
  async callNext(actor: Actor, sessionId: string): Promise<RoomDto> {
    await this.dataSource.transaction(async (m) => {
      await lockedAs(m, this.permissions, actor, sessionId, 'chair');
      await lockSpeakers(m, sessionId);
      await callNextSpeaker(m, sessionId);
      await this.events.announce(m, sessionId, 'room');
    });
    return this.room.room(actor, sessionId);
  }

  private async queue(m: EntityManager, row: SessionRow, who: { personType: 'owner' | 'member' | null; personId: string | null; guestId: string | null }, via: 'phone' | 'desk'): Promise<void> {
    const current = await currentOf(m, row.id);
    const added = await requestSpeech(m, { sessionId: row.id, itemId: current.item_id, ...who, via });
    if (!added) throw conflict('already_waiting', 'Already in the speakers’ queue (or speaking).');
    await this.events.announce(m, row.id, 'room');
  }
}
