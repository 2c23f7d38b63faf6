import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ResultFile } from '@yishi/domain';
import { objectionEndsAt, objectionWindowOpen } from '@yishi/domain';
import { zipSync, strToU8 } from 'fflate';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { NotificationsService } from '../../notifications/notifications.service';
import type { VoteBoardDto, VoteObjectionDto, VoteResultDto, VoteTurnoutDto } from './dto/results.dto';
import type { Vote } from '../entities/vote.entity';
import { sealedLines } from '../sealing/seal-store';
import { SealingService } from '../sealing/sealing.service';
import { answerObjection, boardCasts, insertObjection, lockObjection, objectionsOf } from './result-store';
import { PermissionsService } from '../../permissions/permissions.service';
import { safeguardsOf } from '../lifecycle/vote-rules';
import { VotesService } from '../lifecycle/votes.service';
import { conflict, forbidden } from '../../common/refusals';
import { assemblyResultOf } from '../assembly/assembly-result';
import { withBox, withElectorate } from '../lifecycle/vote-store';


export interface RecountKitFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * What a vote publishes: live turnout while it runs, the bulletin board of receipts, the result
 * with every figure and its explanation, the recount kit, and the objections with their answers.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VotesService,
    private readonly sealing: SealingService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly permissions: PermissionsService,
  ) {}

  async turnout(actor: Actor, voteId: string): Promise<VoteTurnoutDto> {
    const { vote, canManage } = await this.votes.visible(actor, voteId);
    if (!canManage && !vote.turnoutPublic) throw forbidden('turnout_private', 'The convenor has not made turnout public for this vote.');
    if (vote.status === 'scheduled' || vote.status === 'cancelled') throw conflict('not_open', 'The vote has not opened.');
    const result = await this.sealing.turnout(vote);
    return { status: vote.status, conditions: result.conditions.filter((c) => c.role === 'quorum' || c.id.startsWith('turnout')), figures: result.figures };
  }

  /** Every receipt: named votes as sealed in the chain (superseded casts marked), secret votes the box after close. */
  async board(actor: Actor, voteId: string): Promise<VoteBoardDto> {
    const { vote } = await this.votes.visible(actor, voteId);
    return this.boardOf(vote);
  }

  /** The board of a vote the caller may see (signed in to its unit, or on its public page once published). */
  async boardOf(vote: Vote): Promise<VoteBoardDto> {
    if (vote.secrecy === 'secret') {
      const { boxJsonl } = await withBox(this.dataSource.manager, vote);
      const box = boxJsonl
        ? boxJsonl
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as { ballot: string; seq: number })
        : [];
      return { chainHead: vote.chainHead, chainLength: vote.chainLength, entries: box.map((b) => ({ seq: b.seq, receipt: b.ballot, channel: null, at: null, superseded: false })) };
    }
    const rows = await boardCasts(this.dataSource.manager, vote.id);
    const last = new Map<string, number>();
    for (const r of rows) last.set(r.voter, r.seq);
    return {
      chainHead: vote.chainHead,
      chainLength: vote.chainLength,
      entries: rows.map((r) => ({ seq: r.seq, receipt: r.receipt, channel: r.channel, at: r.at, superseded: last.get(r.voter) !== r.seq })),
    };
  }

  async result(actor: Actor, voteId: string): Promise<VoteResultDto> {
    const { vote } = await this.votes.visible(actor, voteId);
    const published = this.requireResult(vote);
    // Who may object is what POST /votes/:id/objections declares: the electorate, or a supervising role.
    const canObject = (await this.permissions.can(actor, 'result.object', { nodeId: vote.unitId })) || (await this.permissions.standsInVote(actor, 'voter', vote.id));
    return {
      vote: await this.votes.summary(vote),
      result: vote.matters ? null : (JSON.parse(published) as ResultFile),
      assembly: vote.matters ? assemblyResultOf(published, vote.matters) : null,
      objectionUntil: objectionEndsAt(vote.closedAt!, vote.objectionDays).toISOString(),
      canObject,
      safeguards: safeguardsOf(vote),
    };
  }

  /** The recount kit as a zip: vote.json, electorate.json, the chain(s) and result.json. */
  async kit(actor: Actor, voteId: string): Promise<RecountKitFile> {
    const { vote } = await this.votes.visible(actor, voteId);
    return this.kitOf(vote);
  }

  /** The same bytes for whoever downloads them: a signed-in resident, or anyone from the public page. */
  async kitOf(vote: Vote): Promise<RecountKitFile> {
    const result = this.requireResult(vote);
    const lines = await sealedLines(this.dataSource.manager, vote.id);
    const chain = lines.map((line) => `${line}\n`).join('');
    const files: Record<string, Uint8Array> = {
      'vote.json': strToU8(vote.voteJson!),
      'electorate.json': strToU8((await withElectorate(this.dataSource.manager, vote)).electorateJson!),
      'result.json': strToU8(result),
      ...(vote.secrecy === 'named' ? { 'ballots.jsonl': strToU8(chain) } : { 'roll.jsonl': strToU8(chain), 'box.jsonl': strToU8((await withBox(this.dataSource.manager, vote)).boxJsonl ?? '') }),
    };
    const folder = `yishi-vote-${vote.id}`;
    // Dated when the result was published, not when downloaded: the same kit is the same bytes
    // for everyone, whenever they fetch it, so two people can compare it by its hash.
    const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`${folder}/${name}`, bytes])), { mtime: vote.closedAt! });
    return { fileName: `${folder}.zip`, bytes: zipped };
  }

  private requireResult(vote: Vote): string {
    if (!vote.resultJson) throw conflict('not_counted', 'The vote has not been counted yet.', { status: vote.status });
    return vote.resultJson;
  }

  /**
   * An objection to the provisional result. Who may object the route declares (result.object, or
   * a voter of the vote): its electorate and the supervisory roles over its unit; not a tenant on
   * an owners' vote, not a proxy agent as such (a proxy is for casting), nobody of another unit.
   */
  async object(actor: Actor, voteId: string, body: string): Promise<{ id: string }> {
    return this.dataSource.transaction(async (m) => {
      const { vote } = await this.votes.visible(actor, voteId, m);
      if (vote.status !== 'closed') throw conflict('not_on_notice', 'Objections are taken while the provisional result is on notice.');
      if (!objectionWindowOpen(vote.closedAt!, vote.objectionDays, new Date())) throw conflict('objection_window_over', 'The objection period has ended.');
      const saved = await insertObjection(m, voteId, actor.id, body);
      return { id: saved.id };
    });
  }

  async objections(actor: Actor, voteId: string): Promise<VoteObjectionDto[]> {
    await this.votes.visible(actor, voteId);
    const rows = await objectionsOf(this.dataSource.manager, voteId);
    return rows.map((o) => ({ id: o.id, body: o.body, createdAt: o.createdAt.toISOString(), answer: o.answer, answeredAt: o.answeredAt?.toISOString() ?? null, mine: o.userId === actor.id }));
  }

  async answer(actor: Actor, objectionId: string, answer: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const objection = await lockObjection(m, objectionId);
      if (!objection) throw new DomainError('NOT_FOUND', 'There is no such objection.', { objectionId });
      const { vote } = await this.votes.visible(actor, objection.voteId, m);
      if (objection.answer) throw conflict('answered', 'This objection has been answered.');
      await answerObjection(m, objectionId, answer, actor.id);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'vote.objection_answer', entityType: 'vote_objection', entityId: objectionId, after: { voteId: vote.id, answer } });
      await this.notifications.notify(m, [objection.userId], 'vote_result', { voteId: vote.id, title: vote.title, objectionAnswered: true }, `/votes/${vote.id}/result`);
    });
  }
}
