import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPublicToken, publicResultPath } from '@yishi/contracts';
import type { ResultFile, VoteFile } from '@yishi/domain';
import { objectionEndsAt, RULE_SETS, tallySummaryOf } from '@yishi/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RateLimitService } from '../../auth/rate-limit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { currentRequest } from '../../common/request-context';
import type { PublicResultDto, VotePublicLinkDto } from './dto/public-result.dto';
import type { Vote } from '../entities/vote.entity';
import { txQuery } from '../ballots/ballot-store';
import { findVoteByPublicToken, lockVote, updateVote } from '../lifecycle/vote-store';
import { placeOf } from '../../organizations/organization-store';
import type { VoteBoardDto } from './dto/results.dto';
import type { RecountKitFile } from './results.service';
import { safeguardsOf } from '../lifecycle/vote-rules';
import { ResultsService } from './results.service';
import { notFound, VotesService } from '../lifecycle/votes.service';
import { conflict } from '../../common/refusals';
import { assemblyResultOf } from '../assembly/assembly-result';
import { matterView } from '../assembly/assembly-views';


/**
 * Every request to a public page counts against its address: generous for a community hall's
 * Wi-Fi full of residents scanning the notice (a page view is one or two requests), tight enough
 * that nobody downloads kits in a loop.
 */
const READS = { max: 300, windowSeconds: 10 * 60 };
/** Addresses that keep asking for keys that do not exist are stopped for a while. */
const MISSES = { max: 20, windowSeconds: 15 * 60 };

function noSuchResult(): DomainError {
  return new DomainError('NOT_FOUND', 'There is no published result at this address.');
}

/**
 * The public, unlisted page of a published result (/r/<key>): read by anyone who holds the key,
 * with no account — a resident without the app, a journalist — to check what the notice board
 * says. The key is made when the provisional result is published (SealingService.tally); the
 * bulletin board of receipts joins the page only once a convenor of the unit publishes it, and
 * then stays (as a notice once posted stays posted; the kit, public with the result, holds the
 * same receipts anyway).
 */
@Injectable()
export class PublicResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VotesService,
    private readonly results: ResultsService,
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
  ) {}

  async result(token: string): Promise<PublicResultDto> {
    const vote = await this.published(token);
    const file = JSON.parse(vote.resultJson!) as ResultFile;
    const voteFile = JSON.parse(vote.voteJson!) as VoteFile;
    const place = await placeOf(txQuery(this.dataSource.manager), vote.unitId);
    const rule = RULE_SETS[vote.ruleSet];
    const assembly = vote.matters ? assemblyResultOf(vote.resultJson!, vote.matters) : null;
    return {
      token: vote.publicToken!,
      path: publicResultPath(vote.publicToken!),
      unitName: place?.unit ?? '',
      communityName: place?.community ?? null,
      title: { 'zh-CN': vote.title, en: vote.titleEn ?? vote.title },
      question: { 'zh-CN': vote.question, en: vote.questionEn ?? vote.question },
      questionKind: vote.questionKind,
      options: vote.options,
      matters: vote.matters?.map(matterView) ?? null,
      ruleSet: vote.ruleSet,
      rule: { body: rule.body, statute: rule.statute },
      secrecy: vote.secrecy,
      announcedAt: vote.createdAt.toISOString(),
      opensAt: voteFile.opensAt,
      closesAt: voteFile.closesAt,
      stage: vote.status === 'final' ? 'final' : 'provisional',
      publishedAt: vote.closedAt!.toISOString(),
      finalAt: vote.finalAt?.toISOString() ?? null,
      objectionDays: vote.objectionDays,
      objectionUntil: objectionEndsAt(vote.closedAt!, vote.objectionDays).toISOString(),
      earlyOpening: vote.earlyReason && vote.openedAt ? { reason: vote.earlyReason, openedAt: vote.openedAt.toISOString() } : null,
      safeguards: safeguardsOf(vote),
      closingHash: vote.chainHead!,
      electorateSha256: voteFile.electorateSha256,
      chains: file.chains,
      tally: assembly ? null : tallySummaryOf(file.tally),
      explanation: assembly ? null : file.explanation,
      assembly,
      kitFileName: `yishi-vote-${vote.id}.zip`,
      boardPublishedAt: vote.boardPublishedAt?.toISOString() ?? null,
    };
  }

  /** The board of receipts, once a convenor has published it; until then, as if it did not exist. */
  async board(token: string): Promise<VoteBoardDto> {
    const vote = await this.published(token);
    if (!vote.boardPublishedAt) {
      throw new DomainError('NOT_FOUND', 'The bulletin board of this vote is shown to the residents of its unit only.', { reason: 'board_not_published' });
    }
    return this.results.boardOf(vote);
  }

  /** The recount kit: the very bytes the signed-in kit route serves. */
  async kit(token: string): Promise<RecountKitFile> {
    return this.results.kitOf(await this.published(token));
  }

  /** Where the result's public page is, for those who may see the vote (404 before it is counted: there is none yet). */
  async link(actor: Actor, voteId: string): Promise<VotePublicLinkDto> {
    const { vote, canManage } = await this.votes.visible(actor, voteId);
    if (!vote.publicToken) throw conflict('not_counted', 'The vote has not been counted yet.', { status: vote.status });
    return { token: vote.publicToken, path: publicResultPath(vote.publicToken), boardPublishedAt: vote.boardPublishedAt?.toISOString() ?? null, canPublishBoard: canManage };
  }

  /**
   * Puts the board of receipts on the public page (convenors and staff of the unit), audited.
   * Publishing twice changes nothing; there is no unpublishing (see the class comment).
   */
  async publishBoard(actor: Actor, voteId: string): Promise<VotePublicLinkDto> {
    await this.dataSource.transaction(async (m) => {
      // Lock the row first, so two convenors publishing at once record one publication.
      const locked = await lockVote(m, voteId);
      if (!locked) throw notFound(voteId);
      const { vote, canManage } = await this.votes.visible(actor, voteId, m);
      if (!canManage) throw new DomainError('FORBIDDEN', 'Only the convenors and staff of the unit publish the bulletin board.');
      if (!vote.publicToken) throw conflict('not_counted', 'The board is published with the result: the vote has not been counted yet.', { status: vote.status });
      if (vote.boardPublishedAt) return;
      const at = new Date();
      await updateVote(m, voteId, { boardPublishedAt: at, boardPublishedBy: actor.id });
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: 'vote.board_publish',
        entityType: 'vote',
        entityId: voteId,
        before: { boardPublishedAt: null },
        after: { boardPublishedAt: at.toISOString(), publicPath: publicResultPath(vote.publicToken) },
      });
    });
    return this.link(actor, voteId);
  }

  /** The published vote behind a key; a key that is malformed, unknown or not yet published answers 404 and counts as a miss. */
  private async published(token: string): Promise<Vote> {
    const address = currentRequest().ip ?? 'unknown';
    await this.limits.hit({ key: `public-result:ip:${address}`, ...READS });
    const misses = { key: `public-result-miss:ip:${address}`, ...MISSES };
    await this.limits.check(misses);
    const vote = isPublicToken(token) ? await findVoteByPublicToken(this.dataSource.manager, token) : null;
    if (!vote?.resultJson || (vote.status !== 'closed' && vote.status !== 'final')) {
      await this.limits.hit(misses);
      throw noSuchResult();
    }
    return vote;
  }
}
