import type { ErrorBody } from '@yishi/contracts';
import type { HttpSession } from '../../../test/http-session';
import { upload } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { openWithApproval, SCAN_JPEG, SHORTENING_REASON, signIn } from '../../../test/vote-fixtures';
import type { AuditPageDto } from '../../audit/audit.controller';
import { seedDemoData } from '../../seed/seed-demo';
import type { CastReceiptDto, VoteDetailDto } from '../lifecycle/dto/vote.dto';
import type { IssueResultDto, PaperDto, PaperEntryResultDto, PaperListDto, PaperPrintDto, VoteVoterDto } from './dto/paper.dto';
import { SealingService } from '../sealing/sealing.service';

type Res<T> = { status: number; body: T & ErrorBody };

describe('paper ballots: issued against the roll, entered twice, disputes settled', () => {
  let t: TestApp;
  let yushuian: string;
  const as: Record<string, HttpSession> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    yushuian = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`))[0]!.id;
    const people = { staff: '13800000004', convenor: '13800000006', street: '13800000002', owner: '13800000012', coOwner: '13800000013', tenant: '13800000014', headOf1: '13800000007' };
    for (const [who, phone] of Object.entries(people)) as[who] = await signIn(t.dataSource, t.baseUrl, phone);
  });
  afterAll(() => t.close());

  const openVote = async (extra: Record<string, unknown> = {}): Promise<{ id: string; closesAt: Date }> => {
    const closesAt = new Date(Date.now() + 2 * 3600_000);
    const res = await as.convenor!.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
      title: '更换门禁系统',
      question: '是否同意更换小区门禁系统？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
      shorteningReason: SHORTENING_REASON,
      ...extra,
    });
    expect(res.status).toBe(201);
    await openWithApproval(as.convenor!, as.street!, res.body.id);
    return { id: res.body.id, closesAt };
  };

  const enter = (who: HttpSession, voteId: string, paper: { serial: number; code?: string }, fields: Record<string, string>, withScan = true): Promise<Res<PaperEntryResultDto>> =>
    withScan
      ? upload<PaperEntryResultDto & ErrorBody>(who, `/api/votes/${voteId}/papers/${paper.serial}/entries`, { name: 'scan.jpg', bytes: SCAN_JPEG, fields })
      : who.post<PaperEntryResultDto & ErrorBody>(`/api/votes/${voteId}/papers/${paper.serial}/entries`, fields);

  it('issues one numbered paper per voter by building, skips whoever cannot vote, prints with codes and counts per building', async () => {
    const vote = await openVote();
    const res = await as.staff!.post<IssueResultDto>(`/api/votes/${vote.id}/papers`, { groups: ['2栋'] });
    expect(res.status).toBe(201);
    const voters2 = (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM vote_voter WHERE vote_id = $1 AND group_label = '2栋'`, [vote.id]))[0]!.n;
    // The husband of 2-803 is not the designated co-owner: no paper is printed for him.
    expect(res.body.skipped.map((s) => s.reason)).toEqual(['not-designated-co-owner']);
    expect(res.body.issued).toHaveLength(voters2 - 1);
    expect(res.body.issued.map((p) => p.serial)).toEqual(res.body.issued.map((_, i) => i + 1));
    expect(res.body.issued.every((p) => p.status === 'issued' && /^[0-9A-F]{6}$/.test(p.code))).toBe(true);
    // Again, and for a listed voter: nobody gets two live papers.
    const again = await as.staff!.post<IssueResultDto>(`/api/votes/${vote.id}/papers`, { groups: ['2栋'], voterIds: [res.body.issued[0]!.voterId] });
    expect(again.body.issued).toEqual([]);
    expect(again.body.skipped.filter((s) => s.reason === 'has_paper')).toHaveLength(voters2 - 1);
    await expect(
      t.dataSource.query(`INSERT INTO ballot_paper (vote_id, serial, voter_id, issued_by) SELECT vote_id, 9999, voter_id, issued_by FROM ballot_paper WHERE vote_id = $1 AND serial = 1`, [vote.id]),
    ).rejects.toThrow(/ballot_paper_live_voter/);
    const unknown = await as.staff!.post<ErrorBody>(`/api/votes/${vote.id}/papers`, { groups: ['9栋'] });
    expect(unknown.status).toBe(400);

    const print = await as.staff!.get<PaperPrintDto>(`/api/votes/${vote.id}/papers/print`);
    expect(print.body).toMatchObject({ unitName: '御水岸', title: '更换门禁系统', secrecy: 'named' });
    expect(print.body.groups.map((g) => g.group)).toEqual(['2栋']);
    const coWife = print.body.groups[0]!.papers.find((p) => p.unitLabels.includes('2-803'))!;
    expect(coWife.code).toBe(res.body.issued.find((p) => p.serial === coWife.serial)!.code);

    const list = await as.staff!.get<PaperListDto>(`/api/votes/${vote.id}/papers`);
    expect(list.body.groups.find((g) => g.group === '2栋')).toMatchObject({ voters: voters2, issued: voters2 - 1, returned: 0, entered: 0 });
    expect(list.body.groups.find((g) => g.group === '1栋')).toMatchObject({ issued: 0 });
    expect(list.body.totals.issued).toBe(voters2 - 1);
    const returned = await as.staff!.post<{ returned: number[]; already: number[] }>(`/api/votes/${vote.id}/papers/returned`, { serials: [1, 2] });
    expect(returned.body).toEqual({ returned: [1, 2], already: [] });
    expect((await as.staff!.post<{ already: number[] }>(`/api/votes/${vote.id}/papers/returned`, { serials: [2] })).body.already).toEqual([2]);
    expect((await as.staff!.get<PaperListDto>(`/api/votes/${vote.id}/papers`)).body.totals).toMatchObject({ returned: 2 });

    // Staff find voters by name or unit; residents and tenants see none of this.
    const found = await as.staff!.get<VoteVoterDto[]>(`/api/votes/${vote.id}/voters?q=2-803`);
    expect(found.body.map((f) => f.unitLabels)).toEqual([['2-803'], ['2-803']]);
    expect(found.body.some((f) => f.paperSerial !== null)).toBe(true);
    expect((await as.owner!.get<ErrorBody>(`/api/votes/${vote.id}/papers`)).status).toBe(403);
    expect((await as.tenant!.post<ErrorBody>(`/api/votes/${vote.id}/papers`, { all: true })).status).toBe(403);
    expect((await as.headOf1!.get<ErrorBody>(`/api/votes/${vote.id}/voters`)).status).toBe(403);
  });

  it('enters blind and twice: the second person does not see the first reading, equal readings count, the paper supersedes the online ballot', async () => {
    const vote = await openVote();
    const owner = (await as.owner!.get<VoteDetailDto>(`/api/votes/${vote.id}`)).body.myVoters[0]!.voterId;
    const online = await as.owner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: 'oppose' });
    const [paper] = (await as.staff!.post<IssueResultDto>(`/api/votes/${vote.id}/papers`, { voterIds: [owner] })).body.issued;

    const noScan = await enter(as.staff!, vote.id, paper!, { choice: 'approve' }, false);
    expect(noScan.status).toBe(400);
    expect(noScan.body.details).toMatchObject({ fields: [{ field: 'file' }] });
    const wrongCode = await enter(as.staff!, vote.id, paper!, { choice: 'approve', code: paper!.code === '000000' ? '111111' : '000000' });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.details).toMatchObject({ fields: [{ field: 'code' }] });
    const badChoice = await enter(as.staff!, vote.id, paper!, { choice: 'maybe' });
    expect(badChoice.status).toBe(400);

    // Handed in at the desk while voting is open: returned and entered at once.
    const first = await enter(as.staff!, vote.id, paper!, { choice: 'approve', code: paper!.code.toLowerCase() });
    expect(first.body).toMatchObject({ status: 'entered', receipt: null });
    expect((await enter(as.staff!, vote.id, paper!, { choice: 'approve' }, false)).body.details).toMatchObject({ reason: 'same_person' });
    // Nothing of the first reading shows: not in the list, not in the audit trail.
    const seen = (await as.street!.get<PaperListDto>(`/api/votes/${vote.id}/papers`)).body.papers.find((p) => p.serial === paper!.serial)!;
    expect(seen).toMatchObject({ status: 'entered', readings: null, choice: null, proxy: null, hasScan: true, enteredBy: { name: '大圩社区 叶嘉欣' } });
    const trail = await as.street!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=paper`);
    expect(JSON.stringify(trail.body.entries)).not.toContain('approve');
    // Still online until the paper counts; then the paper is the ballot, and online casting is closed for the owner.
    expect((await as.owner!.get<VoteDetailDto>(`/api/votes/${vote.id}`)).body.myVoters[0]).toMatchObject({ channel: 'online', canCast: true });

    const confirmed = await enter(as.street!, vote.id, paper!, { choice: 'approve' }, false);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', supersededReceipt: online.body.receipt });
    expect(confirmed.body.receipt).toMatch(/^b-[0-9a-f]{12}$/);
    const mine = (await as.owner!.get<VoteDetailDto>(`/api/votes/${vote.id}`)).body.myVoters[0]!;
    expect(mine).toMatchObject({ channel: 'paper', choice: 'approve', receipt: confirmed.body.receipt, supersededReceipt: online.body.receipt, canCast: false });
    const later = await as.owner!.post<ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: 'oppose' });
    expect(later.body.details).toMatchObject({ reason: 'paper_supersedes' });
    expect((await enter(as.convenor!, vote.id, paper!, { choice: 'approve' }, false)).body.details).toMatchObject({ reason: 'paper_settled' });
    expect(await t.dataSource.query(`SELECT channel, superseded_receipt, casts FROM ballot WHERE vote_id = $1 AND voter_id = $2`, [vote.id, owner])).toEqual([
      { channel: 'paper', superseded_receipt: online.body.receipt, casts: 2 },
    ]);
    const settled = (await as.street!.get<PaperListDto>(`/api/votes/${vote.id}/papers`)).body.papers[0]!;
    expect(settled).toMatchObject({ status: 'confirmed', readings: { first: 'approve', second: 'approve' }, choice: 'approve' });
    const audit = await as.street!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=paper.confirm`);
    expect(audit.body.entries[0]!.after).toMatchObject({ serial: paper!.serial, choice: 'approve', supersededReceipt: online.body.receipt });
  });

  it('sends different readings to the dispute list; a third person or the convenor settles it, and the count waits for it', async () => {
    const vote = await openVote();
    const issued = (await as.staff!.post<IssueResultDto>(`/api/votes/${vote.id}/papers`, { groups: ['3栋'] })).body.issued;
    const [a, b, c, d] = issued as [PaperDto, PaperDto, PaperDto, PaperDto];
    await as.staff!.post(`/api/votes/${vote.id}/papers/returned`, { serials: [a.serial, b.serial, c.serial] });
    // The convenor enters first and staff read it differently.
    await enter(as.convenor!, vote.id, a, { choice: 'approve' });
    expect((await enter(as.staff!, vote.id, a, { choice: 'abstain' }, false)).body.status).toBe('disputed');
    await enter(as.convenor!, vote.id, b, { choice: 'oppose' });
    expect((await enter(as.staff!, vote.id, b, { choice: 'approve' }, false)).body.status).toBe('disputed');
    await enter(as.staff!, vote.id, c, { choice: 'approve' });
    const disputes = (await as.street!.get<PaperListDto>(`/api/votes/${vote.id}/papers?status=disputed`)).body;
    expect(disputes.papers.map((p) => [p.serial, p.readings])).toEqual([
      [a.serial, { first: 'approve', second: 'abstain' }],
      [b.serial, { first: 'oppose', second: 'approve' }],
    ]);
    expect((await enter(as.street!, vote.id, a, { choice: 'approve' }, false)).body.details).toMatchObject({ reason: 'disputed' });

    // Voting closes: the count waits while papers are entered but not settled.
    const sealing = t.app.get(SealingService);
    const status = async (): Promise<string> => (await t.dataSource.query<{ status: string }[]>(`SELECT status FROM vote WHERE id = $1`, [vote.id]))[0]!.status;
    await sealing.closeDue(new Date(vote.closesAt.getTime() + 1000));
    expect(await status()).toBe('counting');
    expect((await as.staff!.post<ErrorBody>(`/api/votes/${vote.id}/papers/returned`, { serials: [d.serial] })).body.details).toMatchObject({ reason: 'closed' });
    expect((await as.staff!.post<ErrorBody>(`/api/votes/${vote.id}/papers`, { voterIds: [d.voterId] })).body.details).toMatchObject({ reason: 'closed' });

    // Staff entered the second reading of `a`: they may not settle it; the convenor may, though he entered the first.
    const staffSettles = await as.staff!.post<ErrorBody>(`/api/votes/${vote.id}/papers/${a.serial}/resolve`, { choice: 'approve', note: '看错了' });
    expect(staffSettles.status).toBe(403);
    const convenorSettles = await as.convenor!.post<PaperEntryResultDto>(`/api/votes/${vote.id}/papers/${a.serial}/resolve`, { choice: 'approve', note: '“弃权”栏的勾已划去，确认为同意' });
    expect(convenorSettles.body.status).toBe('confirmed');
    const spoilt = await as.street!.post<PaperEntryResultDto>(`/api/votes/${vote.id}/papers/${b.serial}/resolve`, { choice: 'spoilt', note: '两栏都打勾，废票' });
    expect(spoilt.body.status).toBe('void');
    await sealing.closeDue(new Date(vote.closesAt.getTime() + 2000));
    expect(await status()).toBe('counting'); // c still waits for its second entry
    const voided = await as.street!.post<PaperDto>(`/api/votes/${vote.id}/papers/${c.serial}/void`, { reason: '选票污损无法辨认' });
    expect(voided.body).toMatchObject({ status: 'void', voidKind: 'void', voidReason: '选票污损无法辨认', disputedOn: [], resolution: null });
    await sealing.closeDue(new Date(vote.closesAt.getTime() + 3000));
    expect(await status()).toBe('closed');

    const settledA = (await as.street!.get<PaperListDto>(`/api/votes/${vote.id}/papers`)).body.papers.find((p) => p.serial === a.serial)!;
    expect(settledA).toMatchObject({ status: 'confirmed', choice: 'approve', resolvedBy: { name: '御水岸业委会 邓卓' } });
    expect(settledA).toMatchObject({ disputedOn: ['choice'], resolution: '“弃权”栏的勾已划去，确认为同意', voidKind: null });
    const spoiltB = (await as.street!.get<PaperListDto>(`/api/votes/${vote.id}/papers`)).body.papers.find((p) => p.serial === b.serial)!;
    expect(spoiltB).toMatchObject({ status: 'void', voidKind: 'spoilt', voidReason: null, disputedOn: ['choice'], resolution: '两栏都打勾，废票' });
    const result = await as.owner!.get<{ result: { tally: { figures: { ballots: { paper: number; received: number } } } } }>(`/api/votes/${vote.id}/result`);
    expect(result.body.result.tally.figures.ballots).toMatchObject({ paper: 1, received: 1 });
    const resolve = await as.street!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=paper.resolve`);
    expect(resolve.body.entries.map((e) => e.after)).toEqual([
      expect.objectContaining({ serial: b.serial, outcome: 'spoilt', first: 'oppose', second: 'approve' }),
      expect.objectContaining({ serial: a.serial, choice: 'approve', first: 'approve', second: 'abstain' }),
    ]);
  });

  it('reissues a lost paper (the old one is void) and refuses papers that came back too late', async () => {
    const vote = await openVote();
    const [paper] = (await as.staff!.post<IssueResultDto>(`/api/votes/${vote.id}/papers`, { voterIds: [(await as.coOwner!.get<VoteDetailDto>(`/api/votes/${vote.id}`)).body.myVoters[0]!.voterId] })).body.issued;
    const fresh = await as.staff!.post<PaperDto>(`/api/votes/${vote.id}/papers/${paper!.serial}/reissue`, { reason: '业主称选票遗失' });
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ voterId: paper!.voterId, status: 'issued', serial: paper!.serial + 1 });
    expect(fresh.body.code).not.toBe(paper!.code);
    expect((await enter(as.staff!, vote.id, paper!, { choice: 'approve' })).body.details).toMatchObject({ reason: 'paper_void' });
    expect((await as.staff!.post<ErrorBody>(`/api/votes/${vote.id}/papers/returned`, { serials: [paper!.serial] })).body.details).toMatchObject({ reason: 'paper_void' });
    const list = (await as.staff!.get<PaperListDto>(`/api/votes/${vote.id}/papers`)).body;
    expect(list.totals).toMatchObject({ issued: 1, void: 1 });
    expect(list.papers.find((p) => p.serial === paper!.serial)).toMatchObject({ status: 'void', voidKind: 'reissued', voidReason: '业主称选票遗失' });
    await enter(as.staff!, vote.id, fresh.body, { choice: 'oppose' });
    expect((await as.staff!.post<ErrorBody>(`/api/votes/${vote.id}/papers/${fresh.body.serial}/reissue`, { reason: '再补发' })).body.details).toMatchObject({ reason: 'paper_in_entry' });
    // Meeting check-ins are for rules that count attendance: owners' votes count ballots only.
    const checkIn = await as.staff!.post<ErrorBody>(`/api/votes/${vote.id}/check-ins`, { voterIds: [paper!.voterId] });
    expect(checkIn.status).toBe(409);
    expect(checkIn.body.details).toMatchObject({ reason: 'attendance_not_counted' });
  });

  it('keeps secret paper ballots secret: a voter already marked is refused, a counted paper keeps no trace of its choice', async () => {
    const closesAt = new Date(Date.now() + 3600_000);
    const created = await as.convenor!.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
      title: '选择议事会日期',
      question: '议事会定在哪天？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      secrecy: 'secret',
      options: [
        { id: 'sat', label: '周六' },
        { id: 'sun', label: '周日' },
      ],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
    });
    const voteId = created.body.id;
    await as.convenor!.post(`/api/votes/${voteId}/open`, {});
    const ownerId = (await as.owner!.get<VoteDetailDto>(`/api/votes/${voteId}`)).body.myVoters[0]!.voterId;
    const coOwnerId = (await as.coOwner!.get<VoteDetailDto>(`/api/votes/${voteId}`)).body.myVoters[0]!.voterId;
    await as.owner!.post(`/api/votes/${voteId}/ballots`, { choice: 'sun' });
    const issued = await as.staff!.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [ownerId, coOwnerId] });
    expect(issued.body.skipped).toEqual([expect.objectContaining({ voterId: ownerId, reason: 'already_voted' })]);
    const paper = issued.body.issued[0]!;
    await enter(as.staff!, voteId, paper, { choice: 'sat' });
    expect((await enter(as.street!, voteId, paper, { choice: 'sat' }, false)).body).toMatchObject({ status: 'confirmed', receipt: null });
    // The roll says she voted on paper; the box has a 'sat' ballot; her paper row no longer says what it was.
    expect(await t.dataSource.query(`SELECT channel FROM vote_mark WHERE vote_id = $1 AND voter_id = $2`, [voteId, coOwnerId])).toEqual([{ channel: 'paper' }]);
    expect(await t.dataSource.query(`SELECT entered_choice, confirmed_choice, scan_file_id FROM ballot_paper WHERE vote_id = $1 AND serial = $2`, [voteId, paper.serial])).toEqual([
      { entered_choice: null, confirmed_choice: null, scan_file_id: null },
    ]);
    expect((await as.street!.get<PaperListDto>(`/api/votes/${voteId}/papers`)).body.papers[0]).toMatchObject({ status: 'confirmed', readings: null, choice: null, hasScan: false });
    const trail = await as.street!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=paper`);
    expect(JSON.stringify(trail.body.entries.filter((e) => e.entityId === voteId))).not.toContain('sat');
    expect((await as.coOwner!.get<VoteDetailDto>(`/api/votes/${voteId}`)).body.myVoters[0]).toMatchObject({ voted: true, channel: 'paper', canCast: false });

    // A paper issued before the voter voted online is refused when it comes back: a secret ballot is final.
    const staffVoter = (await as.headOf1!.get<VoteDetailDto>(`/api/votes/${voteId}`)).body.myVoters[0]!.voterId;
    const [late] = (await as.staff!.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [staffVoter] })).body.issued;
    await as.headOf1!.post(`/api/votes/${voteId}/ballots`, { choice: 'sun' });
    const refused = await enter(as.staff!, voteId, late!, { choice: 'sat' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: 'already_voted' });
    expect((await as.staff!.post<PaperDto>(`/api/votes/${voteId}/papers/${late!.serial}/void`, { reason: '已在线投票，纸质选票不予受理' })).body.status).toBe('void');
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM vote_mark WHERE vote_id = $1`, [voteId])).toEqual([{ n: 3 }]);
  });
});
