import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { searchVoters, txQuery } from './ballot-store';
import type { VoterListQueryDto, VoteVoterDto } from './dto/paper.dto';
import { PaperDesk } from './paper-desk';

/** The voter list (选民名册) at the desk: staff find a voter to issue a paper, record a proxy or check in. */
@Injectable()
export class VoterListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly desk: PaperDesk,
  ) {}

  async voters(actor: Actor, voteId: string, query: VoterListQueryDto): Promise<VoteVoterDto[]> {
    await this.desk.managed(actor, voteId);
    const rows = await searchVoters(txQuery(this.dataSource.manager), voteId, { group: query.group ?? null, text: query.q ?? null, limit: query.limit ?? 200 });
    return rows.map((r) => ({
      voterId: r.voter_id,
      name: r.name,
      group: r.group_label,
      unitLabels: r.unit_labels,
      paperSerial: r.serial,
      paperStatus: r.status,
      voted: r.channel !== null,
      channel: r.channel,
      checkedIn: r.checked_in,
    }));
  }
}
