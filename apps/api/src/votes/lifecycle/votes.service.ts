import type { OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SafeguardsFile, VoteFile } from '@yishi/domain';
import {
  checkMatters,
  checkSchedule,
  electorateSha256,
  FormatError,
  prettyJson,
  readElectorateFile,
  RECOUNT_FORMAT,
  RECOUNT_FORMAT_VERSION,
  RULE_SETS,
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
import { PermissionsService } from '../../permissions/permissions.service';
import type { CreateVoteDto, MyVoterDto, VoteDetailDto, VoteSummaryDto } from './dto/vote.dto';
import { snapshotElectorate } from './electorate-snapshot';
import { Ballot } from '../entities/ballot.entity';
import { VoteVoter } from '../entities/vote-voter.entity';
import { Vote } from '../entities/vote.entity';
import { assertReasonOfSubstance, ShorteningsService } from './shortenings.service';

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

function conflict(reason: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('CONFLICT', message, { reason, ...extra });
}

function invalid(field: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { fields: [{ field, reasons: ['invalid'], message }], ...extra });
}

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
      const [unit] = await m.query<{ kind: string }[]>(`SELECT kind FROM org_node WHERE id = $1`, [unitId]);
      if (unit?.kind !== 'cooperative' && unit?.kind !== 'compound') throw invalid('unitId', 'A vote is held by the body of a cooperative or a compound.');
      const needs = RULE_SETS[input.ruleSet].electorate;
      if ((needs === 'compound' && unit.kind !== 'compound') || (needs === 'persons' && unit.kind !== 'cooperative')) {
        throw invalid('ruleSet', `The rule set ${input.ruleSet} is for ${needs === 'compound' ? 'owners of a compound' : 'members of a cooperative or village'}.`);
      }
      const secrecy = input.secrecy ?? 'named';
      if (secrecy === 'secret' && RULE_SETS[input.ruleSet].weightedByArea) {
        throw invalid('secrecy', 'Owners vote by name: weighing ballots by floor area needs to know whose ballot it is (Civil Code art. 278).');
      }
      if (input.options && input.ruleSet !== 'simple-majority') throw invalid('options', 'Only an informal poll (simple-majority) offers several options; a rule set decides a motion.');
      if (input.ruleSet === 'lml-63' && !input.lml63) throw invalid('lml63', 'An lml-63 vote says which body consents and whether the RCEO Law applies.');
      // Only lml-63 has these parameters; recorded on another rule set, vote.json would say what the recount format forbids.
      if (input.ruleSet !== 'lml-63' && input.lml63) throw invalid('lml63', 'Only an lml-63 vote (commercial construction land) takes these parameters.');
      const refusal = checkMatters(input.ruleSet, input.matterKinds, input.lml63 ?? undefined);
      if (refusal) {
        throw new DomainError('VALIDATION_FAILED', refusal.matters.map((x) => x.reason.en).join(' '), {
          fields: [{ field: 'matterKinds', reasons: ['mayNotDecide'], message: refusal.matters.map((x) => x.reason['zh-CN']).join(' ') }],
          refusal,
        });
      }
      const opensAt = new Date(input.opensAt);
      const closesAt = new Date(input.closesAt);
      if (closesAt <= opensAt) throw invalid('closesAt', 'Voting must close after it opens.');
      if (closesAt.getTime() <= Date.now()) throw invalid('closesAt', 'Voting must close in the future.');
      const clock = checkSchedule(input.ruleSet, { announcedAt: now, opensAt: opensAt < now ? now : opensAt, closesAt });
      const shortened = clock.shortensNotice || clock.shortensWindow;
      if (shortened && !input.shorteningReason) {
        const fields = [
          ...(clock.shortensNotice
            ? [{ field: 'opensAt', reasons: ['needsApproval'], message: `The ${RULE_SETS[input.ruleSet].noticeDays}-day notice runs until ${clock.noticeEndsAt.toISOString()}: opening earlier needs a reason and a supervisor's approval.` }]
            : []),
          ...(clock.shortensWindow
            ? [{ field: 'closesAt', reasons: ['needsApproval'], message: `Voting under ${input.ruleSet} lasts at least ${clock.minVotingHours} hours: a shorter window needs a reason and a supervisor's approval.` }]
            : []),
        ];
        throw new DomainError('VALIDATION_FAILED', fields.map((f) => f.message).join(' '), { fields, noticeEndsAt: clock.noticeEndsAt.toISOString(), minVotingHours: clock.minVotingHours });
      }
      if (shortened) assertReasonOfSubstance('shorteningReason', input.shorteningReason!);
      if (input.consultationId) {
        const [scope] = await m.query<{ owner_node_id: string }[]>(
          `SELECT c.owner_node_id FROM consultation c JOIN consultation_unit u ON u.consultation_id = c.id WHERE c.id = $1 AND u.unit_id = $2`,
          [input.consultationId, unitId],
        );
        if (!scope) throw invalid('consultationId', 'The vote can only decide a consultation that concerns this unit.');
      }
      const vote = await m.getRepository(Vote).save({
        unitId,
        consultationId: input.consultationId ?? null,
        title: input.title,
        titleEn: input.titleEn ?? null,
        question: input.question,
        questionEn: input.questionEn ?? null,
        questionKind: input.options ? 'options' : 'motion',
        options: input.options?.map((o) => ({ id: o.id, label: { 'zh-CN': o.label, en: o.labelEn ?? o.label } })) ?? null,
        ruleSet: input.ruleSet,
        matterKinds: input.matterKinds,
        lml63: input.lml63 ?? null,
        secrecy,
        allowChange: input.allowChange ?? true,
        opensAt,
        closesAt,
        status: 'scheduled',
        turnoutPublic: input.turnoutPublic ?? false,
        proxyCap: input.proxyCap ?? 1,
        objectionDays: input.objectionDays ?? 7,
        createdBy: actor.id,
        createdAt: now,
        noticeEndsAt: clock.noticeEndsAt,
        minVotingHours: RULE_SETS[input.ruleSet].minVotingHours,
      });
      if (input.options && new Set(input.options.map((o) => o.id)).size !== input.options.length) throw invalid('options', 'Option ids must be unique.');
      await this.audit.record(m, {
        actor,
        nodeId: unitId,
        action: 'vote.create',
        entityType: 'vote',
        entityId: vote.id,
        after: { title: vote.title, ruleSet: vote.ruleSet, matterKinds: vote.matterKinds, secrecy, opensAt: input.opensAt, closesAt: input.closesAt, announcedAt: now.toISOString(), noticeEndsAt: clock.noticeEndsAt.toISOString() },
      });
      if (shortened) await this.shortenings.request(actor, vote, { reason: input.shorteningReason!, opensAt: input.opensAt }, m, now);
      return vote.id;
    });
    return this.detail(actor, id);
  }

  /**
   * Opens the vote now: freezes the electorate and fixes vote.json, with the legal clock it opened
   * under. Before the notice has run, or when less than the shortest window is left, only under an
   * approved shortening whose opening time has come (a trigger checks it too). The job calls it
   * without an actor once the time has come.
   */
  async open(actor: Actor | null, voteId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const vote = await m.getRepository(Vote).findOne({ where: { id: voteId }, lock: { mode: 'pessimistic_write' } });
      if (!vote) throw notFound(voteId);
      if (vote.status !== 'scheduled') throw conflict('not_scheduled', `The vote is ${vote.status}, not waiting to open.`);
      const now = new Date();
      if (now >= vote.closesAt) throw conflict('past_close', 'The voting period has already ended; cancel this vote and announce a new one.');
      const opensAt = now > vote.opensAt ? now : vote.opensAt;
      const early = now < vote.noticeEndsAt;
      const short = vote.closesAt.getTime() - opensAt.getTime() < vote.minVotingHours * HOUR_MS;
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
      const [unit] = await m.query<{ name: string }[]>(`SELECT name FROM org_node WHERE id = $1`, [vote.unitId]);
      const safeguards: SafeguardsFile = {
        announcedAt: vote.createdAt.toISOString(),
        noticeEndsAt: vote.noticeEndsAt.toISOString(),
        minVotingHours: vote.minVotingHours,
        shortening: shortening ? this.shortenings.fileOf(shortening) : null,
      };
      const voteFile: VoteFile = {
        format: RECOUNT_FORMAT,
        formatVersion: RECOUNT_FORMAT_VERSION,
        voteId: vote.id,
        title: { 'zh-CN': `${unit!.name} · ${vote.title}`, en: `${unit!.name} · ${vote.titleEn ?? vote.title}` },
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
      for (let i = 0; i < snapshot.voters.length; i += 1000) {
        await m.getRepository(VoteVoter).insert(snapshot.voters.slice(i, i + 1000).map((v) => ({ ...v, voteId: vote.id })));
      }
      await m.getRepository(Vote).update(
        { id: vote.id },
        {
          status: 'open',
          openedAt: now,
          opensAt,
          earlyReason: shortening?.reason ?? null,
          shorteningId: shortening?.id ?? null,
          voteJson: prettyJson(voteFile),
          electorateJson: prettyJson(electorateFile),
        },
      );
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

  /** The job: open scheduled votes whose opening time has come and whose notice has run. */
  async openDue(now = new Date()): Promise<number> {
    const due = await this.dataSource.query<{ id: string }[]>(`SELECT id, rule_set, created_at FROM vote WHERE status = 'scheduled' AND opens_at <= $1 AND closes_at > $1`, [now]);
    let opened = 0;
    for (const row of due) {
      try {
        await this.open(null, row.id);
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
      const vote = await m.getRepository(Vote).findOne({ where: { id: voteId }, lock: { mode: 'pessimistic_write' } });
      if (!vote) throw notFound(voteId);
      if (vote.status !== 'scheduled' && vote.status !== 'open') throw conflict('not_cancellable', `A ${vote.status} vote cannot be cancelled.`);
      await m.getRepository(Vote).update({ id: voteId }, { status: 'cancelled', cancelledReason: reason });
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'vote.cancel', entityType: 'vote', entityId: voteId, before: { status: vote.status }, after: { status: 'cancelled', reason } });
    });
  }

  /**
   * The vote, and whether the actor runs it (for what a response shows them). Who may reach it at
   * all the route declares and the access guard decides: readers of its unit, its voters, the
   * agents of its proxies where the route allows them.
   */
  async visible(actor: Actor, voteId: string, m: EntityManager = this.dataSource.manager): Promise<{ vote: Vote; canManage: boolean }> {
    const vote = await m.getRepository(Vote).findOneBy({ id: voteId });
    if (!vote) throw notFound(voteId);
    return { vote, canManage: await this.permissions.can(actor, 'consultation.manage', { nodeId: vote.unitId }, m) };
  }

  async listForUnit(_actor: Actor, unitId: string): Promise<VoteSummaryDto[]> {
    const votes = await this.dataSource.getRepository(Vote).find({ where: { unitId }, order: { createdAt: 'DESC' } });
    return Promise.all(votes.map((v) => this.summary(v)));
  }

  async detail(actor: Actor, voteId: string): Promise<VoteDetailDto> {
    const { vote, canManage } = await this.visible(actor, voteId);
    const body = RULE_SETS[vote.ruleSet].body;
    const supervises = await this.shortenings.maySupervise(actor, vote);
    const shortening = await this.shortenings.latestOf(vote.id, !canManage && !supervises);
    const canDecideShortening = supervises && vote.status === 'scheduled' && shortening?.status === 'pending' && !(await this.shortenings.requestedBy(shortening.id, actor.id));
    return {
      ...(await this.summary(vote)),
      bodyZh: body['zh-CN'],
      bodyEn: body.en,
      myVoters: await this.myVoters(actor, vote),
      canManage,
      noticeDays: RULE_SETS[vote.ruleSet].noticeDays,
      minVotingHours: vote.minVotingHours,
      shortening,
      canDecideShortening,
    };
  }

  /** The voters the actor may cast for: their own roll entries, and principals of their accepted proxies. */
  async myVoters(actor: Actor, vote: Vote, m: EntityManager = this.dataSource.manager): Promise<MyVoterDto[]> {
    if (vote.status === 'scheduled' || vote.status === 'cancelled') return [];
    const rows = await m.query<{ voter_id: string; name: string; unit_labels: string[]; as: 'self' | 'proxy' }[]>(
      `SELECT v.voter_id, v.name, v.unit_labels, 'self' AS as
         FROM vote_voter v
         LEFT JOIN owner o ON v.person_type = 'owner' AND o.id = v.person_id
         LEFT JOIN member mb ON v.person_type = 'member' AND mb.id = v.person_id
        WHERE v.vote_id = $1 AND coalesce(o.user_id, mb.user_id) = $2
       UNION ALL
       SELECT v.voter_id, v.name, v.unit_labels, 'proxy'
         FROM proxy_authorization p JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.principal_voter_id
        WHERE p.vote_id = $1 AND p.agent_user_id = $2 AND p.status = 'accepted' AND p.revoked_at IS NULL
        ORDER BY 4, 2`,
      [vote.id, actor.id],
    );
    if (rows.length === 0) return [];
    const voterIds = rows.map((r) => r.voter_id);
    const ballots = vote.secrecy === 'named' ? await m.getRepository(Ballot).createQueryBuilder('b').where('b.voteId = :vote AND b.voterId IN (:...ids)', { vote: vote.id, ids: voterIds }).getMany() : [];
    const marks = vote.secrecy === 'secret' ? await m.query<{ voter_id: string; channel: 'online' | 'paper' | 'meeting' }[]>(`SELECT voter_id, channel FROM vote_mark WHERE vote_id = $1 AND voter_id = ANY($2)`, [vote.id, voterIds]) : [];
    const open = vote.status === 'open' && Date.now() >= vote.opensAt.getTime() && Date.now() < vote.closesAt.getTime();
    return rows.map((r) => {
      const ballot = ballots.find((b) => b.voterId === r.voter_id);
      const mark = marks.find((x) => x.voter_id === r.voter_id);
      const voted = !!ballot || !!mark;
      const paper = ballot?.channel === 'paper' || mark?.channel === 'paper';
      return {
        voterId: r.voter_id,
        name: r.name,
        as: r.as,
        unitLabels: r.unit_labels,
        voted,
        choice: ballot ? (typeof ballot.choice === 'string' ? ballot.choice : ballot.choice.option) : null,
        channel: ballot?.channel ?? mark?.channel ?? null,
        receipt: ballot?.receipt ?? null,
        supersededReceipt: ballot?.supersededReceipt ?? null,
        canCast: open && !paper && (vote.secrecy === 'secret' ? !voted : !voted || vote.allowChange),
      };
    });
  }

  async summary(vote: Vote): Promise<VoteSummaryDto> {
    const [unit] = await this.dataSource.query<{ name: string }[]>(`SELECT name FROM org_node WHERE id = $1`, [vote.unitId]);
    const result = vote.resultJson ? (JSON.parse(vote.resultJson) as { tally: { passed: boolean } }) : null;
    return {
      id: vote.id,
      unitId: vote.unitId,
      unitName: unit?.name ?? '',
      consultationId: vote.consultationId,
      title: vote.title,
      question: vote.question,
      questionKind: vote.questionKind,
      options: vote.options?.map((o) => ({ id: o.id, label: o.label['zh-CN'], labelEn: o.label.en })) ?? null,
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
      objectionUntil: vote.closedAt ? new Date(vote.closedAt.getTime() + vote.objectionDays * DAY_MS).toISOString() : null,
      passed: result ? result.tally.passed : null,
      closingHash: vote.resultJson ? vote.chainHead : null,
    };
  }
}

export function notFound(voteId: string): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such vote, or it is not open to you.', { voteId });
}
