import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Grant } from '@yishi/domain';
import { grantsReaching } from '@yishi/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { AppSecret } from '../../config/app-secret';
import { APP_SECRET } from '../../config/app-secret';
import type { TxQuery } from '../../database/pooled';
import { PermissionsService } from '../../permissions/permissions.service';
import type { Upload } from '../../storage/stored-files.service';
import { StoredFilesService } from '../../storage/stored-files.service';
import type { PaperDisputeField } from '../entities/ballot-paper.entity';
import type { Vote } from '../entities/vote.entity';
import { storedFile } from '../../storage/storage-store';
import type { ProxyMark } from './ballot-choices';
import type { BallotContent } from './ballot-choices';
import { proxyAgentId, readContent, sameContent, sameProxy } from './ballot-choices';
import { castNamed, castSecret, isMarked, lockVoter, namedBallotOf, txQuery } from './ballot-store';
import type { PaperEntryFieldsDto, PaperEntryResultDto, ResolvePaperDto } from './dto/paper.dto';
import { PaperDesk, requireTakingBallots } from './paper-desk';
import type { PaperRow } from './paper-store';
import { attachScan, MAX_SERIAL, paperScanId, recordConfirmed, recordDispute, recordFirstReading, settleConfirmed, settleSpoilt } from './paper-store';
import { proxyOfVote } from './proxy-store';
import { conflict, invalid, forbidden } from '../../common/refusals';

/**
 * Paper ballots (纸质选票), the entry desk: each returned paper is entered twice — by one staff
 * member with the scan, and independently by a second who does not see the first reading. Two
 * equal readings cast the ballot on the channel `paper` in the same transaction (superseding the
 * voter's online ballot); two different ones go to the dispute list, which a third person or the
 * convenor settles with a note.
 */
@Injectable()
export class PaperEntryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly desk: PaperDesk,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly files: StoredFilesService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /**
   * One reading of a paper. The first (with the scan) waits for a second, different person; the
   * second is compared with it without being shown it: equal readings cast the ballot, different
   * ones go to the dispute list.
   */
  async enter(actor: Actor, voteId: string, serial: number, input: PaperEntryFieldsDto, upload: Upload | undefined): Promise<PaperEntryResultDto> {
    return this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const { vote, row } = await this.desk.forWrite(actor, voteId, m);
      requireTakingBallots(vote);
      const paper = await this.desk.lockPaper(q, voteId, serial);
      if (input.code && input.code.toUpperCase() !== this.desk.codeOf(voteId, serial, paper.voter_id)) {
        throw invalid('code', 'mismatch', `The code does not belong to paper No. ${serial}: check the serial number on the paper.`);
      }
      const choice = readContent(row, input, 'paper');
      const proxy = input.proxyId ? await this.proxyOnPaper(q, vote, paper.voter_id, input.proxyId) : null;
      switch (paper.status) {
        case 'void':
          throw conflict('paper_void', `Paper No. ${serial} was voided and does not count.`);
        case 'confirmed':
          throw conflict('paper_settled', `Paper No. ${serial} has been entered twice and counted.`);
        case 'disputed':
          throw conflict('disputed', `Paper No. ${serial} is on the dispute list: a third person or the convenor settles it.`);
        case 'issued':
        case 'returned':
          return this.firstReading(m, actor, vote, paper, choice, proxy, upload);
        case 'entered':
          return this.secondReading(m, actor, vote, paper, choice, proxy, upload);
      }
    });
  }

  private async firstReading(m: EntityManager, actor: Actor, vote: Vote, paper: PaperRow, choice: BallotContent, proxy: ProxyMark | null, upload: Upload | undefined): Promise<PaperEntryResultDto> {
    const q = txQuery(m);
    const { serial } = paper;
    let returnedAt = paper.returned_at;
    if (!returnedAt) {
      // A paper handed in at the desk while voting is open is returned now; after close it came too late.
      if (vote.status !== 'open' || Date.now() >= vote.closesAt.getTime()) {
        throw conflict('not_returned_in_time', `Paper No. ${serial} was not marked returned before voting closed: it does not count.`);
      }
      returnedAt = new Date();
    }
    if (vote.secrecy === 'secret' && (await isMarked(q, vote.id, paper.voter_id))) {
      throw conflict('already_voted', 'A secret ballot, once cast, is final: this voter has already voted, so the paper is refused. Void it.');
    }
    if (!upload) throw invalid('file', 'isNotEmpty', 'The first entry keeps the scan of the paper (multipart field "file").');
    const file = await this.files.save(m, actor, upload, 'document');
    await recordFirstReading(q, { voteId: vote.id, serial, returnedAt, choice, by: actor.id, proxy, scanFileId: file.id });
    // The reading itself is not in the trail until the second entry: the second enterer may read the trail.
    await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.enter', entityType: 'vote', entityId: vote.id, after: { serial, reading: 1, ...(vote.secrecy === 'named' ? { scanFileId: file.id } : {}) } });
    return { serial, status: 'entered', receipt: null, supersededReceipt: null };
  }

  private async secondReading(m: EntityManager, actor: Actor, vote: Vote, paper: PaperRow, choice: BallotContent, proxy: ProxyMark | null, upload: Upload | undefined): Promise<PaperEntryResultDto> {
    const q = txQuery(m);
    const { serial } = paper;
    if (paper.entered_by === actor.id) throw conflict('same_person', 'The second entry is made by another staff member, independently.');
    const agree = sameContent(paper.entered_choice!, choice) && sameProxy(paper.proxy, proxy);
    if (!paper.scan_file_id && upload) {
      const file = await this.files.save(m, actor, upload, 'document');
      await attachScan(q, vote.id, serial, file.id);
    }
    if (!agree) {
      const differs: PaperDisputeField[] = [...(sameContent(paper.entered_choice!, choice) ? [] : ['choice' as const]), ...(sameProxy(paper.proxy, proxy) ? [] : ['proxy' as const])];
      await recordDispute(q, vote.id, serial, choice, actor.id, differs);
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: 'paper.dispute',
        entityType: 'vote',
        entityId: vote.id,
        after: { serial, differs, ...(vote.secrecy === 'named' ? { first: paper.entered_choice, second: choice, firstProxy: paper.proxy, secondProxy: proxy } : {}) },
      });
      return { serial, status: 'disputed', receipt: null, supersededReceipt: null };
    }
    const cast = await this.castPaper(q, vote, paper, choice, proxy, actor);
    await recordConfirmed(q, vote.id, serial, choice, actor.id);
    await this.desk.forgetChoices(q, vote, serial);
    await this.audit.record(m, {
      actor,
      nodeId: vote.unitId,
      action: 'paper.confirm',
      entityType: 'vote',
      entityId: vote.id,
      after: { serial, reading: 2, ...(vote.secrecy === 'named' ? { choice, proxy, receipt: cast.receipt, supersededReceipt: cast.supersededReceipt } : {}) },
    });
    return { serial, status: 'confirmed', ...cast };
  }

  /** Settles a disputed paper: a third person (neither enterer) or a convenor of the unit decides what it says, with a note. */
  async resolve(actor: Actor, voteId: string, serial: number, input: ResolvePaperDto): Promise<PaperEntryResultDto> {
    return this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const { vote, row } = await this.desk.forWrite(actor, voteId, m);
      requireTakingBallots(vote);
      const paper = await this.desk.lockPaper(q, voteId, serial);
      if (paper.status !== 'disputed') throw conflict('not_disputed', `Paper No. ${serial} is ${paper.status}, not on the dispute list.`, { status: paper.status });
      if ((actor.id === paper.entered_by || actor.id === paper.confirmed_by) && !(await this.isConvenor(m, actor, vote.unitId))) {
        throw forbidden('third_person_required', 'A dispute is settled by a third person, or by the convenor.');
      }
      const readings = vote.secrecy === 'named' ? { first: paper.entered_choice, second: paper.confirmed_choice } : {};
      if (input.choice === 'spoilt') {
        await settleSpoilt(q, voteId, serial, input.note, actor.id);
        await this.desk.forgetChoices(q, vote, serial);
        await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'paper.resolve', entityType: 'vote', entityId: voteId, after: { serial, outcome: 'spoilt', note: input.note, ...readings } });
        return { serial, status: 'void', receipt: null, supersededReceipt: null };
      }
      const choice = readContent(row, { choice: input.choice ?? undefined, marks: input.marks }, 'paper');
      const proxy = input.proxyId ? await this.proxyOnPaper(q, vote, paper.voter_id, input.proxyId) : null;
      const cast = await this.castPaper(q, vote, paper, choice, proxy, actor);
      await settleConfirmed(q, voteId, serial, input.note, actor.id);
      await this.desk.forgetChoices(q, vote, serial);
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

  async sendScan(actor: Actor, voteId: string, serial: number, res: FastifyReply): Promise<void> {
    await this.desk.managed(actor, voteId);
    const m = this.dataSource.manager;
    const scanFileId = serial >= 1 && serial <= MAX_SERIAL ? await paperScanId(txQuery(m), voteId, serial) : null;
    if (!scanFileId) throw new DomainError('NOT_FOUND', `Paper No. ${serial} has no scan.`, { serial });
    await this.files.send(res, await storedFile(m, scanFileId));
  }

  /**
   * Casts the paper's ballot, as an online cast does (same locks, same writes): named — the
   * voter's counted ballot becomes this paper (naming the online ballot it superseded; online
   * casting is then refused for them); secret — refused if the voter is already marked, else the
   * roll marked and the choice put in the box's intake. The ballot's time is when the paper came back.
   */
  private async castPaper(q: TxQuery, vote: Vote, paper: PaperRow, choice: BallotContent, proxy: ProxyMark | null, actor: Actor): Promise<{ receipt: string | null; supersededReceipt: string | null }> {
    await lockVoter(q, vote.id, paper.voter_id);
    const at = paper.returned_at!.toISOString();
    const cast = { voteId: vote.id, voterId: paper.voter_id, choice, channel: 'paper' as const, proxy, at };
    if (vote.secrecy === 'secret') {
      await castSecret(q, cast);
      return { receipt: null, supersededReceipt: null };
    }
    const existing = await namedBallotOf(q, vote.id, paper.voter_id);
    if (existing?.channel === 'paper') throw conflict('paper_settled', 'A paper ballot has already been counted for this voter.');
    const supersededReceipt = existing ? existing.receipt : null;
    const receipt = await castNamed(q, { ...cast, castBy: actor.id, supersededReceipt });
    return { receipt, supersededReceipt };
  }

  /** The proxy a paper was signed under: a recorded authorisation of this voter (accepted or not: the count decides). */
  private async proxyOnPaper(q: TxQuery, vote: Vote, voterId: string, proxyId: string): Promise<ProxyMark> {
    const p = await proxyOfVote(q, vote.id, proxyId);
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
}
