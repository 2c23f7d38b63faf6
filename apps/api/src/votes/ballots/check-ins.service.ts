import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { countsAttendance } from '@yishi/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { appendCast, attendance, checkedInAmong, lockVoter, txQuery, votersOnElectorate } from './ballot-store';
import type { CheckInResultDto } from './dto/paper.dto';
import { PaperDesk, requireOpenWindow } from './paper-desk';
import { conflict } from '../../common/refusals';

/** Meeting check-ins (签到): offline input of the same staff who run the paper ballots. */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly desk: PaperDesk,
    private readonly audit: AuditService,
  ) {}

  /** Voters who signed in at the meeting (签到): the chain records it, and rules that count attendance count it. */
  async checkIn(actor: Actor, voteId: string, voterIds: string[]): Promise<CheckInResultDto> {
    return this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const { vote } = await this.desk.forWrite(actor, voteId, m);
      if (!countsAttendance(vote.ruleSet, vote.lml63)) {
        throw conflict('attendance_not_counted', `The rule ${vote.ruleSet} does not count attendance at a meeting: only ballots count.`, { ruleSet: vote.ruleSet });
      }
      const now = Date.now();
      if (now < vote.opensAt.getTime()) throw conflict('not_open_yet', 'Voting has not opened yet.');
      requireOpenWindow(vote, 'Check-ins are recorded');
      const known = await votersOnElectorate(q, voteId, voterIds);
      const unknown = voterIds.filter((id) => !known.includes(id));
      if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Some voters are not on the electorate of this vote.', { fields: [{ field: 'voterIds', reasons: ['notInElectorate'], message: unknown.join(', ') }] });
      const sorted = [...voterIds].sort();
      for (const voter of sorted) await lockVoter(q, voteId, voter);
      const already = await checkedInAmong(q, voteId, sorted);
      const at = new Date(now).toISOString();
      const fresh = sorted.filter((v) => !already.includes(v));
      for (const voter of fresh) await appendCast(q, voteId, { kind: 'check-in', voter, at });
      const n = await attendance(q, voteId);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'vote.check_in', entityType: 'vote', entityId: voteId, after: { voters: fresh.length, attendance: n } });
      return { checkedIn: fresh, already: already.sort(), attendance: n };
    });
  }
}
