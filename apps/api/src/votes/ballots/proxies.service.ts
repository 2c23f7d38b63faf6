import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { proxyRegime, REJECTION_TEXTS } from '@yishi/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { AppSecret } from '../../config/app-secret';
import { APP_SECRET } from '../../config/app-secret';
import type { Upload } from '../../storage/stored-files.service';
import { StoredFilesService } from '../../storage/stored-files.service';
import { electorateVoter, electorateVoterOfAccount, electorateVoterWithAccount, lockVoteForCast, lockVoter, txQuery } from './ballot-store';
import type { ProxyRow } from './proxy-store';
import { insertProxy, liveProxyOf, lockAgent, proxiesHeldBy, proxyList, proxyOfVote, proxyScanId, revokeProxy } from './proxy-store';
import { proxyAgentId } from './ballot-choices';
import type { ProxyDto, ProxyListDto, RecordProxyFieldsDto } from './dto/proxy.dto';
import type { Vote } from '../entities/vote.entity';
import { rejectionsOf } from '../lifecycle/vote-rules';
import { VotesService } from '../lifecycle/votes.service';
import { storedFile } from '../../storage/storage-store';
import { enabledUserByPhone } from '../../users/user-store';
import { conflict, invalid } from '../../common/refusals';
import { withElectorate } from '../lifecycle/vote-store';

/**
 * Why the proxy list of a vote is public, per regime. The law requires publishing proxies for
 * village elections (the list of 委托投票 is posted); for decisions it is silent, and the platform
 * publishes the list to everyone who may read the vote: a proxy decides whose ballot counts, and
 * owners and members can only object to a forged or improper one if they can see it.
 */
function basis(regime: 'written' | 'written-same-household' | 'none'): { zh: string; en: string } {
  switch (regime) {
    case 'written':
      return {
        zh: '业主可以书面委托他人代为表决（从严解释：须有签字的书面委托书）。委托名单向本表决的所有读者公开，便于业主核对、提出异议。',
        en: 'An owner may authorise anyone in writing to vote for them (strict reading: a signed written authorisation). The proxy list is open to every reader of the vote, so owners can check it and object.',
      };
    case 'written-same-household':
      return {
        zh: '成员可以书面委托本户具有完全民事行为能力的家庭成员代为表决（农村集体经济组织法第二十七条），其他委托不予认可、按未到会计。委托名单向本表决的所有读者公开。',
        en: 'A member may authorise in writing a member of their own household with full civil capacity (RCEO Law art. 27); any other proxy is refused and the member counts as absent. The proxy list is open to every reader of the vote.',
      };
    case 'none':
      return {
        zh: '法律未规定此类表决可委托他人，委托一律不予认可（从严解释）。被拒绝的委托也公开列出。',
        en: 'The law provides no proxy for this kind of vote, so none is accepted (strict reading). Refused proxies are listed as well.',
      };
  }
}



/**
 * Proxies (委托): staff record a written authorisation with its scan; it is checked at once
 * against the rule set's proxy regime by the same count the recount runs, and a refused one is
 * kept with the reason. An accepted proxy lets the agent cast for the principal (online when the
 * agent has an account, or on paper); one agent holds at most the vote's cap of them.
 */
@Injectable()
export class ProxiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VotesService,
    private readonly audit: AuditService,
    private readonly files: StoredFilesService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /** The vote (the routes that change proxies are for those who run it: consultation.manage, checked by the access guard). */
  private async managed(actor: Actor, voteId: string, m: EntityManager): Promise<Vote> {
    return (await this.votes.visible(actor, voteId, m)).vote;
  }

  private async forWrite(actor: Actor, voteId: string, m: EntityManager): Promise<Vote> {
    if (!(await lockVoteForCast(txQuery(m), voteId))) throw new DomainError('NOT_FOUND', 'There is no such vote, or it is not open to you.', { voteId });
    const vote = await this.managed(actor, voteId, m);
    if (vote.status !== 'open' && vote.status !== 'counting') {
      throw conflict(vote.status === 'scheduled' ? 'not_open' : 'closed', `Proxies are recorded while ballots are taken (the vote is ${vote.status}).`, { status: vote.status });
    }
    return vote;
  }

  async record(actor: Actor, voteId: string, input: RecordProxyFieldsDto, upload: Upload | undefined): Promise<ProxyDto> {
    if (input.agentVoterId && input.agentPhone) throw invalid('agentPhone', 'oneAgent', 'Name the agent once: by voter id or by phone.');
    if (!input.agentVoterId && !input.agentPhone && !input.agentName) throw invalid('agentName', 'isNotEmpty', 'Who is the agent? Give their voter id, the phone of their account, or their name.');
    if (input.written && !upload) throw invalid('file', 'isNotEmpty', 'A written authorisation is kept as a scan (multipart field "file").');
    const id = await this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const vote = await this.forWrite(actor, voteId, m);
      const principal = await electorateVoter(q, voteId, input.principalVoterId);
      if (!principal) throw invalid('principalVoterId', 'notInElectorate', 'The principal is not on the electorate of this vote.');
      let agentVoterId: string | null = null;
      let agentUserId: string | null = null;
      let agentName = input.agentName ?? null;
      if (input.agentVoterId) {
        const agent = await electorateVoterWithAccount(q, voteId, input.agentVoterId);
        if (!agent) throw invalid('agentVoterId', 'notInElectorate', 'The agent is not on the electorate of this vote.');
        agentVoterId = agent.voter_id;
        agentUserId = agent.user_id;
        agentName ??= agent.name;
      } else if (input.agentPhone) {
        const user = await enabledUserByPhone(q, input.agentPhone);
        if (!user) throw invalid('agentPhone', 'noAccount', 'No account has this phone number: the agent signs up first, or votes on paper (record them by name).');
        agentUserId = user.id;
        // Someone on the roll named by phone is the voter they are.
        const own = await electorateVoterOfAccount(q, voteId, user.id);
        agentVoterId = own?.voter_id ?? null;
        agentName ??= own?.name ?? user.display_name;
      }
      await lockVoter(q, voteId, principal.voter_id);
      const live = await liveProxyOf(q, voteId, principal.voter_id);
      if (live) throw conflict('proxy_exists', 'This voter has already given an accepted proxy: revoke it first.', { proxyId: live.id });
      const proxyId = randomUUID();
      const agent = proxyAgentId(this.secret.key, voteId, { id: proxyId, agentVoterId, agentUserId });
      // The count decides: the regime of the rule set (written; same household, full capacity; or none).
      const reason = rejectionsOf(await withElectorate(q, vote), [{ voter: principal.voter_id, choice: 'abstain', channel: 'paper', proxy: { agent, written: input.written } }]).get(principal.voter_id) ?? null;
      if (reason === null) {
        // One agent, at most the cap of principals (serialised per agent).
        await lockAgent(q, voteId, agent);
        const n = await proxiesHeldBy(q, voteId, agentVoterId, agentUserId);
        if (n >= vote.proxyCap) throw conflict('proxy_cap_reached', `This agent already holds ${n} proxies, the most this vote allows.`, { cap: vote.proxyCap });
      }
      const file = upload ? await this.files.save(m, actor, upload, 'document') : null;
      await insertProxy(q, {
        id: proxyId,
        voteId,
        principalVoterId: principal.voter_id,
        agentVoterId,
        agentUserId,
        agentName,
        written: input.written,
        scanFileId: file?.id ?? null,
        status: reason === null ? 'accepted' : 'rejected',
        rejectionReason: reason,
        recordedBy: actor.id,
      });
      await this.audit.record(m, {
        actor,
        nodeId: vote.unitId,
        action: 'proxy.record',
        entityType: 'proxy_authorization',
        entityId: proxyId,
        after: { voteId, principal: principal.name, agent: agentName, written: input.written, status: reason === null ? 'accepted' : 'rejected', reason, scanFileId: file?.id ?? null },
      });
      return proxyId;
    });
    return (await proxyList(txQuery(this.dataSource.manager), voteId, id)).map((r) => this.toDto(r, true))[0]!;
  }

  /** Revokes an accepted proxy: the agent can no longer cast for the principal (a ballot already cast stays in the chain). */
  async revoke(actor: Actor, voteId: string, proxyId: string, reason: string): Promise<ProxyDto> {
    await this.dataSource.transaction(async (m) => {
      const q = txQuery(m);
      const vote = await this.forWrite(actor, voteId, m);
      const p = await proxyOfVote(q, voteId, proxyId);
      if (!p) throw new DomainError('NOT_FOUND', 'There is no such proxy in this vote.', { proxyId });
      await lockVoter(q, voteId, p.principal_voter_id);
      if (p.status !== 'accepted') throw conflict('not_accepted', 'A rejected proxy gives no authority to revoke.');
      if (p.revoked_at) throw conflict('revoked', 'This proxy has already been revoked.');
      await revokeProxy(q, proxyId);
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'proxy.revoke', entityType: 'proxy_authorization', entityId: proxyId, after: { voteId, agent: p.agent_name, reason } });
    });
    return (await proxyList(txQuery(this.dataSource.manager), voteId, proxyId)).map((r) => this.toDto(r, true))[0]!;
  }

  /** The proxy list: staff see everything; every reader of the vote sees who authorised whom, in writing or not, and what the rule made of it. */
  async list(actor: Actor, voteId: string): Promise<ProxyListDto> {
    const { vote, canManage } = await this.votes.visible(actor, voteId);
    const regime = proxyRegime(vote.ruleSet, vote.lml63);
    const why = basis(regime);
    const rows = vote.status === 'scheduled' || vote.status === 'cancelled' ? [] : await proxyList(txQuery(this.dataSource.manager), voteId);
    return { regime, basisZh: why.zh, basisEn: why.en, proxyCap: vote.proxyCap, proxies: rows.map((r) => this.toDto(r, canManage)) };
  }

  async sendScan(actor: Actor, voteId: string, proxyId: string, res: FastifyReply): Promise<void> {
    const m = this.dataSource.manager;
    await this.managed(actor, voteId, m);
    const scanFileId = await proxyScanId(txQuery(m), voteId, proxyId);
    if (!scanFileId) throw new DomainError('NOT_FOUND', 'This proxy has no scan.', { proxyId });
    await this.files.send(res, await storedFile(m, scanFileId));
  }

  private toDto(r: ProxyRow, staff: boolean): ProxyDto {
    const text = r.rejection_reason ? REJECTION_TEXTS[r.rejection_reason] : null;
    return {
      id: r.id,
      principalName: r.principal_name,
      agentName: r.agent_name,
      written: r.written,
      status: r.status,
      rejectionReason: r.rejection_reason,
      reasonZh: text?.['zh-CN'] ?? null,
      reasonEn: text?.en ?? null,
      recordedAt: r.recorded_at.toISOString(),
      revokedAt: r.revoked_at?.toISOString() ?? null,
      // Voter ids are the kit's pseudonyms: a name beside one would unmask it, so only staff see them.
      principalVoterId: staff ? r.principal_voter_id : null,
      agentVoterId: staff ? r.agent_voter_id : null,
      agentHasAccount: staff ? r.agent_user_id !== null : null,
      hasScan: staff ? r.scan_file_id !== null : null,
      recordedBy: staff ? r.recorded_by_name : null,
    };
  }
}
