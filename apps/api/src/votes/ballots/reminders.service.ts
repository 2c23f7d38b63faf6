import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { conflict, invalid } from '../../common/refusals';
import { JobsService } from '../../jobs/jobs.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { linkedAccounts } from '../../rolls/roll-reads';
import { Vote } from '../entities/vote.entity';
import { getVote } from '../lifecycle/vote-store';
import { txQuery } from './ballot-store';
import type { VoteRemindersDto } from './dto/reminders.dto';
import { absentPersons } from './missing-store';
import { claimDueReminders, remindersOf, replaceUnsent, setRecipients } from './reminder-store';

const HOUR_MS = 3600_000;

/**
 * Reminders (催投): at the hours before closing the convenor sets (say three days and one day),
 * everyone on the electorate with an account who has not taken part yet is told again — in the
 * inbox and by their text channel. Those who voted (or, for a secret vote, are on the marked
 * roll) hear nothing. Each reminder is claimed once, so two instances never send it twice.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'votes.remind', everyMs: 60_000, run: async () => void (await this.remindDue()) });
  }

  async list(voteId: string): Promise<VoteRemindersDto> {
    const m = this.dataSource.manager;
    return this.view(m, await getVote(m, voteId));
  }

  private async view(m: EntityManager, vote: Vote): Promise<VoteRemindersDto> {
    const rows = await remindersOf(m, vote.id);
    return {
      voteId: vote.id,
      closesAt: vote.closesAt.toISOString(),
      reminders: rows.map((r) => ({
        hoursBefore: r.hours_before,
        dueAt: new Date(vote.closesAt.getTime() - r.hours_before * HOUR_MS).toISOString(),
        sentAt: r.sent_at?.toISOString() ?? null,
        recipients: r.recipients,
      })),
    };
  }

  /** Sets the reminders of a vote not closed yet; each must fall after voting opens. */
  async set(actor: Actor, voteId: string, hoursBefore: readonly number[], m?: EntityManager): Promise<VoteRemindersDto> {
    const run = async (tx: EntityManager): Promise<VoteRemindersDto> => {
      const vote = (await tx.getRepository(Vote).findOne({ where: { id: voteId }, lock: { mode: 'pessimistic_write' } })) ?? (await getVote(tx, voteId));
      if (vote.status !== 'scheduled' && vote.status !== 'open') throw conflict('reminders_closed', 'Voting has ended or was cancelled: its reminders are what they were.', { status: vote.status });
      const hours = [...new Set(hoursBefore)].sort((a, b) => b - a);
      const tooEarly = hours.filter((h) => vote.closesAt.getTime() - h * HOUR_MS <= vote.opensAt.getTime());
      if (tooEarly.length > 0) {
        throw invalid('hoursBefore', 'beforeOpening', `A reminder ${tooEarly.join(', ')} hours before closing would come before voting opens (${vote.opensAt.toISOString()}).`, { hours: tooEarly });
      }
      const before = await remindersOf(tx, voteId);
      await replaceUnsent(tx, voteId, hours);
      await this.audit.record(tx, {
        actor,
        nodeId: vote.unitId,
        action: 'vote.reminders',
        entityType: 'vote',
        entityId: voteId,
        before: { hoursBefore: before.map((r) => r.hours_before) },
        after: { hoursBefore: hours },
      });
      return this.view(tx, vote);
    };
    return m ? run(m) : this.dataSource.transaction(run);
  }

  /** The job: sends the reminders due now; returns how many votes were reminded of. */
  async remindDue(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const due = await claimDueReminders(m, now);
      for (const r of due) {
        const absent = await absentPersons(txQuery(m), r.vote_id, r.secrecy);
        const accounts = await linkedAccounts(m, absent);
        await this.notifications.notify(m, accounts, 'vote_reminder', { voteId: r.vote_id, title: r.title, closesAt: r.closes_at.toISOString() }, `/votes/${r.vote_id}`);
        await setRecipients(m, r.vote_id, r.hours, accounts.length);
      }
      return due.length;
    });
  }
}
