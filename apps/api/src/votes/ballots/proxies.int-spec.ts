import type { ErrorBody } from '@yishi/contracts';
import type { HttpSession } from '../../../test/http-session';
import { download, upload } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { createAccount, openWithApproval, SCAN_JPEG, SHORTENING_REASON, signIn } from '../../../test/vote-fixtures';
import type { AuditPageDto } from '../../audit/audit.controller';
import { seedDemoData } from '../../seed/seed-demo';
import type { CastReceiptDto, VoteDetailDto } from '../lifecycle/dto/vote.dto';
import type { IssueResultDto, PaperEntryResultDto } from './dto/paper.dto';
import type { ProxyDto, ProxyListDto } from './dto/proxy.dto';

type Res<T> = { status: number; body: T & ErrorBody };

describe('proxies: recorded with the scan, checked against the rule set, capped, revoked, published', () => {
  let t: TestApp;
  let yushuian: string;
  let nancun: string;
  const as: Record<string, HttpSession> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const rows = await t.dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM org_node WHERE code IN ('yushuian', 'nancun')`);
    yushuian = rows.find((r) => r.code === 'yushuian')!.id;
    nancun = rows.find((r) => r.code === 'nancun')!.id;
    await createAccount(t.dataSource, '13900000301', '何家明');
    await createAccount(t.dataSource, '13900000302', '何家俊');
    const people = {
      staff: '13800000004',
      convenor: '13800000006',
      owner: '13800000012',
      coOwner: '13800000013',
      tenant: '13800000014',
      son: '13900000301',
      nephew: '13900000302',
      ncStaff: '13800000003',
      ncConvenor: '13800000005',
      ncMember: '13800000011',
    };
    for (const [who, phone] of Object.entries(people)) as[who] = await signIn(t.dataSource, t.baseUrl, phone);
  });
  afterAll(() => t.close());

  const openVote = async (session: HttpSession, unitId: string, extra: Record<string, unknown>): Promise<string> => {
    const res = await session.post<VoteDetailDto>(`/api/units/${unitId}/votes`, {
      title: '表决',
      question: '是否同意？',
      matterKinds: [unitId === yushuian ? 'owners-other' : 'plans-and-distribution'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
      shorteningReason: SHORTENING_REASON,
      ...extra,
    });
    expect(res.status).toBe(201);
    // Before its notice: approved by the community's staff (大圩社区 for 御水岸, 中区社区 for 南村).
    await openWithApproval(session, unitId === yushuian ? as.staff! : as.ncStaff!, res.body.id);
    return res.body.id;
  };

  const record = (session: HttpSession, voteId: string, fields: Record<string, string>, scan = true): Promise<Res<ProxyDto>> =>
    scan
      ? upload<ProxyDto & ErrorBody>(session, `/api/votes/${voteId}/proxies`, { name: '委托书.jpg', bytes: SCAN_JPEG, fields: { written: 'true', ...fields } })
      : session.post<ProxyDto & ErrorBody>(`/api/votes/${voteId}/proxies`, { written: false, ...fields });

  const myVoter = async (session: HttpSession, voteId: string): Promise<string> => (await session.get<VoteDetailDto>(`/api/votes/${voteId}`)).body.myVoters[0]!.voterId;

  it('owners: a written proxy to anyone with an account, one per principal, at most the cap per agent; revoking ends it', async () => {
    const voteId = await openVote(as.convenor!, yushuian, { ruleSet: 'cc278-ordinary' });
    const owner = await myVoter(as.owner!, voteId);
    const coOwner = await myVoter(as.coOwner!, voteId);
    const noScan = await record(as.staff!, voteId, { principalVoterId: owner }, false);
    expect(noScan.status).toBe(400);
    const withoutScan = await as.staff!.post<ErrorBody>(`/api/votes/${voteId}/proxies`, { principalVoterId: owner, agentPhone: '13900000301', written: true });
    expect(withoutScan.status).toBe(400);
    expect(withoutScan.body.details).toMatchObject({ fields: [{ field: 'file' }] });
    const unknownPhone = await record(as.staff!, voteId, { principalVoterId: owner, agentPhone: '13999999999' });
    expect(unknownPhone.body.details).toMatchObject({ fields: [{ field: 'agentPhone' }] });
    const toHimself = await record(as.staff!, voteId, { principalVoterId: owner, agentPhone: '13800000012' });
    expect(toHimself.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-agent-is-principal', agentVoterId: owner });

    const accepted = await record(as.staff!, voteId, { principalVoterId: owner, agentPhone: '13900000301' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'accepted', agentName: '何家明', agentHasAccount: true, hasScan: true, agentVoterId: null });
    expect((await record(as.staff!, voteId, { principalVoterId: owner, agentPhone: '13900000302' })).body.details).toMatchObject({ reason: 'proxy_exists' });
    // The cap (1 by default): the son may not also hold the co-owner's proxy.
    const capped = await record(as.staff!, voteId, { principalVoterId: coOwner, agentPhone: '13900000301' });
    expect(capped.status).toBe(409);
    expect(capped.body.details).toMatchObject({ reason: 'proxy_cap_reached', cap: 1 });

    // The son sees the vote and casts for his father; the ballot carries the written proxy.
    expect((await as.son!.get<VoteDetailDto>(`/api/votes/${voteId}`)).body.myVoters).toEqual([expect.objectContaining({ voterId: owner, as: 'proxy', canCast: true })]);
    const cast = await as.son!.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { choice: 'approve' });
    expect(cast.body.voterId).toBe(owner);
    const [ballot] = await t.dataSource.query<{ proxy: { agent: string; written: boolean }; cast_by: string }[]>(`SELECT proxy, cast_by FROM ballot WHERE vote_id = $1 AND voter_id = $2`, [voteId, owner]);
    expect(ballot!.proxy.written).toBe(true);
    expect(ballot!.proxy.agent).toMatch(/^v-[0-9a-f]{12}$/);

    // Revoked: the son can no longer cast; what he cast stays; the father may cast himself.
    const revoked = await as.staff!.post<ProxyDto>(`/api/votes/${voteId}/proxies/${accepted.body.id}/revoke`, { reason: '委托人撤回委托' });
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await as.staff!.post<ErrorBody>(`/api/votes/${voteId}/proxies/${accepted.body.id}/revoke`, { reason: '再撤回' })).body.details).toMatchObject({ reason: 'revoked' });
    // He holds no role in 御水岸 and no proxy any more: the vote is none of his business (404, as for every other unit's request).
    expect((await as.son!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'oppose' })).status).toBe(404);
    expect((await as.son!.get<ErrorBody>(`/api/votes/${voteId}`)).status).toBe(404);
    expect((await as.owner!.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { choice: 'oppose' })).status).toBe(200);
    // Now the son is free again under the cap.
    expect((await record(as.staff!, voteId, { principalVoterId: coOwner, agentPhone: '13900000301' })).body.status).toBe('accepted');

    const audit = await as.staff!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=proxy`);
    expect(audit.body.entries.map((e) => e.action)).toEqual(['proxy.record', 'proxy.revoke', 'proxy.record', 'proxy.record']);
  });

  it('a higher cap lets one agent hold several proxies; residents read the list without pseudonyms or scans', async () => {
    const voteId = await openVote(as.convenor!, yushuian, { ruleSet: 'cc278-ordinary', proxyCap: 2 });
    // Sole owners of one flat each: their own ballots would count.
    const principals = await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND unit_labels <@ ARRAY['1-101', '1-102', '1-103'] ORDER BY voter_id`, [voteId]);
    expect(principals).toHaveLength(3);
    const results = [];
    for (const p of principals) results.push(await record(as.staff!, voteId, { principalVoterId: p.voter_id, agentPhone: '13900000302' }));
    expect(results.map((r) => r.status)).toEqual([201, 201, 409]);
    const unwritten = await record(as.staff!, voteId, { principalVoterId: principals[2]!.voter_id, agentName: '邻居老张' }, false);
    expect(unwritten.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-not-written', agentHasAccount: false });

    const forResidents = await as.tenant!.get<ProxyListDto>(`/api/votes/${voteId}/proxies`);
    expect(forResidents.status).toBe(200);
    expect(forResidents.body).toMatchObject({ regime: 'written', proxyCap: 2 });
    expect(forResidents.body.basisZh).toContain('书面委托');
    expect(forResidents.body.proxies).toHaveLength(3);
    for (const p of forResidents.body.proxies) expect(p).toMatchObject({ principalVoterId: null, agentVoterId: null, hasScan: null, recordedBy: null });
    expect(forResidents.body.proxies[2]).toMatchObject({ agentName: '邻居老张', written: false, status: 'rejected', reasonZh: '委托未采用书面形式' });
    expect(JSON.stringify(forResidents.body)).not.toContain('v-');
    const scan = await download(as.staff!, `/api/votes/${voteId}/proxies/${results[0]!.body.id}/scan`);
    expect(scan.status).toBe(200);
    expect(scan.headers.get('content-type')).toBe('image/jpeg');
    expect((await download(as.tenant!, `/api/votes/${voteId}/proxies/${results[0]!.body.id}/scan`)).status).toBe(403);
    expect((await download(as.staff!, `/api/votes/${voteId}/proxies/${unwritten.body.id}/scan`)).status).toBe(404);
    expect((await as.tenant!.post<ErrorBody>(`/api/votes/${voteId}/proxies`, { principalVoterId: principals[0]!.voter_id, agentName: 'x', written: false })).status).toBe(403);
    expect((await as.ncMember!.get<ErrorBody>(`/api/votes/${voteId}/proxies`)).status).toBe(404);
  });

  it('cooperatives: only a full-capacity member of the same household; rule sets with no proxy refuse every one', async () => {
    const voteId = await openVote(as.ncConvenor!, nancun, { ruleSet: 'rceo-27' });
    // NC-007: the elderly head, his spouse, the adult child who represents the household (13800000011), perhaps minors.
    const household = await t.dataSource.query<{ voter_id: string; name: string }[]>(`SELECT voter_id, name FROM vote_voter WHERE vote_id = $1 AND group_label = 'NC-007' ORDER BY name`, [voteId]);
    const member = await myVoter(as.ncMember!, voteId);
    const relative = household.find((h) => h.voter_id !== member)!;
    const sameHousehold = await record(as.ncStaff!, voteId, { principalVoterId: relative.voter_id, agentPhone: '13800000011' });
    expect(sameHousehold.body).toMatchObject({ status: 'accepted', agentVoterId: member, agentHasAccount: true });
    const [outsider] = await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND group_label = 'NC-008' LIMIT 1`, [voteId]);
    const otherHousehold = await record(as.ncStaff!, voteId, { principalVoterId: outsider!.voter_id, agentVoterId: member });
    expect(otherHousehold.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-agent-other-household' });
    const offRoll = await record(as.ncStaff!, voteId, { principalVoterId: outsider!.voter_id, agentName: '外村亲戚' });
    expect(offRoll.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-agent-not-on-roll' });
    // The agent casts for the relative on her behalf.
    const cast = await as.ncMember!.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { choice: 'approve', voterId: relative.voter_id });
    expect(cast.status).toBe(200);

    // A representative assembly (rceo-28): the law provides no proxy at all.
    const representatives = await openVote(as.ncConvenor!, nancun, { ruleSet: 'rceo-28' });
    const [rep] = await t.dataSource.query<{ voter_id: string }[]>(
      `SELECT v.voter_id FROM vote_voter v JOIN member mb ON mb.id = v.person_id WHERE v.vote_id = $1 AND mb.is_member_representative ORDER BY v.voter_id LIMIT 1`,
      [representatives],
    );
    const none = await record(as.ncStaff!, representatives, { principalVoterId: rep!.voter_id, agentPhone: '13800000011' });
    expect(none.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-not-allowed' });
    expect((await as.ncMember!.get<ProxyListDto>(`/api/votes/${representatives}/proxies`)).body).toMatchObject({ regime: 'none', proxies: [expect.objectContaining({ status: 'rejected' })] });
  });

  it('a secret ballot cannot be cast on paper under a refused proxy, nor under another voter’s proxy', async () => {
    const voteId = await openVote(as.ncConvenor!, nancun, { ruleSet: 'rceo-27', secrecy: 'secret' });
    const [outsider] = await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND group_label = 'NC-008' LIMIT 1`, [voteId]);
    const member = await myVoter(as.ncMember!, voteId);
    const refused = await record(as.ncStaff!, voteId, { principalVoterId: outsider!.voter_id, agentVoterId: member });
    expect(refused.body.status).toBe('rejected');
    const [paper] = (await as.ncStaff!.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [outsider!.voter_id] })).body.issued;
    const entry = await upload<PaperEntryResultDto & ErrorBody>(as.ncStaff!, `/api/votes/${voteId}/papers/${paper!.serial}/entries`, {
      name: 'paper.jpg',
      bytes: SCAN_JPEG,
      fields: { choice: 'approve', proxyId: refused.body.id },
    });
    expect(entry.status).toBe(409);
    expect(entry.body.details).toMatchObject({ reason: 'proxy_rejected' });
    // A proxy of someone else is not this paper's.
    const [other] = await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND group_label = 'NC-010' LIMIT 1`, [voteId]);
    const [otherPaper] = (await as.ncStaff!.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [other!.voter_id] })).body.issued;
    const mismatch = await upload<ErrorBody>(as.ncStaff!, `/api/votes/${voteId}/papers/${otherPaper!.serial}/entries`, { name: 'p.jpg', bytes: SCAN_JPEG, fields: { choice: 'approve', proxyId: refused.body.id } });
    expect(mismatch.status).toBe(400);
  });

  it('refuses a cast by an agent whose proxy is revoked while the cast waits for the voter', async () => {
    const voteId = await openVote(as.convenor!, yushuian, { ruleSet: 'cc278-ordinary' });
    const owner = await myVoter(as.owner!, voteId);
    const proxy = await record(as.staff!, voteId, { principalVoterId: owner, agentPhone: '13900000302' });
    expect(proxy.body.status).toBe('accepted');
    // A revocation in progress holds the principal's lock (as ProxiesService.revoke does) ...
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${voteId}:${owner}`]);
      await runner.query(`UPDATE proxy_authorization SET revoked_at = now() WHERE id = $1`, [proxy.body.id]);
      // ... while the agent casts: the cast finds the proxy standing, then waits for the lock.
      const cast = as.nephew!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'approve', voterId: owner });
      for (let i = 0; i < 100; i += 1) {
        const [waiting] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        if (waiting!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await runner.commitTransaction();
      const refused = await cast;
      expect(refused.status).toBe(403);
      expect(refused.body.details).toMatchObject({ reason: 'not_eligible' });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await t.dataSource.query(`SELECT 1 FROM ballot WHERE vote_id = $1`, [voteId])).toEqual([]);
  });
});
