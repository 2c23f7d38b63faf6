import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MOTION_CHOICES } from '@yishi/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { PaperStatus } from '../entities/ballot-paper.entity';
import { rejectionsOf } from '../lifecycle/vote-rules';
import { nodeName } from '../../organizations/organization-store';
import { markedVoters, txQuery } from './ballot-store';
import type { IssuePapersDto, IssueResultDto, PaperCountsDto, PaperDto, PaperGroupCountsDto, PaperListDto, PaperListQueryDto, PaperPrintDto, ReturnResultDto, SkippedVoterDto } from './dto/paper.dto';
import { PaperDesk, requireOpenWindow, requireTakingBallots } from './paper-desk';
import type { IssueTargetRow } from './paper-store';
import { insertPaper, insertPapers, issueTargets, lockPaperIssuing, lockPapersForReturn, markPapersReturned, nextSerial, paperCountsByGroup, papersToPrint, voidPaperRow, votersWithLivePaper } from './paper-store';
import { conflict, invalid } from '../../common/refusals';
import { attachmentsOf } from '../lifecycle/attachment-store';
import { withElectorate } from '../lifecycle/vote-store';

/** Papers that are back: they have been returned, whatever happened to them since. */
const BACK: readonly PaperStatus[] = ['returned', 'entered', 'confirmed', 'disputed'];

/**
 * Paper ballots (纸质选票), the issuing desk: numbered papers issued against the frozen electorate
 * (one live paper per voter; a reissue voids the old one), printed per building or household,
 * voided with a reason, marked returned; and the paper list with its counts.
 */
@Injectable()
export class PaperIssuingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly desk: PaperDesk,
    private readonly audit: AuditService,
  ) {}

  async issue(actor: Actor, voteId: string, input: IssuePapersDto): Promise<IssueResultDto> {
    if (!input.all && !input.groups?.length && !input.voterIds?.length) throw invalid('voterIds', 'isNotEmpty', 'Say for whom: all, groups (buildings or households) or voterIds.');
    return this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const { vote } = await this.desk.forWrite(actor, voteId, m);
      requireOpenWindow(vote, 'Ballot papers are issued');
      await lockPaperIssuing(q, voteId);
      const targets = await issueTargets(q, voteId, { all: input.all === true, groups: input.groups ?? [], voterIds: input.voterIds ?? [] });
      const unknownVoters = (input.voterIds ?? []).filter((id) => !targets.some((t) => t.voter_id === id));
      if (unknownVoters.length) throw new DomainError('VALIDATION_FAILED', 'Some voters are not on the electorate of this vote.', { fields: [{ field: 'voterIds', reasons: ['notInElectorate'], message: unknownVoters.join(', ') }] });
      const unknownGroups = (input.groups ?? []).filter((g) => !targets.some((t) => t.group_label === g));
      if (unknownGroups.length) throw new DomainError('VALIDATION_FAILED', 'Some buildings or households have no voter in this vote.', { fields: [{ field: 'groups', reasons: ['unknown'], message: unknownGroups.join(', ') }] });
      const ids = targets.map((t) => t.voter_id);
      const live = await votersWithLivePaper(q, voteId, ids);
      const marked = vote.secrecy === 'secret' ? await markedVoters(q, voteId, ids) : new Set<string>();
      // A paper for someone whose ballot would not count (a co-owner who is not designated, a minor) is not printed.
      const seatless = rejectionsOf(await withElectorate(q, vote), ids.map((voter) => ({ voter, choice: 'abstain' as const, channel: 'paper' as const, proxy: null })));
      const skipped: SkippedVoterDto[] = [];
      const issue: IssueTargetRow[] = [];
      for (const t of targets) {
        const reason = live.has(t.voter_id) ? 'has_paper' : marked.has(t.voter_id) ? 'already_voted' : (seatless.get(t.voter_id) ?? null);
        if (reason) skipped.push({ voterId: t.voter_id, name: t.name, reason });
        else issue.push(t);
      }
      const next = await nextSerial(q, voteId);
      const serials = issue.map((_, i) => next + i);
      if (issue.length) await insertPapers(q, voteId, serials, issue.map((t) => t.voter_id), actor.id);
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: 'paper.issue',
        entityType: 'vote',
        entityId: voteId,
        after: { issued: issue.length, serials: issue.length ? [serials[0], serials[serials.length - 1]] : [], groups: input.groups ?? null, all: input.all ?? false, skipped: skipped.length },
      });
      return { issued: await this.desk.papers(q, vote, { serials }), skipped };
    });
  }

  async reissue(actor: Actor, voteId: string, serial: number, reason: string): Promise<PaperDto> {
    return this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const { vote } = await this.desk.forWrite(actor, voteId, m);
      requireOpenWindow(vote, 'Ballot papers are reissued');
      await lockPaperIssuing(q, voteId);
      const paper = await this.desk.lockPaper(q, voteId, serial);
      if (paper.status !== 'issued' && paper.status !== 'returned') {
        throw conflict('paper_in_entry', `Paper No. ${serial} is ${paper.status}: only a paper that has not been entered can be reissued.`, { status: paper.status });
      }
      await voidPaperRow(q, voteId, serial, 'reissued', reason);
      const next = await nextSerial(q, voteId);
      await insertPaper(q, voteId, next, paper.voter_id, actor.id);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.reissue', entityType: 'vote', entityId: voteId, before: { serial, status: paper.status }, after: { serial: next, reason } });
      return (await this.desk.papers(q, vote, { serials: [next] }))[0]!;
    });
  }

  async voidPaper(actor: Actor, voteId: string, serial: number, reason: string): Promise<PaperDto> {
    return this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const { vote } = await this.desk.forWrite(actor, voteId, m);
      requireTakingBallots(vote);
      const paper = await this.desk.lockPaper(q, voteId, serial);
      if (paper.status !== 'issued' && paper.status !== 'returned' && paper.status !== 'entered') {
        throw conflict(paper.status === 'disputed' ? 'disputed' : 'paper_settled', `Paper No. ${serial} is ${paper.status}${paper.status === 'disputed' ? ': settle the dispute (it may be settled as spoilt)' : ''}.`, { status: paper.status });
      }
      await voidPaperRow(q, voteId, serial, 'void', reason);
      await this.desk.forgetChoices(q, vote, serial);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.void', entityType: 'vote', entityId: voteId, before: { serial, status: paper.status }, after: { status: 'void', reason } });
      return (await this.desk.papers(q, vote, { serials: [serial] }))[0]!;
    });
  }

  async markReturned(actor: Actor, voteId: string, serials: number[]): Promise<ReturnResultDto> {
    return this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const { vote } = await this.desk.forWrite(actor, voteId, m);
      requireOpenWindow(vote, 'Papers count when they are back before voting closes: they are marked returned');
      const rows = await lockPapersForReturn(q, voteId, serials);
      const missing = serials.filter((s) => !rows.some((r) => r.serial === s));
      if (missing.length) throw new DomainError('VALIDATION_FAILED', 'Some serial numbers are not papers of this vote.', { fields: [{ field: 'serials', reasons: ['unknown'], message: missing.join(', ') }] });
      const voided = rows.filter((r) => r.status === 'void').map((r) => r.serial);
      if (voided.length) throw conflict('paper_void', `Papers ${voided.join(', ')} were voided and do not count.`, { serials: voided });
      const returned = rows.filter((r) => r.status === 'issued').map((r) => r.serial);
      if (returned.length) await markPapersReturned(q, voteId, returned, new Date());
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.return', entityType: 'vote', entityId: voteId, after: { serials: returned } });
      return { returned, already: rows.filter((r) => r.status !== 'issued').map((r) => r.serial) };
    });
  }

  async list(actor: Actor, voteId: string, query: PaperListQueryDto): Promise<PaperListDto> {
    const q = txQuery(this.dataSource.manager);
    const vote = await this.desk.managed(actor, voteId);
    const counts = await paperCountsByGroup(q, voteId, BACK);
    const groups: PaperGroupCountsDto[] = counts.map((c) => ({ group: c.group_label, voters: c.voters, issued: c.issued, returned: c.returned, entered: c.entered, confirmed: c.confirmed, disputed: c.disputed, void: c.void }));
    const totals: PaperCountsDto = { issued: 0, returned: 0, entered: 0, confirmed: 0, disputed: 0, void: 0 };
    for (const g of groups) for (const k of Object.keys(totals) as (keyof PaperCountsDto)[]) totals[k] += g[k];
    return { totals, groups, papers: await this.desk.papers(q, vote, { group: query.group, status: query.status }) };
  }

  /** What the web prints: per building or household, each live paper with its serial, voter, units and code. */
  async print(actor: Actor, voteId: string, group?: string): Promise<PaperPrintDto> {
    const q = txQuery(this.dataSource.manager);
    const vote = await this.desk.managed(actor, voteId);
    const rows = await papersToPrint(q, voteId, group ?? null);
    const groups = new Map<string, PaperPrintDto['groups'][number]>();
    for (const r of rows) {
      const g = groups.get(r.group_label) ?? { group: r.group_label, papers: [] };
      g.papers.push({ serial: r.serial, code: this.desk.codeOf(voteId, r.serial, r.voter_id), name: r.name, unitLabels: r.unit_labels, status: r.status });
      groups.set(r.group_label, g);
    }
    const unitName = await nodeName(q, vote.unitId);
    const choices =
      vote.questionKind === 'options'
        ? [...vote.options!.map((o) => ({ id: o.id, label: o.label['zh-CN'] })), { id: 'abstain', label: '弃权' }]
        : MOTION_CHOICES.map((c) => ({ id: c, label: { approve: '同意', oppose: '反对', abstain: '弃权' }[c] }));
    const attachments = await attachmentsOf(this.dataSource.manager, voteId);
    const documents = attachments.filter((a) => a.matterId === null).map((a) => ({ title: a.title, sha256: a.file!.sha256 }));
    // An assembly's paper: every matter with its boxes (a motion's three, an election's candidates) and its own documents.
    const matters =
      vote.matters?.map((m) => ({
        id: m.id,
        title: m.title,
        question: m.question,
        kind: m.kind,
        seats: m.seats,
        choices: m.kind === 'election' ? m.candidates!.map((c) => ({ id: c.id, label: c.name })) : choices,
        documents: attachments.filter((a) => a.matterId === m.id).map((a) => ({ title: a.title, sha256: a.file!.sha256 })),
      })) ?? null;
    return { voteId, unitName: unitName ?? '', title: vote.title, question: vote.question, choices, documents, matters, secrecy: vote.secrecy, closesAt: vote.closesAt.toISOString(), groups: [...groups.values()] };
  }
}
