import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssemblyResultFile, CompoundElectorate, Electorate, MatterKind } from '@yishi/domain';
import { objectionEndsAt } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import type { AppSecret } from '../../config/app-secret';
import { APP_SECRET } from '../../config/app-secret';
import type { TableFormat } from '../../rolls/import/write-table';
import { pseudonym } from '../pseudonym';
import type { Vote } from '../entities/vote.entity';
import type { BallotListRow, PublishedResultFile, ResultDownload } from './result-export';
import { writeResultExport } from './result-export';
import { safeguardsOf } from '../lifecycle/vote-rules';
import { VotesService } from '../lifecycle/votes.service';
import { txQuery } from '../ballots/ballot-store';
import { nodeName } from '../../organizations/organization-store';
import { buildingsOfUnitNumbers } from '../../rolls/roll-reads';
import type { CountedRow } from './result-store';
import { countedBallots, electorateNames, marksWithProxies, proxyAgents } from './result-store';
import { conflict } from '../../common/refusals';
import { withElectorate } from '../lifecycle/vote-store';


/**
 * The published result as CSV or XLSX (公示 to print or archive): the same figures as
 * GET votes/:id/result, and for a named vote the counted ballots unit by unit, with the names as
 * the roll had them when voting opened. A secret vote never gets a list: its database keeps no
 * link between a voter and a choice.
 */
@Injectable()
export class ResultExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VotesService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  async export(actor: Actor, voteId: string, format: TableFormat): Promise<ResultDownload> {
    const { vote } = await this.votes.visible(actor, voteId);
    if (!vote.resultJson || !vote.closedAt) throw conflict('not_counted', 'The vote has not been counted yet.', { status: vote.status });
    const result = JSON.parse(vote.resultJson) as PublishedResultFile;
    // An assembly's result has rejected lines per matter; a ballot rejected is rejected on every matter (its voter or proxy, not its marks).
    const assembly = vote.matters ? { matters: vote.matters, result: JSON.parse(vote.resultJson) as AssemblyResultFile } : null;
    const rejected = new Set((assembly ? assembly.result.matters.flatMap((x) => x.rejected) : result.rejected).map((r) => r.voter));
    const m = this.dataSource.manager;
    const unitName = await nodeName(txQuery(m), vote.unitId);

    let proxyBallots: number;
    let ballots: { kind: 'compound' | 'persons'; rows: BallotListRow[] } | null = null;
    if (vote.secrecy === 'secret') {
      const marks = await marksWithProxies(m, voteId);
      proxyBallots = marks.filter((k) => k.proxy !== null && !rejected.has(k.voter_id)).length;
    } else {
      const counted = (await countedBallots(m, voteId)).filter((b) => !rejected.has(b.voter_id));
      proxyBallots = counted.filter((b) => b.proxy !== null).length;
      ballots = await this.ballotList(vote, counted);
    }
    return writeResultExport(format, {
      voteId: vote.id,
      unitName: unitName ?? '',
      title: vote.title,
      question: vote.question,
      ruleSet: vote.ruleSet,
      secrecy: vote.secrecy,
      options: vote.options,
      opensAt: vote.opensAt,
      closesAt: vote.closesAt,
      closedAt: vote.closedAt,
      objectionUntil: objectionEndsAt(vote.closedAt, vote.objectionDays),
      final: vote.status === 'final',
      result,
      proxyBallots,
      matterKinds: vote.matterKinds as MatterKind[],
      safeguards: safeguardsOf(vote),
      ballots,
      assembly,
    });
  }

  /**
   * The counted ballots of a named vote as lines: per exclusive unit of a compound (a ballot speaks
   * for the units its voter holds alone, those where they are the designated co-owner, and the
   * developer's units for the developer's voter), per member of a cooperative.
   */
  private async ballotList(vote: Vote, counted: CountedRow[]): Promise<{ kind: 'compound' | 'persons'; rows: BallotListRow[] }> {
    const voters = await electorateNames(this.dataSource.manager, vote.id);
    const voterById = new Map(voters.map((v) => [v.voter_id, v]));
    const agents = await this.agentNames(vote.id, voterById);
    const ballotOf = new Map(counted.map((b) => [b.voter_id, b]));
    const agentOf = (b: CountedRow): string | null => (b.proxy ? (agents.get(b.proxy.agent) ?? '（受托人）') : null);
    const electorate = (JSON.parse((await withElectorate(this.dataSource.manager, vote)).electorateJson!) as { electorate: Electorate }).electorate;

    if (electorate.kind !== 'compound') {
      const rows = counted.map((b) => {
        const v = voterById.get(b.voter_id);
        return { building: '', unit: v?.group_label ?? '', area: null, name: v?.name ?? b.voter_id, choice: b.choice, channel: b.channel, proxyAgent: agentOf(b) };
      });
      return { kind: 'persons', rows };
    }
    const buildings = await this.buildingsOf(vote.unitId, electorate);
    const rows: BallotListRow[] = [];
    for (const u of electorate.units) {
      const voter = u.developerHeld ? electorate.developerVoter : u.owners.length === 1 ? u.owners[0]! : u.designatedVoter;
      const ballot = voter ? ballotOf.get(voter) : undefined;
      if (!voter || !ballot) continue;
      rows.push({ building: buildings.get(u.id) ?? '', unit: u.id, area: u.area, name: voterById.get(voter)?.name ?? voter, choice: ballot.choice, channel: ballot.channel, proxyAgent: agentOf(ballot) });
    }
    return { kind: 'compound', rows };
  }

  /** Agents by the id a ballot's proxy names: a voter of the vote, or the pseudonym of an account off the roll. */
  private async agentNames(voteId: string, voterById: Map<string, { name: string }>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const [id, v] of voterById) names.set(id, v.name);
    const proxies = await proxyAgents(this.dataSource.manager, voteId);
    for (const p of proxies) {
      if (p.agent_voter_id) names.set(p.agent_voter_id, p.agent_name);
      else if (p.agent_user_id) names.set(pseudonym(this.secret.key, voteId, 'agent', p.agent_user_id), p.agent_name);
    }
    return names;
  }

  /** The building of each unit number in the frozen electorate (a car park space has none). */
  private async buildingsOf(unitId: string, electorate: CompoundElectorate): Promise<Map<string, string>> {
    const rows = await buildingsOfUnitNumbers(txQuery(this.dataSource.manager), unitId, electorate.units.map((u) => u.id));
    return new Map(rows.map((r) => [r.number, r.building ?? '']));
  }
}
