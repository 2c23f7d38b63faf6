import type { OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssemblyVoteFile, SafeguardsFile, VoteFile } from '@yishi/domain';
import {
  ASSEMBLY_FORMAT_VERSION,
  checkMatters,
  checkSchedule,
  electorateSha256,
  FormatError,
  prettyJson,
  readElectorateFile,
  RECOUNT_FORMAT,
  RECOUNT_FORMAT_VERSION,
  objectionEndsAt,
  RULE_SETS,
  windowShorterThan,
} from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { AppSecret } from '../../config/app-secret';
import { APP_SECRET } from '../../config/app-secret';
import { JobsService } from '../../jobs/jobs.service';
import { NotificationsService } from '../../notifications/notifications.service';
import type { NodeAccess } from '../../permissions/permissions.service';
import { allows, PermissionsService } from '../../permissions/permissions.service';
import type { CreateVoteDto, MyVoterDto, VoteDetailDto, VoteSummaryDto } from './dto/vote.dto';
import { snapshotElectorate } from './electorate-snapshot';
import type { Vote } from '../entities/vote.entity';
import { txQuery, votersOfAccount } from '../ballots/ballot-store';
import { nodeKind, nodeName } from '../../organizations/organization-store';
import { consultationConcernsUnit } from '../../consultations/consultation-store';
import { RemindersService } from '../ballots/reminders.service';
import { ShorteningsService } from './shortenings.service';
import { VoteAttachmentsService } from './attachments.service';
import { assertReasonOfSubstance } from '../../common/reasons';
import { findVote, insertElectorate, insertVote, lockVote, updateVote, votesDueToOpen, votesOfUnit } from './vote-store';
import { VOTE_DEFAULTS } from '@yishi/contracts';
import { conflict, invalid } from '../../common/refusals';
import { announcedMatters, matterFiles } from '../assembly/assembly-matters';
import { markViews, matterView } from '../assembly/assembly-views';
import { isMarks } from '../ballots/ballot-choices';




/**
 * Votes: announced (scheduled) saying what they decide, opened — the roll frozen into the
 * electorate with pseudonyms and the recount kit's vote.json fixed — by their convenor or at their
 * opening time once the legal notice has run (earlier, or with less than the shortest window, only
 * under an approved shortening), and cancelled with a reason. Casting, sealing and closing live in
 * their own services.
 */
@Injectable()
export class VotesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly shortenings: ShorteningsService,
    private readonly reminders: RemindersService,
    private readonly attachments: VoteAttachmentsService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'votes.open', everyMs: 30_000, run: async () => void (await this.openDue()) });
  }

  /**
   * Announces a vote: the notice starts now (`now` is for the demo seed, which dates its street's
   * business). What it decides must be decidable under its rule set; a window that opens before
   * the notice has run or is shorter than the rule set's shortest needs `shorteningReason`, which
   * files the request for a supervisor's approval in the same transaction.
   */
  async create(actor: Actor, unitId: string, input: CreateVoteDto, now = new Date()): Promise<VoteDetailDto> {
    const id = await this.dataSource.transaction(async (m) => {
      const kind = await nodeKind(txQuery(m), unitId);
      if (kind !== 'cooperative' && kind !== 'compound') throw invalid('unitId', 'invalid', 'A vote is held by the body of a cooperative or a compound.');
      const secrecy = input.secrecy ?? 'named';
      const assembly = input.matters ? this.assemblyOf(input, kind, secrecy) : null;
      if (!assembly) this.checkSingleQuestion(input, kind, secrecy);
      const ruleSet = assembly?.clockRuleSet ?? input.ruleSet;
      const opensAt = new Date(input.opensAt);
      const closesAt = new Date(input.closesAt);
      if (closesAt <= opensAt) throw invalid('closesAt', 'invalid', 'Voting must close after it opens.');
      if (closesAt.getTime() <= Date.now()) throw invalid('closesAt', 'invalid', 'Voting must close in the future.');
      const clock = checkSchedule(ruleSet, { announcedAt: now, opensAt: opensAt < now ? now : opensAt, closesAt });
      const shortened = clock.shortensNotice || clock.shortensWindow;
      if (shortened && !input.shorteningReason) {
        const fields = [
          ...(clock.shortensNotice
            ? [{ field: 'opensAt', reasons: ['needsApproval'], message: `The ${RULE_SETS[ruleSet].noticeDays}-day notice runs until ${clock.noticeEndsAt.toISOString()}: opening earlier needs a reason and a supervisor's approval.` }]
            : []),
          ...(clock.shortensWindow
            ? [{ field: 'closesAt', reasons: ['needsApproval'], message: `Voting under ${ruleSet} lasts at least ${clock.minVotingHours} hours: a shorter window needs a reason and a supervisor's approval.` }]
            : []),
        ];
        throw new DomainError('VALIDATION_FAILED', fields.map((f) => f.message).join(' '), { fields, noticeEndsAt: clock.noticeEndsAt.toISOString(), minVotingHours: clock.minVotingHours });
      }
      if (shortened) assertReasonOfSubstance('shorteningReason', input.shorteningReason!);
      if (input.consultationId && !(await consultationConcernsUnit(txQuery(m), input.consultationId, unitId))) {
        throw invalid('consultationId', 'invalid', 'The vote can only decide a consultation that concerns this unit.');
      }
      const vote = await insertVote(m, {
        unitId,
        consultationId: input.consultationId ?? null,
        title: input.title,
        titleEn: input.titleEn ?? null,
        question: input.question,
        questionEn: input.questionEn ?? null,
        questionKind: assembly ? 'assembly' : input.options ? 'options' : 'motion',
        options: input.options?.map((o) => ({ id: o.id, label: { 'zh-CN': o.label, en: o.labelEn ?? o.label } })) ?? null,
        matters: assembly?.matters ?? null,
        ruleSet,
        matterKinds: assembly ? [...new Set(assembly.matters.flatMap((x) => x.matterKinds))] : input.matterKinds,
        lml63: assembly ? null : (input.lml63 ?? null),
        secrecy,
        allowChange: input.allowChange ?? true,
        opensAt,
        closesAt,
        status: 'scheduled',
        turnoutPublic: input.turnoutPublic ?? false,
        proxyCap: input.proxyCap ?? VOTE_DEFAULTS.proxyCap,
        objectionDays: input.objectionDays ?? VOTE_DEFAULTS.objectionDays,
        createdBy: actor.id,
        createdAt: now,
        noticeEndsAt: clock.noticeEndsAt,
        minVotingHours: RULE_SETS[ruleSet].minVotingHours,
      });
      if (input.options && new Set(input.options.map((o) => o.id)).size !== input.options.length) throw invalid('options', 'invalid', 'Option ids must be unique.');
      await this.audit.record(m, {
        actor,
        nodeId: unitId,
        action: 'vote.create',
        entityType: 'vote',
        entityId: vote.id,
        after: { title: vote.title, ruleSet: vote.ruleSet, matterKinds: vote.matterKinds, secrecy, opensAt: input.opensAt, closesAt: input.closesAt, announcedAt: now.toISOString(), noticeEndsAt: clock.noticeEndsAt.toISOString() },
      });
      if (shortened) await this.shortenings.request(actor, vote, { reason: input.shorteningReason!, opensAt: input.opensAt }, m, now);
      if (input.reminderHoursBefore?.length) await this.reminders.set(actor, vote.id, input.reminderHoursBefore, m);
      await this.attachments.attach(m, actor, vote.id, [
        ...(input.attachments ?? []).map((a) => ({ ...a, matterId: null })),
        ...(input.matters ?? []).flatMap((matter, i) => (matter.attachments ?? []).map((a) => ({ ...a, matterId: `m${i + 1}` }))),
      ]);
      return vote.id;
    });
    return this.detail(actor, id);
  }

  /** A motion or a poll: its rule set fits the unit's body and may decide what it names. */
  private checkSingleQuestion(input: CreateVoteDto, kind: 'compound' | 'cooperative', secrecy: 'named' | 'secret'): void {
    const needs = RULE_SETS[input.ruleSet].electorate;
    if ((needs === 'compound' && kind !== 'compound') || (needs === 'persons' && kind !== 'cooperative')) {
      throw invalid('ruleSet', 'invalid', `The rule set ${input.ruleSet} is for ${needs === 'compound' ? 'owners of a compound' : 'members of a cooperative or village'}.`);
    }
    if (secrecy === 'secret' && RULE_SETS[input.ruleSet].weightedByArea) {
      throw invalid('secrecy', 'invalid', 'Owners vote by name: weighing ballots by floor area needs to know whose ballot it is (Civil Code art. 278).');
    }
    if (input.options && input.ruleSet !== 'simple-majority') throw invalid('options', 'invalid', 'Only an informal poll (simple-majority) offers several options; a rule set decides a motion.');
    if (input.ruleSet === 'lml-63' && !input.lml63) throw invalid('lml63', 'invalid', 'An lml-63 vote says which body consents and whether the RCEO Law applies.');
    // Only lml-63 has these parameters; recorded on another rule set, vote.json would say what the recount format forbids.
    if (input.ruleSet !== 'lml-63' && input.lml63) throw invalid('lml63', 'invalid', 'Only an lml-63 vote (commercial construction land) takes these parameters.');
    const refusal = checkMatters(input.ruleSet, input.matterKinds, input.lml63 ?? undefined);
    if (refusal) {
      throw new DomainError('VALIDATION_FAILED', refusal.matters.map((x) => x.reason.en).join(' '), {
        fields: [{ field: 'matterKinds', reasons: ['mayNotDecide'], message: refusal.matters.map((x) => x.reason['zh-CN']).join(' ') }],
        refusal,
      });
    }
  }

  /** An assembly's ballot: its matters checked (announcedMatters); no poll options or vote-wide lml63 beside them. */
  private assemblyOf(input: CreateVoteDto, kind: 'compound' | 'cooperative', secrecy: 'named' | 'secret'): ReturnType<typeof announcedMatters> {
    if (input.options) throw invalid('options', 'invalid', 'An assembly’s ballot puts matters, not poll options.');
    if (input.lml63) throw invalid('lml63', 'invalid', 'On an assembly’s ballot, lml-63 parameters belong to their matter.');
    return announcedMatters(input.matters!, kind, secrecy);
  }

  /**
   * Opens the vote now: freezes the electorate and fixes vote.json, with the legal clock it opened
   * under. Before the notice has run, or when less than the shortest window is left, only under an
   * approved shortening whose opening time has come (a trigger checks it too). The job calls it
   * without an actor once the time has come.
   */
  async open(actor: Actor | null, voteId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const vote = await lockVote(m, voteId);
      if (!vote) throw notFound(voteId);
      if (vote.status !== 'scheduled') throw conflict('not_scheduled', `The vote is ${vote.status}, not waiting to open.`);
      const now = new Date();
      if (now >= vote.closesAt) throw conflict('past_close', 'The voting period has already ended; cancel this vote and announce a new one.');
      const opensAt = now > vote.opensAt ? now : vote.opensAt;
      const early = now < vote.noticeEndsAt;
      const short = windowShorterThan(opensAt, vote.closesAt, vote.minVotingHours);
      const shortening = early || short ? await this.shortenings.approvedFor(vote.id, now, m) : null;
      if ((early || short) && !shortening) {
        const pending = (await this.shortenings.latestOf(vote.id, false, m))?.status === 'pending';
        throw conflict(
          'approval_required',
          early
            ? `The ${RULE_SETS[vote.ruleSet].noticeDays}-day notice runs until ${vote.noticeEndsAt.toISOString()}: opening earlier needs a shortening approved by staff of the community or street.`
            : `Less than the ${vote.minVotingHours} hours of voting this rule set needs are left: a shorter window needs a shortening approved by staff of the community or street.`,
          { noticeEndsAt: vote.noticeEndsAt.toISOString(), minVotingHours: vote.minVotingHours, pending },
        );
      }
      const snapshot = await snapshotElectorate(m, this.secret.key, vote.id, vote.unitId, vote.ruleSet, now);
      const electorateFile = { snapshotAt: snapshot.snapshotAt, electorate: snapshot.electorate };
      try {
        readElectorateFile(JSON.parse(JSON.stringify(electorateFile)) as unknown);
      } catch (error) {
        if (error instanceof FormatError) throw conflict('roll_inconsistent', `The roll cannot be counted as it stands: ${error.message}. Correct the roll, then open the vote.`);
        throw error;
      }
      const unitName = await nodeName(txQuery(m), vote.unitId);
      const safeguards: SafeguardsFile = {
        announcedAt: vote.createdAt.toISOString(),
        noticeEndsAt: vote.noticeEndsAt.toISOString(),
        minVotingHours: vote.minVotingHours,
        shortening: shortening ? this.shortenings.fileOf(shortening) : null,
      };
      const title = { 'zh-CN': `${unitName!} · ${vote.title}`, en: `${unitName!} · ${vote.titleEn ?? vote.title}` };
      const voteJson = vote.matters
        ? prettyJson(await this.assemblyVoteFile(m, vote, { title, safeguards, opensAt, electorateSha256: electorateSha256(electorateFile) }))
        : null;
      const voteFile: VoteFile = {
        format: RECOUNT_FORMAT,
        formatVersion: RECOUNT_FORMAT_VERSION,
        voteId: vote.id,
        title: { 'zh-CN': `${unitName!} · ${vote.title}`, en: `${unitName!} · ${vote.titleEn ?? vote.title}` },
        ruleSet: vote.ruleSet,
        question:
          vote.questionKind === 'options'
            ? { kind: 'options', text: { 'zh-CN': vote.question, en: vote.questionEn ?? vote.question }, options: vote.options! }
            : { kind: 'motion', text: { 'zh-CN': vote.question, en: vote.questionEn ?? vote.question } },
        matterKinds: vote.matterKinds as VoteFile['matterKinds'],
        lml63: vote.lml63,
        secrecy: vote.secrecy,
        opensAt: opensAt.toISOString(),
        closesAt: vote.closesAt.toISOString(),
        electorateSha256: electorateSha256(electorateFile),
        safeguards,
      };
      await insertElectorate(m, vote.id, snapshot.voters);
      await updateVote(m, vote.id, {
        status: 'open',
        openedAt: now,
        opensAt,
        earlyReason: shortening?.reason ?? null,
        shorteningId: shortening?.id ?? null,
        voteJson: voteJson ?? prettyJson(voteFile),
        electorateJson: prettyJson(electorateFile),
      });
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: shortening ? 'vote.open_shortened' : 'vote.open',
        entityType: 'vote',
        entityId: vote.id,
        after: { voters: snapshot.voters.length, electorateSha256: voteFile.electorateSha256, noticeEndsAt: vote.noticeEndsAt.toISOString(), shorteningId: shortening?.id ?? null },
      });
      await this.notifications.notifyUnits(m, [vote.unitId], 'vote_opened', { voteId: vote.id, title: vote.title, closesAt: vote.closesAt.toISOString() }, `/votes/${vote.id}`);
    });
  }

  /**
   * An assembly's vote.json (recount format version 2): its matters in the order of the paper,
   * each with its documents, and the documents of the whole ballot, by title and SHA-256.
   */
  private async assemblyVoteFile(
    m: EntityManager,
    vote: Vote,
    fixed: { title: AssemblyVoteFile['title']; safeguards: SafeguardsFile; opensAt: Date; electorateSha256: string },
  ): Promise<AssemblyVoteFile> {
    const documents = await this.attachments.documentsByMatter(m, vote.id);
    return {
      format: RECOUNT_FORMAT,
      formatVersion: ASSEMBLY_FORMAT_VERSION,
      voteId: vote.id,
      title: fixed.title,
      matters: matterFiles(vote.matters!, documents),
      documents: documents.get(null) ?? [],
      secrecy: vote.secrecy,
      opensAt: fixed.opensAt.toISOString(),
      closesAt: vote.closesAt.toISOString(),
      electorateSha256: fixed.electorateSha256,
      safeguards: fixed.safeguards,
    };
  }

  /** The job: open scheduled votes whose opening time has come and whose notice has run. */
  async openDue(now = new Date()): Promise<number> {
    const due = await votesDueToOpen(this.dataSource.manager, now);
    let opened = 0;
    for (const id of due) {
      try {
        await this.open(null, id);
        opened += 1;
      } catch (error) {
        // Still inside its notice period without an approved shortening, or a roll that cannot be counted: the convenor sees it waiting.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return opened;
  }

  async cancel(actor: Actor, voteId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const vote = await lockVote(m, voteId);
      if (!vote) throw notFound(voteId);
      if (vote.status !== 'scheduled' && vote.status !== 'open') throw conflict('not_cancellable', `A ${vote.status} vote cannot be cancelled.`);
      await updateVote(m, voteId, { status: 'cancelled', cancelledReason: reason });
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'vote.cancel', entityType: 'vote', entityId: voteId, before: { status: vote.status }, after: { status: 'cancelled', reason } });
    });
  }

  /**
   * The vote, and whether the actor runs it (for what a response shows them). Who may reach it at
   * all the route declares and the access guard decides: readers of its unit, its voters, the
   * agents of its proxies where the route allows them.
   */
  async visible(actor: Actor, voteId: string, m: EntityManager = this.dataSource.manager): Promise<{ vote: Vote; canManage: boolean }> {
    const { vote, access } = await this.withAccess(actor, voteId, m);
    return { vote, canManage: allows(access, 'consultation.manage') };
  }

  /** The vote and the actor's access on its unit, the unit's ancestry loaded once for every check the response needs. */
  private async withAccess(actor: Actor, voteId: string, m: EntityManager): Promise<{ vote: Vote; access: NodeAccess | null }> {
    const vote = await findVote(m, voteId);
    if (!vote) throw notFound(voteId);
    return { vote, access: await this.permissions.accessOn(actor, vote.unitId, m) };
  }

  async listForUnit(_actor: Actor, unitId: string): Promise<VoteSummaryDto[]> {
    const m = this.dataSource.manager;
    const votes = await votesOfUnit(m, unitId);
    // Every vote of the list is held by the same unit: its name is read once, not once per vote.
    const unitName = votes.length ? ((await nodeName(txQuery(m), unitId)) ?? '') : '';
    return votes.map((v) => this.summaryOf(v, unitName));
  }

  async detail(actor: Actor, voteId: string): Promise<VoteDetailDto> {
    const m = this.dataSource.manager;
    const { vote, access } = await this.withAccess(actor, voteId, m);
    const canManage = allows(access, 'consultation.manage');
    const body = RULE_SETS[vote.ruleSet].body;
    const supervises = this.shortenings.supervisesWith(actor, vote, access);
    const shortening = await this.shortenings.latestOf(vote.id, !canManage && !supervises);
    const canDecideShortening = supervises && vote.status === 'scheduled' && shortening?.status === 'pending' && !(await this.shortenings.requestedBy(shortening.id, actor.id));
    return {
      ...(await this.summary(vote)),
      bodyZh: body['zh-CN'],
      bodyEn: body.en,
      myVoters: await this.myVoters(actor, vote),
      canManage,
      attachments: await this.attachments.list(m, vote.id),
      noticeDays: RULE_SETS[vote.ruleSet].noticeDays,
      minVotingHours: vote.minVotingHours,
      shortening,
      canDecideShortening,
    };
  }

  /** The voters the actor may cast for: their own roll entries, and principals of their accepted proxies. */
  async myVoters(actor: Actor, vote: Vote, m: EntityManager = this.dataSource.manager): Promise<MyVoterDto[]> {
    if (vote.status === 'scheduled' || vote.status === 'cancelled') return [];
    const rows = await votersOfAccount(txQuery(m), vote, actor.id);
    const open = vote.status === 'open' && Date.now() >= vote.opensAt.getTime() && Date.now() < vote.closesAt.getTime();
    return rows.map((r) => {
      const voted = r.ballot_channel !== null || r.mark_channel !== null;
      const paper = r.ballot_channel === 'paper' || r.mark_channel === 'paper';
      return {
        voterId: r.voter_id,
        name: r.name,
        as: r.as,
        unitLabels: r.unit_labels,
        voted,
        choice: r.choice === null || isMarks(r.choice) ? null : typeof r.choice === 'string' ? r.choice : r.choice.option,
        marks: r.choice !== null && isMarks(r.choice) ? markViews(r.choice.marks) : null,
        channel: r.ballot_channel ?? r.mark_channel ?? null,
        receipt: r.receipt ?? null,
        supersededReceipt: r.superseded_receipt ?? null,
        canCast: open && !paper && (vote.secrecy === 'secret' ? !voted : !voted || vote.allowChange),
      };
    });
  }

  async summary(vote: Vote): Promise<VoteSummaryDto> {
    return this.summaryOf(vote, (await nodeName(txQuery(this.dataSource.manager), vote.unitId)) ?? '');
  }

  private summaryOf(vote: Vote, unitName: string): VoteSummaryDto {
    const result = vote.resultJson && !vote.matters ? (JSON.parse(vote.resultJson) as { tally: { passed: boolean } }) : null;
    return {
      id: vote.id,
      unitId: vote.unitId,
      unitName,
      consultationId: vote.consultationId,
      title: vote.title,
      question: vote.question,
      questionKind: vote.questionKind,
      options: vote.options?.map((o) => ({ id: o.id, label: o.label['zh-CN'], labelEn: o.label.en })) ?? null,
      matters: vote.matters?.map(matterView) ?? null,
      ruleSet: vote.ruleSet,
      matterKinds: vote.matterKinds as VoteSummaryDto['matterKinds'],
      secrecy: vote.secrecy,
      allowChange: vote.allowChange,
      status: vote.status,
      opensAt: vote.opensAt.toISOString(),
      closesAt: vote.closesAt.toISOString(),
      announcedAt: vote.createdAt.toISOString(),
      noticeEndsAt: vote.noticeEndsAt.toISOString(),
      turnoutPublic: vote.turnoutPublic,
      proxyCap: vote.proxyCap,
      objectionDays: vote.objectionDays,
      objectionUntil: vote.closedAt ? objectionEndsAt(vote.closedAt, vote.objectionDays).toISOString() : null,
      passed: result ? result.tally.passed : null,
      closingHash: vote.resultJson ? vote.chainHead : null,
    };
  }
}

export function notFound(voteId: string): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such vote, or it is not open to you.', { voteId });
}
