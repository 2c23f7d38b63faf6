import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Choice, Grant } from '@yishi/domain';
import { countsAttendance, grantsReaching, MOTION_CHOICES } from '@yishi/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { keyedHash } from '../../common/keyed-hash';
import type { AppSecret } from '../../config/app-secret';
import { APP_SECRET } from '../../config/app-secret';
import { PermissionsService } from '../../permissions/permissions.service';
import { StoredFile } from '../../storage/entities/stored-file.entity';
import type { Upload } from '../../storage/stored-files.service';
import { StoredFilesService } from '../../storage/stored-files.service';
import type { ProxyMark } from './ballot-choices';
import { parseChoice, sameChoice, sameProxy } from './ballot-choices';
import type { CastVoteRow } from './ballot-store';
import { appendCast, castNamed, castSecret, isMarked, lockVoteForCast, lockVoter, namedBallotOf, txQuery } from './ballot-store';
import type {
  CheckInResultDto,
  IssuePapersDto,
  IssueResultDto,
  PaperCountsDto,
  PaperDto,
  PaperEntryFieldsDto,
  PaperEntryResultDto,
  PaperGroupCountsDto,
  PaperListDto,
  PaperListQueryDto,
  PaperPrintDto,
  ResolvePaperDto,
  ReturnResultDto,
  SkippedVoterDto,
  VoterListQueryDto,
  VoteVoterDto,
} from './dto/paper.dto';
import type { PaperDisputeField, PaperStatus, PaperVoidKind } from '../entities/ballot-paper.entity';
import type { Vote } from '../entities/vote.entity';
import { proxyAgentId } from './proxies.service';
import { rejectionsOf } from '../lifecycle/vote-rules';
import { VotesService } from '../lifecycle/votes.service';

interface PaperRow {
  serial: number;
  voter_id: string;
  status: PaperStatus;
  issued_at: Date;
  returned_at: Date | null;
  entered_choice: Choice | null;
  entered_by: string | null;
  entered_at: Date | null;
  confirmed_choice: Choice | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  proxy: ProxyMark | null;
  scan_file_id: string | null;
  void_kind: PaperVoidKind | null;
  void_reason: string | null;
  disputed_on: PaperDisputeField[];
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

const PAPER_COLUMNS = `p.serial, p.voter_id, p.status, p.issued_at, p.returned_at, p.entered_choice, p.entered_by, p.entered_at, p.confirmed_choice,
  p.confirmed_by, p.confirmed_at, p.proxy, p.scan_file_id, p.void_kind, p.void_reason, p.disputed_on, p.resolution_note, p.resolved_by, p.resolved_at`;

const MAX_SERIAL = 2_147_483_647;

/** Papers that are back: they have been returned, whatever happened to them since. */
const BACK: readonly PaperStatus[] = ['returned', 'entered', 'confirmed', 'disputed'];

function conflict(reason: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('CONFLICT', message, { reason, ...extra });
}

function invalid(field: string, reason: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { fields: [{ field, reasons: [reason], message }] });
}

function choiceText(choice: Choice | null): string | null {
  if (choice === null) return null;
  return typeof choice === 'string' ? choice : choice.option;
}

/**
 * Paper ballots (纸质选票): numbered papers issued against the frozen electorate (one live paper
 * per voter; a reissue voids the old one), printed per building or household, marked returned,
 * then entered twice — by one staff member with the scan, and independently by a second who does
 * not see the first reading. Two equal readings cast the ballot on the channel `paper` in the same
 * transaction (superseding the voter's online ballot); two different ones go to the dispute list,
 * which a third person or the convenor settles with a note. Meeting check-ins (签到) live here too:
 * they are offline input of the same staff.
 */
@Injectable()
export class PaperService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VotesService,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly files: StoredFilesService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /** The short code printed on a paper: staff type it at entry, so a paper cannot be entered under the wrong serial. */
  codeOf(voteId: string, serial: number, voterId: string): string {
    return keyedHash(this.secret.key, 'ballot-paper', `${voteId}:${serial}:${voterId}`).slice(0, 6).toUpperCase();
  }

  /** The vote, once its electorate is frozen (the routes are for those who run it: consultation.manage, checked by the access guard). */
  private async managed(actor: Actor, voteId: string, m: EntityManager): Promise<Vote> {
    const { vote } = await this.votes.visible(actor, voteId, m);
    if (vote.status === 'scheduled' || vote.status === 'cancelled') throw conflict('not_open', 'The electorate is frozen when voting opens: there is nothing to issue or enter before.');
    return vote;
  }

  /** A write: the vote row held FOR KEY SHARE (as a cast holds it), then the permission. */
  private async forWrite(actor: Actor, voteId: string, m: EntityManager): Promise<{ vote: Vote; row: CastVoteRow }> {
    const row = await lockVoteForCast(txQuery(m), voteId);
    if (!row) throw new DomainError('NOT_FOUND', 'There is no such vote, or it is not open to you.', { voteId });
    return { vote: await this.managed(actor, voteId, m), row };
  }

  private requireOpenWindow(vote: Vote, what: string): void {
    const now = Date.now();
    if (vote.status !== 'open' || now >= vote.closesAt.getTime()) throw conflict('closed', `${what} only while voting is open.`, { status: vote.status });
  }

  private requireTakingBallots(vote: Vote): void {
    if (vote.status !== 'open' && vote.status !== 'counting') throw conflict('closed', `The vote is ${vote.status}: no ballot can be entered any more.`, { status: vote.status });
  }

  private async lockPaper(m: EntityManager, voteId: string, serial: number): Promise<PaperRow> {
    if (serial < 1 || serial > MAX_SERIAL) throw new DomainError('NOT_FOUND', `There is no ballot paper No. ${serial} in this vote.`, { serial });
    const [paper] = await m.query<PaperRow[]>(`SELECT ${PAPER_COLUMNS} FROM ballot_paper p WHERE p.vote_id = $1 AND p.serial = $2 FOR UPDATE`, [voteId, serial]);
    if (!paper) throw new DomainError('NOT_FOUND', `There is no ballot paper No. ${serial} in this vote.`, { serial });
    return paper;
  }

  // --- The electorate, for staff ---------------------------------------------------------

  async voters(actor: Actor, voteId: string, query: VoterListQueryDto): Promise<VoteVoterDto[]> {
    await this.managed(actor, voteId, this.dataSource.manager);
    const rows = await this.dataSource.query<
      { voter_id: string; name: string; group_label: string; unit_labels: string[]; serial: number | null; status: PaperStatus | null; channel: 'online' | 'paper' | 'meeting' | null; checked_in: boolean }[]
    >(
      `WITH checked AS (SELECT DISTINCT entry->>'voter' AS voter FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'check-in')
       SELECT v.voter_id, v.name, v.group_label, v.unit_labels, p.serial, p.status, coalesce(b.channel, k.channel) AS channel, (c.voter IS NOT NULL) AS checked_in
         FROM vote_voter v
         LEFT JOIN ballot_paper p ON p.vote_id = v.vote_id AND p.voter_id = v.voter_id AND p.status <> 'void'
         LEFT JOIN ballot b ON b.vote_id = v.vote_id AND b.voter_id = v.voter_id
         LEFT JOIN vote_mark k ON k.vote_id = v.vote_id AND k.voter_id = v.voter_id
         LEFT JOIN checked c ON c.voter = v.voter_id
        WHERE v.vote_id = $1 AND ($2::text IS NULL OR v.group_label = $2)
          AND ($3::text IS NULL OR strpos(v.name, $3) > 0 OR strpos(v.group_label, $3) > 0 OR strpos(array_to_string(v.unit_labels, ' '), $3) > 0)
        ORDER BY v.group_label, v.name
        LIMIT $4`,
      [voteId, query.group ?? null, query.q ?? null, query.limit ?? 200],
    );
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

  // --- Issuing, printing, returning ------------------------------------------------------

  async issue(actor: Actor, voteId: string, input: IssuePapersDto): Promise<IssueResultDto> {
    if (!input.all && !input.groups?.length && !input.voterIds?.length) throw invalid('voterIds', 'isNotEmpty', 'Say for whom: all, groups (buildings or households) or voterIds.');
    return this.dataSource.transaction(async (m) => {
      const { vote } = await this.forWrite(actor, voteId, m);
      this.requireOpenWindow(vote, 'Ballot papers are issued');
      // Serials are handed out one issuing at a time per vote.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`papers:${voteId}`]);
      const targets = await m.query<{ voter_id: string; name: string; group_label: string; unit_labels: string[] }[]>(
        `SELECT voter_id, name, group_label, unit_labels FROM vote_voter
          WHERE vote_id = $1 AND ($2 OR group_label = ANY($3::text[]) OR voter_id = ANY($4::text[]))
          ORDER BY group_label, unit_labels[1] NULLS LAST, name, voter_id`,
        [voteId, input.all === true, input.groups ?? [], input.voterIds ?? []],
      );
      const unknownVoters = (input.voterIds ?? []).filter((id) => !targets.some((t) => t.voter_id === id));
      if (unknownVoters.length) throw new DomainError('VALIDATION_FAILED', 'Some voters are not on the electorate of this vote.', { fields: [{ field: 'voterIds', reasons: ['notInElectorate'], message: unknownVoters.join(', ') }] });
      const unknownGroups = (input.groups ?? []).filter((g) => !targets.some((t) => t.group_label === g));
      if (unknownGroups.length) throw new DomainError('VALIDATION_FAILED', 'Some buildings or households have no voter in this vote.', { fields: [{ field: 'groups', reasons: ['unknown'], message: unknownGroups.join(', ') }] });
      const ids = targets.map((t) => t.voter_id);
      const live = new Set((await m.query<{ voter_id: string }[]>(`SELECT voter_id FROM ballot_paper WHERE vote_id = $1 AND status <> 'void' AND voter_id = ANY($2)`, [voteId, ids])).map((r) => r.voter_id));
      const marked = vote.secrecy === 'secret' ? new Set((await m.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_mark WHERE vote_id = $1 AND voter_id = ANY($2)`, [voteId, ids])).map((r) => r.voter_id)) : new Set<string>();
      // A paper for someone whose ballot would not count (a co-owner who is not designated, a minor) is not printed.
      const seatless = rejectionsOf(vote, ids.map((voter) => ({ voter, choice: 'abstain' as const, channel: 'paper' as const, proxy: null })));
      const skipped: SkippedVoterDto[] = [];
      const issue: typeof targets = [];
      for (const t of targets) {
        const reason = live.has(t.voter_id) ? 'has_paper' : marked.has(t.voter_id) ? 'already_voted' : (seatless.get(t.voter_id) ?? null);
        if (reason) skipped.push({ voterId: t.voter_id, name: t.name, reason });
        else issue.push(t);
      }
      const [{ next }] = (await m.query<{ next: number }[]>(`SELECT coalesce(max(serial), 0) + 1 AS next FROM ballot_paper WHERE vote_id = $1`, [voteId])) as [{ next: number }];
      const serials = issue.map((_, i) => next + i);
      if (issue.length) {
        await m.query(
          `INSERT INTO ballot_paper (vote_id, serial, voter_id, status, issued_by) SELECT $1, s, v, 'issued', $4 FROM unnest($2::int[], $3::text[]) AS x(s, v)`,
          [voteId, serials, issue.map((t) => t.voter_id), actor.id],
        );
      }
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: 'paper.issue',
        entityType: 'vote',
        entityId: voteId,
        after: { issued: issue.length, serials: issue.length ? [serials[0], serials[serials.length - 1]] : [], groups: input.groups ?? null, all: input.all ?? false, skipped: skipped.length },
      });
      const rows = await this.paperRows(m, voteId, { serials });
      return { issued: await this.toDtos(m, vote, rows), skipped };
    });
  }

  async reissue(actor: Actor, voteId: string, serial: number, reason: string): Promise<PaperDto> {
    return this.dataSource.transaction(async (m) => {
      const { vote } = await this.forWrite(actor, voteId, m);
      this.requireOpenWindow(vote, 'Ballot papers are reissued');
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`papers:${voteId}`]);
      const paper = await this.lockPaper(m, voteId, serial);
      if (paper.status !== 'issued' && paper.status !== 'returned') {
        throw conflict('paper_in_entry', `Paper No. ${serial} is ${paper.status}: only a paper that has not been entered can be reissued.`, { status: paper.status });
      }
      await m.query(`UPDATE ballot_paper SET status = 'void', void_kind = 'reissued', void_reason = $3 WHERE vote_id = $1 AND serial = $2`, [voteId, serial, reason]);
      const [{ next }] = (await m.query<{ next: number }[]>(`SELECT coalesce(max(serial), 0) + 1 AS next FROM ballot_paper WHERE vote_id = $1`, [voteId])) as [{ next: number }];
      await m.query(`INSERT INTO ballot_paper (vote_id, serial, voter_id, status, issued_by) VALUES ($1, $2, $3, 'issued', $4)`, [voteId, next, paper.voter_id, actor.id]);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.reissue', entityType: 'vote', entityId: voteId, before: { serial, status: paper.status }, after: { serial: next, reason } });
      return (await this.toDtos(m, vote, await this.paperRows(m, voteId, { serials: [next] })))[0]!;
    });
  }

  async voidPaper(actor: Actor, voteId: string, serial: number, reason: string): Promise<PaperDto> {
    return this.dataSource.transaction(async (m) => {
      const { vote } = await this.forWrite(actor, voteId, m);
      this.requireTakingBallots(vote);
      const paper = await this.lockPaper(m, voteId, serial);
      if (paper.status !== 'issued' && paper.status !== 'returned' && paper.status !== 'entered') {
        throw conflict(paper.status === 'disputed' ? 'disputed' : 'paper_settled', `Paper No. ${serial} is ${paper.status}${paper.status === 'disputed' ? ': settle the dispute (it may be settled as spoilt)' : ''}.`, { status: paper.status });
      }
      await m.query(`UPDATE ballot_paper SET status = 'void', void_kind = 'void', void_reason = $3 WHERE vote_id = $1 AND serial = $2`, [voteId, serial, reason]);
      await this.forgetChoices(m, vote, serial);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.void', entityType: 'vote', entityId: voteId, before: { serial, status: paper.status }, after: { status: 'void', reason } });
      return (await this.toDtos(m, vote, await this.paperRows(m, voteId, { serials: [serial] })))[0]!;
    });
  }

  async markReturned(actor: Actor, voteId: string, serials: number[]): Promise<ReturnResultDto> {
    return this.dataSource.transaction(async (m) => {
      const { vote } = await this.forWrite(actor, voteId, m);
      this.requireOpenWindow(vote, 'Papers count when they are back before voting closes: they are marked returned');
      const rows = await m.query<{ serial: number; status: PaperStatus }[]>(`SELECT serial, status FROM ballot_paper WHERE vote_id = $1 AND serial = ANY($2::int[]) ORDER BY serial FOR UPDATE`, [voteId, serials]);
      const missing = serials.filter((s) => !rows.some((r) => r.serial === s));
      if (missing.length) throw new DomainError('VALIDATION_FAILED', 'Some serial numbers are not papers of this vote.', { fields: [{ field: 'serials', reasons: ['unknown'], message: missing.join(', ') }] });
      const voided = rows.filter((r) => r.status === 'void').map((r) => r.serial);
      if (voided.length) throw conflict('paper_void', `Papers ${voided.join(', ')} were voided and do not count.`, { serials: voided });
      const returned = rows.filter((r) => r.status === 'issued').map((r) => r.serial);
      if (returned.length) await m.query(`UPDATE ballot_paper SET status = 'returned', returned_at = $3 WHERE vote_id = $1 AND serial = ANY($2::int[])`, [voteId, returned, new Date()]);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.return', entityType: 'vote', entityId: voteId, after: { serials: returned } });
      return { returned, already: rows.filter((r) => r.status !== 'issued').map((r) => r.serial) };
    });
  }

  async list(actor: Actor, voteId: string, query: PaperListQueryDto): Promise<PaperListDto> {
    const m = this.dataSource.manager;
    const vote = await this.managed(actor, voteId, m);
    const counts = await m.query<({ group_label: string; voters: number } & Record<keyof PaperCountsDto, number>)[]>(
      `SELECT v.group_label, count(DISTINCT v.voter_id)::int AS voters,
              count(p.serial) FILTER (WHERE p.status <> 'void')::int AS issued,
              count(p.serial) FILTER (WHERE p.status = ANY($2::text[]))::int AS returned,
              count(p.serial) FILTER (WHERE p.status IN ('entered', 'confirmed', 'disputed'))::int AS entered,
              count(p.serial) FILTER (WHERE p.status = 'confirmed')::int AS confirmed,
              count(p.serial) FILTER (WHERE p.status = 'disputed')::int AS disputed,
              count(p.serial) FILTER (WHERE p.status = 'void')::int AS void
         FROM vote_voter v LEFT JOIN ballot_paper p ON p.vote_id = v.vote_id AND p.voter_id = v.voter_id
        WHERE v.vote_id = $1
        GROUP BY v.group_label ORDER BY v.group_label`,
      [voteId, BACK],
    );
    const groups: PaperGroupCountsDto[] = counts.map((c) => ({ group: c.group_label, voters: c.voters, issued: c.issued, returned: c.returned, entered: c.entered, confirmed: c.confirmed, disputed: c.disputed, void: c.void }));
    const totals: PaperCountsDto = { issued: 0, returned: 0, entered: 0, confirmed: 0, disputed: 0, void: 0 };
    for (const g of groups) for (const k of Object.keys(totals) as (keyof PaperCountsDto)[]) totals[k] += g[k];
    const rows = await this.paperRows(m, voteId, { group: query.group, status: query.status });
    return { totals, groups, papers: await this.toDtos(m, vote, rows) };
  }

  /** What the web prints: per building or household, each live paper with its serial, voter, units and code. */
  async print(actor: Actor, voteId: string, group?: string): Promise<PaperPrintDto> {
    const m = this.dataSource.manager;
    const vote = await this.managed(actor, voteId, m);
    const rows = await m.query<{ serial: number; voter_id: string; status: PaperStatus; name: string; group_label: string; unit_labels: string[] }[]>(
      `SELECT p.serial, p.voter_id, p.status, v.name, v.group_label, v.unit_labels
         FROM ballot_paper p JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.voter_id
        WHERE p.vote_id = $1 AND p.status <> 'void' AND ($2::text IS NULL OR v.group_label = $2)
        ORDER BY v.group_label, p.serial`,
      [voteId, group ?? null],
    );
    const groups = new Map<string, PaperPrintDto['groups'][number]>();
    for (const r of rows) {
      const g = groups.get(r.group_label) ?? { group: r.group_label, papers: [] };
      g.papers.push({ serial: r.serial, code: this.codeOf(voteId, r.serial, r.voter_id), name: r.name, unitLabels: r.unit_labels, status: r.status });
      groups.set(r.group_label, g);
    }
    const [unit] = await m.query<{ name: string }[]>(`SELECT name FROM org_node WHERE id = $1`, [vote.unitId]);
    const choices =
      vote.questionKind === 'options'
        ? [...vote.options!.map((o) => ({ id: o.id, label: o.label['zh-CN'] })), { id: 'abstain', label: '弃权' }]
        : MOTION_CHOICES.map((c) => ({ id: c, label: { approve: '同意', oppose: '反对', abstain: '弃权' }[c] }));
    return { voteId, unitName: unit?.name ?? '', title: vote.title, question: vote.question, choices, secrecy: vote.secrecy, closesAt: vote.closesAt.toISOString(), groups: [...groups.values()] };
  }

  // --- Entering, confirming, settling ----------------------------------------------------

  /**
   * One reading of a paper. The first (with the scan) waits for a second, different person; the
   * second is compared with it without being shown it: equal readings cast the ballot, different
   * ones go to the dispute list.
   */
  async enter(actor: Actor, voteId: string, serial: number, input: PaperEntryFieldsDto, upload: Upload | undefined): Promise<PaperEntryResultDto> {
    return this.dataSource.transaction(async (m) => {
      const { vote, row } = await this.forWrite(actor, voteId, m);
      this.requireTakingBallots(vote);
      const paper = await this.lockPaper(m, voteId, serial);
      if (input.code && input.code.toUpperCase() !== this.codeOf(voteId, serial, paper.voter_id)) {
        throw invalid('code', 'mismatch', `The code does not belong to paper No. ${serial}: check the serial number on the paper.`);
      }
      const choice = parseChoice(row, input.choice);
      if (!choice) throw invalid('choice', 'isIn', 'This is not one of the choices of the vote.');
      const proxy = input.proxyId ? await this.proxyOnPaper(m, vote, paper.voter_id, input.proxyId) : null;
      switch (paper.status) {
        case 'void':
          throw conflict('paper_void', `Paper No. ${serial} was voided and does not count.`);
        case 'confirmed':
          throw conflict('paper_settled', `Paper No. ${serial} has been entered twice and counted.`);
        case 'disputed':
          throw conflict('disputed', `Paper No. ${serial} is on the dispute list: a third person or the convenor settles it.`);
        case 'issued':
        case 'returned': {
          let returnedAt = paper.returned_at;
          if (!returnedAt) {
            // A paper handed in at the desk while voting is open is returned now; after close it came too late.
            if (vote.status !== 'open' || Date.now() >= vote.closesAt.getTime()) {
              throw conflict('not_returned_in_time', `Paper No. ${serial} was not marked returned before voting closed: it does not count.`);
            }
            returnedAt = new Date();
          }
          if (vote.secrecy === 'secret' && (await isMarked(txQuery(m), voteId, paper.voter_id))) {
            throw conflict('already_voted', 'A secret ballot, once cast, is final: this voter has already voted, so the paper is refused. Void it.');
          }
          if (!upload) throw invalid('file', 'isNotEmpty', 'The first entry keeps the scan of the paper (multipart field "file").');
          const file = await this.files.save(m, actor, upload, 'document');
          await m.query(
            `UPDATE ballot_paper SET status = 'entered', returned_at = $3, entered_choice = $4, entered_by = $5, entered_at = now(), proxy = $6, scan_file_id = $7
              WHERE vote_id = $1 AND serial = $2`,
            [voteId, serial, returnedAt, JSON.stringify(choice), actor.id, proxy ? JSON.stringify(proxy) : null, file.id],
          );
          // The reading itself is not in the trail until the second entry: the second enterer may read the trail.
          await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.enter', entityType: 'vote', entityId: voteId, after: { serial, reading: 1, ...(vote.secrecy === 'named' ? { scanFileId: file.id } : {}) } });
          return { serial, status: 'entered', receipt: null, supersededReceipt: null };
        }
        case 'entered': {
          if (paper.entered_by === actor.id) throw conflict('same_person', 'The second entry is made by another staff member, independently.');
          const agree = sameChoice(paper.entered_choice!, choice) && sameProxy(paper.proxy, proxy);
          if (!paper.scan_file_id && upload) {
            const file = await this.files.save(m, actor, upload, 'document');
            await m.query(`UPDATE ballot_paper SET scan_file_id = $3 WHERE vote_id = $1 AND serial = $2`, [voteId, serial, file.id]);
          }
          if (!agree) {
            const differs: PaperDisputeField[] = [...(sameChoice(paper.entered_choice!, choice) ? [] : ['choice' as const]), ...(sameProxy(paper.proxy, proxy) ? [] : ['proxy' as const])];
            await m.query(
              `UPDATE ballot_paper SET status = 'disputed', confirmed_choice = $3, confirmed_by = $4, confirmed_at = now(), disputed_on = $5 WHERE vote_id = $1 AND serial = $2`,
              [voteId, serial, JSON.stringify(choice), actor.id, differs],
            );
            await this.audit.record(m, {
              actor,
              nodeId: vote.unitId,
              action: 'paper.dispute',
              entityType: 'vote',
              entityId: voteId,
              after: { serial, differs, ...(vote.secrecy === 'named' ? { first: paper.entered_choice, second: choice, firstProxy: paper.proxy, secondProxy: proxy } : {}) },
            });
            return { serial, status: 'disputed', receipt: null, supersededReceipt: null };
          }
          const cast = await this.castPaper(m, vote, paper, choice, proxy, actor);
          await m.query(`UPDATE ballot_paper SET status = 'confirmed', confirmed_choice = $3, confirmed_by = $4, confirmed_at = now() WHERE vote_id = $1 AND serial = $2`, [
            voteId,
            serial,
            JSON.stringify(choice),
            actor.id,
          ]);
          await this.forgetChoices(m, vote, serial);
          await this.audit.record(m, {
            actor,
            nodeId: vote.unitId,
            action: 'paper.confirm',
            entityType: 'vote',
            entityId: voteId,
            after: { serial, reading: 2, ...(vote.secrecy === 'named' ? { choice, proxy, receipt: cast.receipt, supersededReceipt: cast.supersededReceipt } : {}) },
          });
          return { serial, status: 'confirmed', ...cast };
        }
      }
    });
  }

  /** Settles a disputed paper: a third person (neither enterer) or a convenor of the unit decides what it says, with a note. */
  async resolve(actor: Actor, voteId: string, serial: number, input: ResolvePaperDto): Promise<PaperEntryResultDto> {
    return this.dataSource.transaction(async (m) => {
      const { vote, row } = await this.forWrite(actor, voteId, m);
      this.requireTakingBallots(vote);
      const paper = await this.lockPaper(m, voteId, serial);
      if (paper.status !== 'disputed') throw conflict('not_disputed', `Paper No. ${serial} is ${paper.status}, not on the dispute list.`, { status: paper.status });
      if ((actor.id === paper.entered_by || actor.id === paper.confirmed_by) && !(await this.isConvenor(m, actor, vote.unitId))) {
        throw new DomainError('FORBIDDEN', 'A dispute is settled by a third person, or by the convenor.', { reason: 'third_person_required' });
      }
      const readings = vote.secrecy === 'named' ? { first: paper.entered_choice, second: paper.confirmed_choice } : {};
      if (input.choice === 'spoilt') {
        await m.query(`UPDATE ballot_paper SET status = 'void', void_kind = 'spoilt', resolution_note = $3, resolved_by = $4, resolved_at = now() WHERE vote_id = $1 AND serial = $2`, [voteId, serial, input.note, actor.id]);
        await this.forgetChoices(m, vote, serial);
        await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.resolve', entityType: 'vote', entityId: voteId, after: { serial, outcome: 'spoilt', note: input.note, ...readings } });
        return { serial, status: 'void', receipt: null, supersededReceipt: null };
      }
      const choice = parseChoice(row, input.choice);
      if (!choice) throw invalid('choice', 'isIn', 'This is not one of the choices of the vote (or "spoilt").');
      const proxy = input.proxyId ? await this.proxyOnPaper(m, vote, paper.voter_id, input.proxyId) : null;
      const cast = await this.castPaper(m, vote, paper, choice, proxy, actor);
      await m.query(`UPDATE ballot_paper SET status = 'confirmed', resolution_note = $3, resolved_by = $4, resolved_at = now() WHERE vote_id = $1 AND serial = $2`, [voteId, serial, input.note, actor.id]);
      await this.forgetChoices(m, vote, serial);
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: 'paper.resolve',
        entityType: 'vote',
        entityId: voteId,
        after: { serial, note: input.note, ...readings, ...(vote.secrecy === 'named' ? { choice, proxy, receipt: cast.receipt } : {}) },
      });
      return { serial, status: 'confirmed', ...cast };
    });
  }

  /**
   * Casts the paper's ballot, as an online cast does (same locks, same writes): named — the
   * voter's counted ballot becomes this paper (naming the online ballot it superseded; online
   * casting is then refused for them); secret — refused if the voter is already marked, else the
   * roll marked and the choice put in the box's intake. The ballot's time is when the paper came back.
   */
  private async castPaper(m: EntityManager, vote: Vote, paper: PaperRow, choice: Choice, proxy: ProxyMark | null, actor: Actor): Promise<{ receipt: string | null; supersededReceipt: string | null }> {
    await lockVoter(txQuery(m), vote.id, paper.voter_id);
    const at = paper.returned_at!.toISOString();
    const cast = { voteId: vote.id, voterId: paper.voter_id, choice, channel: 'paper' as const, proxy, at };
    if (vote.secrecy === 'secret') {
      await castSecret(txQuery(m), cast);
      return { receipt: null, supersededReceipt: null };
    }
    const existing = await namedBallotOf(txQuery(m), vote.id, paper.voter_id);
    if (existing?.channel === 'paper') throw conflict('paper_settled', 'A paper ballot has already been counted for this voter.');
    const supersededReceipt = existing ? existing.receipt : null;
    const receipt = await castNamed(txQuery(m), { ...cast, castBy: actor.id, supersededReceipt });
    return { receipt, supersededReceipt };
  }

  /**
   * A secret vote's settled paper keeps no trace of its choice (the box has it, unlinked), nor a
   * link to its scan (the scan shows the choice; the file itself is kept in storage).
   */
  private async forgetChoices(m: EntityManager, vote: Vote, serial: number): Promise<void> {
    if (vote.secrecy !== 'secret') return;
    await m.query(
      `UPDATE ballot_paper SET entered_choice = CASE WHEN entered_choice IS NULL THEN NULL ELSE 'null'::jsonb END, confirmed_choice = NULL, scan_file_id = NULL
        WHERE vote_id = $1 AND serial = $2`,
      [vote.id, serial],
    );
  }

  /** The proxy a paper was signed under: a recorded authorisation of this voter (accepted or not: the count decides). */
  private async proxyOnPaper(m: EntityManager, vote: Vote, voterId: string, proxyId: string): Promise<ProxyMark> {
    const [p] = await m.query<{ id: string; principal_voter_id: string; agent_voter_id: string | null; agent_user_id: string | null; written: boolean; status: string; revoked_at: Date | null }[]>(
      `SELECT id, principal_voter_id, agent_voter_id, agent_user_id, written, status, revoked_at FROM proxy_authorization WHERE id = $1 AND vote_id = $2`,
      [proxyId, vote.id],
    );
    if (!p || p.principal_voter_id !== voterId) throw invalid('proxyId', 'notThisVoter', 'This proxy was not given by the voter of this paper.');
    if (p.revoked_at) throw conflict('proxy_revoked', 'This proxy was revoked.');
    // A secret ballot cannot be taken out of the box: a proxy the rule refuses is refused before casting.
    if (vote.secrecy === 'secret' && p.status !== 'accepted') throw conflict('proxy_rejected', 'This proxy was rejected: a secret ballot under it cannot be cast.');
    return { agent: proxyAgentId(this.secret.key, vote.id, { id: p.id, agentVoterId: p.agent_voter_id, agentUserId: p.agent_user_id }), written: p.written };
  }

  private async isConvenor(m: EntityManager, actor: Actor, unitId: string): Promise<boolean> {
    const ancestry = await this.permissions.ancestry(unitId, m);
    const grants: Grant[] = await this.permissions.grantsOf(actor.id, m);
    return !!ancestry && grantsReaching(grants, { ancestry }).some((g) => g.role === 'convenor');
  }

  async sendScan(actor: Actor, voteId: string, serial: number, res: Response): Promise<void> {
    await this.managed(actor, voteId, this.dataSource.manager);
    const [paper] =
      serial >= 1 && serial <= MAX_SERIAL
        ? await this.dataSource.query<{ scan_file_id: string | null }[]>(`SELECT scan_file_id FROM ballot_paper WHERE vote_id = $1 AND serial = $2`, [voteId, serial])
        : [];
    if (!paper?.scan_file_id) throw new DomainError('NOT_FOUND', `Paper No. ${serial} has no scan.`, { serial });
    await this.files.send(res, await this.dataSource.getRepository(StoredFile).findOneByOrFail({ id: paper.scan_file_id }));
  }

  // --- Meeting check-ins -----------------------------------------------------------------

  /** Voters who signed in at the meeting (签到): the chain records it, and rules that count attendance count it. */
  async checkIn(actor: Actor, voteId: string, voterIds: string[]): Promise<CheckInResultDto> {
    return this.dataSource.transaction(async (m) => {
      const { vote } = await this.forWrite(actor, voteId, m);
      if (!countsAttendance(vote.ruleSet, vote.lml63)) {
        throw conflict('attendance_not_counted', `The rule ${vote.ruleSet} does not count attendance at a meeting: only ballots count.`, { ruleSet: vote.ruleSet });
      }
      const now = Date.now();
      if (now < vote.opensAt.getTime()) throw conflict('not_open_yet', 'Voting has not opened yet.');
      this.requireOpenWindow(vote, 'Check-ins are recorded');
      const known = await m.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND voter_id = ANY($2)`, [voteId, voterIds]);
      const unknown = voterIds.filter((id) => !known.some((k) => k.voter_id === id));
      if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Some voters are not on the electorate of this vote.', { fields: [{ field: 'voterIds', reasons: ['notInElectorate'], message: unknown.join(', ') }] });
      const sorted = [...voterIds].sort();
      for (const voter of sorted) await lockVoter(txQuery(m), voteId, voter);
      const already = (
        await m.query<{ voter: string }[]>(`SELECT DISTINCT entry->>'voter' AS voter FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'check-in' AND entry->>'voter' = ANY($2)`, [voteId, sorted])
      ).map((r) => r.voter);
      const at = new Date(now).toISOString();
      const fresh = sorted.filter((v) => !already.includes(v));
      for (const voter of fresh) await appendCast(txQuery(m), voteId, { kind: 'check-in', voter, at });
      const [{ n }] = (await m.query<{ n: number }[]>(`SELECT count(DISTINCT entry->>'voter')::int AS n FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'check-in'`, [voteId])) as [{ n: number }];
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'vote.check_in', entityType: 'vote', entityId: voteId, after: { voters: fresh.length, attendance: n } });
      return { checkedIn: fresh, already: already.sort(), attendance: n };
    });
  }

  // --- Reading papers --------------------------------------------------------------------

  private async paperRows(m: EntityManager, voteId: string, filter: { serials?: number[]; group?: string; status?: PaperStatus }): Promise<(PaperRow & { name: string; group_label: string; unit_labels: string[] })[]> {
    return m.query(
      `SELECT ${PAPER_COLUMNS}, v.name, v.group_label, v.unit_labels
         FROM ballot_paper p JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.voter_id
        WHERE p.vote_id = $1 AND ($2::int[] IS NULL OR p.serial = ANY($2::int[])) AND ($3::text IS NULL OR v.group_label = $3) AND ($4::text IS NULL OR p.status = $4)
        ORDER BY p.serial`,
      [voteId, filter.serials ?? null, filter.group ?? null, filter.status ?? null],
    );
  }

  /**
   * Papers as staff see them. Blind entry: the first reading (choice and proxy) is never shown
   * while the paper waits for its second entry; once disputed both readings are shown (to settle
   * it), and a named vote's settled paper shows them and the counted choice. A secret vote's
   * settled paper shows nothing of its choice.
   */
  private async toDtos(m: EntityManager, vote: Vote, rows: (PaperRow & { name: string; group_label: string; unit_labels: string[] })[]): Promise<PaperDto[]> {
    const userIds = [...new Set(rows.flatMap((r) => [r.entered_by, r.confirmed_by, r.resolved_by]).filter((x): x is string => !!x))];
    const users = new Map(
      userIds.length ? (await m.query<{ id: string; display_name: string }[]>(`SELECT id, display_name FROM app_user WHERE id = ANY($1)`, [userIds])).map((u) => [u.id, u.display_name]) : [],
    );
    const ref = (id: string | null): { id: string; name: string } | null => (id ? { id, name: users.get(id) ?? '' } : null);
    const confirmed = rows.filter((r) => r.status === 'confirmed').map((r) => r.voter_id);
    const counted =
      vote.secrecy === 'named' && confirmed.length
        ? new Map((await m.query<{ voter_id: string; choice: Choice }[]>(`SELECT voter_id, choice FROM ballot WHERE vote_id = $1 AND channel = 'paper' AND voter_id = ANY($2)`, [vote.id, confirmed])).map((b) => [b.voter_id, b.choice]))
        : new Map<string, Choice>();
    return rows.map((r) => {
      const showReadings = r.status === 'disputed' || (vote.secrecy === 'named' && (r.status === 'confirmed' || (r.status === 'void' && r.entered_by !== null)));
      return {
        serial: r.serial,
        code: this.codeOf(vote.id, r.serial, r.voter_id),
        voterId: r.voter_id,
        name: r.name,
        group: r.group_label,
        unitLabels: r.unit_labels,
        status: r.status,
        issuedAt: r.issued_at.toISOString(),
        returnedAt: r.returned_at?.toISOString() ?? null,
        enteredBy: ref(r.entered_by),
        enteredAt: r.entered_at?.toISOString() ?? null,
        confirmedBy: ref(r.confirmed_by),
        confirmedAt: r.confirmed_at?.toISOString() ?? null,
        readings: showReadings ? { first: choiceText(r.entered_choice), second: choiceText(r.confirmed_choice) } : null,
        choice: choiceText(counted.get(r.voter_id) ?? null),
        proxy: r.status === 'entered' ? null : r.proxy,
        hasScan: r.scan_file_id !== null,
        voidKind: r.void_kind,
        voidReason: r.void_reason,
        disputedOn: r.disputed_on,
        resolution: r.resolution_note,
        resolvedBy: ref(r.resolved_by),
        resolvedAt: r.resolved_at?.toISOString() ?? null,
      };
    });
  }
}
