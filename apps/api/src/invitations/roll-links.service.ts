import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { NotificationsService } from '../notifications/notifications.service';
import { existingNode } from '../organizations/organization-store';
import { personTable, rollPerson, setLinkedAccount } from '../rolls/roll-link-store';
import { accountRollEntries } from '../rolls/roll-reads';
import { SmsProvider } from '../sms/sms-provider';
import { grantResident, revokeResident, userByPhone } from '../users/user-store';
import { openVotesAwaiting, openVotesWithOnlineBallot, txQuery } from '../votes/ballots/ballot-store';
import { revokeOpenLetters } from './invitation-store';
import type { PersonType } from './invitation-types';
import { maskPhone, oneAccountOnePerson, PERSON_WORD } from './invitation-types';

/**
 * Links between accounts and roll entries (one account is one person of a roll): made through a
 * letter (InvitationsService) or by staff in person, undone by staff. The person is told by SMS on
 * the roll's phone once the change is committed.
 */
@Injectable()
export class RollLinksService {
  private readonly logger = new Logger(RollLinksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sms: SmsProvider,
    private readonly notifications: NotificationsService,
  ) {}

  /** Staff link an account to a roll entry in person (the resident shows ID at the counter). */
  async linkInPerson(actor: Actor, unitId: string, request: { personType: PersonType; personId: string; phone: string }): Promise<void> {
    const notice = await this.dataSource.transaction(async (m) => {
      const user = await userByPhone(m, request.phone);
      if (!user) {
        throw new DomainError('NOT_FOUND', 'No account uses this phone number yet: the resident signs up first, then you link them.', { field: 'phone' });
      }
      const { notice: sent } = await this.link(m, { ...request, unitId, userId: user.id, userPhone: user.phone, actor, via: 'in_person' });
      await revokeOpenLetters(m, request.personType, request.personId);
      return sent;
    });
    await notice?.();
  }

  /**
   * Staff undo a link (a letter redeemed by the wrong person, an account handed on): the roll entry
   * is free again, the account loses the unit's resident role when nothing else links it there,
   * both the account and the roll's phone are told, and the audit trail keeps the reason.
   * Ballots already cast through the link stay as cast: a paper ballot the person returns supersedes
   * an online one, and the answer says how many open votes hold such a ballot.
   */
  async unlink(actor: Actor, unitId: string, personType: PersonType, personId: string, reason: string): Promise<{ openVotesWithBallot: number }> {
    const { result, phone, unitName } = await this.dataSource.transaction(async (m) => {
      const person = await rollPerson(m, personType, personId, unitId, true);
      if (!person) throw new DomainError('NOT_FOUND', 'There is no such person on this roll.', { personId });
      if (!person.user_id) throw new DomainError('CONFLICT', 'This roll entry is not linked to any account.', { reason: 'not_linked' });
      const userId = person.user_id;
      await setLinkedAccount(m, personType, personId, null);
      const still = (await accountRollEntries(m, userId)).filter((e) => e.unitId === unitId && e.onRoll);
      if (still.length === 0) await revokeResident(m, userId, unitId);
      const openVotesWithBallot = await openVotesWithOnlineBallot(txQuery(m), personType, personId, userId);
      await this.audit.record(m, {
        actor,
        nodeId: unitId,
        action: 'roll.unlink',
        entityType: personTable(personType),
        entityId: personId,
        before: { userId },
        after: { userId: null, reason, openVotesWithBallot },
      });
      const unit = await existingNode(m, unitId);
      await this.notifications.notify(m, [userId], 'roll_unlinked', { unitName: unit.name, reason }, '/me');
      return { result: { openVotesWithBallot }, phone: person.phone, unitName: unit.name };
    });
    if (phone) {
      await this.sendQuietly(phone, `【议事】社区工作人员已解除议事账号与您在${unitName}名册上身份的关联。原因：${reason}。如有疑问，请联系社区工作人员。`);
    }
    return result;
  }

  /** Links an account to a roll entry inside the caller's transaction; the SMS to send once committed, and the roll's name of the person. */
  async link(
    m: EntityManager,
    link: { personType: PersonType; personId: string; unitId: string; userId: string; userPhone: string; actor: Pick<Actor, 'id'>; via: 'invitation' | 'in_person'; proof?: string },
  ): Promise<{ notice: (() => Promise<void>) | null; name: string }> {
    const table = personTable(link.personType);
    const person = await rollPerson(m, link.personType, link.personId, link.unitId, true);
    if (!person) throw new DomainError('NOT_FOUND', 'There is no such person on this roll.', { personId: link.personId });
    if (person.user_id && person.user_id !== link.userId) {
      throw new DomainError('CONFLICT', 'This roll entry is already linked to another account; the staff can help.', { personId: link.personId });
    }
    const name = person.name;
    if (person.user_id === link.userId) return { notice: null, name };
    const other = (await accountRollEntries(m, link.userId)).find(
      (e) => e.personType === link.personType && e.unitId === link.unitId && e.onRoll && e.personId !== link.personId,
    );
    if (other) throw oneAccountOnePerson(link.personType, other.name);
    try {
      await setLinkedAccount(m, link.personType, link.personId, link.userId);
    } catch (error) {
      // Two links of one account racing: the unique index decides, the answer is the same.
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === `${table}_one_per_account`) {
        throw oneAccountOnePerson(link.personType, null);
      }
      throw error;
    }
    await grantResident(m, link.userId, link.unitId, link.actor.id);
    // Votes already open when the account joins: the frozen electorate holds the person, so the
    // inbox tells them as it told everyone when voting opened (tenants vote in none).
    if (link.personType !== 'tenant') {
      for (const vote of await openVotesAwaiting(txQuery(m), link.personType, link.personId)) {
        await this.notifications.notify(m, [link.userId], 'vote_opened', { voteId: vote.id, title: vote.title, closesAt: vote.closes_at.toISOString() }, `/votes/${vote.id}`);
      }
    }
    await this.audit.record(m, {
      actor: link.actor,
      nodeId: link.unitId,
      action: 'roll.link',
      entityType: table,
      entityId: link.personId,
      before: { userId: person.user_id },
      after: { userId: link.userId, via: link.via, ...(link.proof ? { proof: link.proof } : {}) },
    });
    if (!person.phone) return { notice: null, name };
    const unit = await existingNode(m, link.unitId);
    const phone = person.phone;
    const text = `【议事】您在${unit.name}名册上的身份（${PERSON_WORD[link.personType]}${person.label ? ` ${person.label}` : ''}）已与议事账号 ${maskPhone(link.userPhone)} 关联。如不是您本人或家人操作，请尽快联系社区工作人员解除。`;
    return { notice: () => this.sendQuietly(phone, text), name };
  }

  /** An SMS after the change is committed: a gateway failing is logged, the link stands. */
  private async sendQuietly(phone: string, text: string): Promise<void> {
    try {
      await this.sms.send(phone, text);
    } catch (error) {
      this.logger.error({ err: error, phone: maskPhone(phone) }, 'could not send the link notice by SMS');
    }
  }
}
