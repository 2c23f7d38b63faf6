/**
 * One account is one person. The attack found from outside: the building head of 1栋 printed his
 * building's letters, redeemed three other owners' codes on his own account, saw their flats under
 * 「我的」 and cast a ballot as each of them. Here it is tried again, step by step, and refused at
 * each step; then the lawful ways to link (the roll's phone, a code sent to it, the identity
 * number), the person told on their phone, and staff undoing a link.
 */
import type { ErrorBody, SessionState } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import type { PrintedPerson } from '../../test/letters';
import { printLetters } from '../../test/letters';
import type { TestApp } from '../../test/test-app';
import { startTestApp, TEST_SECRET } from '../../test/test-app';
import { keyedHash } from '../common/keyed-hash';
import type { MyRollDto } from '../me/me.dto';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import { SmsProvider } from '../sms/sms-provider';

/** A fictional identity number (region 99 is no province) with a valid check character. */
const ID_NUMBER = '990101195203150011';
/** Another, ending in the check character X (typed in lower case, with spaces, below). */
const ID_NUMBER_X = '99010119520315002X';

describe('one account is one person', () => {
  let t: TestApp;
  let yushuian: string;
  let building1: string;
  let openVote: string;
  let head: HttpSession;
  let daxuStaff: HttpSession;
  const sms: { phone: string; text: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app);
    jest.spyOn(t.app.get(SmsProvider), 'send').mockImplementation((phone: string, text: string) => {
      sms.push({ phone, text });
      return Promise.resolve({ ok: true as const, ref: null });
    });
    const one = async (sql: string, params: unknown[] = []): Promise<string> => (await t.dataSource.query<{ id: string }[]>(sql, params))[0]!.id;
    yushuian = await one(`SELECT id FROM org_node WHERE code = 'yushuian'`);
    building1 = await one(`SELECT id FROM building WHERE unit_id = $1 AND name = '1栋'`, [yushuian]);
    openVote = await one(`SELECT id FROM vote WHERE unit_id = $1 AND status = 'open'`, [yushuian]);
    head = await HttpSession.signedIn(t.baseUrl, '13800000007', DEMO_PASSWORD);
    daxuStaff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
  });
  afterAll(() => t.close());
  // Each case starts with fresh throttles: they are tested on their own below.
  beforeEach(() => t.dataSource.query(`DELETE FROM rate_limit_bucket`));

  async function newAccount(phone: string, extra: Record<string, string> = {}): Promise<{ res: { status: number; body: (SessionState & { invitation: string | null }) | ErrorBody }; session: HttpSession }> {
    const session = new HttpSession(t.baseUrl);
    await session.post('/api/auth/sms-code', { phone, purpose: 'signup' });
    const smsCode = /验证码 (\d{6})/.exec(sms.filter((m) => m.phone === phone).at(-1)!.text)![1]!;
    const res = await session.post<(SessionState & { invitation: string | null }) | ErrorBody>('/api/auth/signup', {
      phone,
      smsCode,
      password: 'river-lantern-88',
      displayName: '新住户',
      ...extra,
    });
    if (res.status === 201) session.csrfToken = (res.body as SessionState).csrfToken;
    return { res, session };
  }

  /** Letters of 1栋 for owners who are not linked yet, printed by the building head. */
  async function building1Owners(): Promise<PrintedPerson[]> {
    const printed = await printLetters(head, yushuian, { buildingId: building1, reissue: true });
    expect(printed.status).toBe(200);
    return printed.sheets.flatMap((s) => s.people).filter((p) => p.personType === 'owner');
  }

  it('refuses the building head at every step of voting as other owners', async () => {
    const printed = await printLetters(head, yushuian, { buildingId: building1 });
    expect(printed.status).toBe(200);
    const owners = printed.sheets.flatMap((s) => s.people).filter((p) => p.personType === 'owner');
    expect(owners.length).toBeGreaterThan(50);
    const victims = [...new Map(owners.map((o) => [o.personId, o])).values()].slice(0, 3);

    // The print is in the audit trail, naming who printed which letters.
    const [audit] = await t.dataSource.query<{ actor_phone: string; after: { letters: { personId: string }[]; buildingId: string } }[]>(
      `SELECT u.phone AS actor_phone, a.after FROM audit_entry a JOIN app_user u ON u.id = a.actor_id WHERE a.action = 'invitation.issue' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(audit!.actor_phone).toBe('13800000007');
    expect(audit!.after.buildingId).toBe(building1);
    expect(audit!.after.letters.map((l) => l.personId)).toEqual(expect.arrayContaining(victims.map((v) => v.personId)));

    const answers: string[] = [];
    for (const victim of victims) {
      // A code alone links nothing: the letter must be proven the reader's own.
      const check = await head.post<{ methods: { phoneMatches: boolean } }>('/api/me/invitations/check', { code: victim.code });
      expect(check.status).toBe(200);
      expect(check.body.methods.phoneMatches).toBe(false);
      answers.push(JSON.stringify(check.body));
      const bare = await head.post<ErrorBody>('/api/me/invitations', { code: victim.code });
      expect(bare.status).toBe(400);
      expect(bare.body.code).toBe('INVITATION_PROOF_REQUIRED');
      // A guessed identity number is a wrong answer, counted against the letter.
      const guessed = await head.post<ErrorBody>('/api/me/invitations', { code: victim.code, idNumber: '440605196001010011' });
      expect(guessed.status).toBe(400);
      expect(guessed.body).toMatchObject({ code: 'INVITATION_PROOF_FAILED', details: { attemptsLeft: 4 } });
      answers.push(JSON.stringify(bare.body), JSON.stringify(guessed.body));
    }
    // Even knowing a victim's identity number, the head is already one owner of this compound.
    const known = victims[0]!;
    await t.dataSource.query(`UPDATE owner SET id_number_hash = $2, id_last4 = $3 WHERE id = $1`, [known.personId, keyedHash(TEST_SECRET.key, 'id-number', ID_NUMBER), ID_NUMBER.slice(-4)]);
    const proven = await head.post<ErrorBody>('/api/me/invitations', { code: known.code, idNumber: ID_NUMBER });
    expect(proven.status).toBe(409);
    expect(proven.body.code).toBe('ONE_PERSON_PER_ACCOUNT');
    answers.push(JSON.stringify(proven.body));
    // No JSON answer ever carried a code.
    for (const answer of answers) for (const victim of victims) expect(answer).not.toContain(victim.code);

    // 「我的」 shows his own flat only.
    const roll = await head.get<MyRollDto>('/api/me/roll');
    expect(roll.body.compounds.flatMap((c) => c.units.map((u) => u.number))).toEqual(['1-502']);
    // And a ballot for another owner is refused.
    const [voter] = await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND person_type = 'owner' AND person_id = $2`, [
      openVote,
      victims[1]!.personId,
    ]);
    const cast = await head.post<ErrorBody>(`/api/votes/${openVote}/ballots`, { choice: 'oppose', voterId: voter!.voter_id });
    expect(cast.status).toBe(403);
    expect(await t.dataSource.query(`SELECT 1 FROM ballot WHERE vote_id = $1 AND voter_id = $2`, [openVote, voter!.voter_id])).toEqual([]);
    // Nobody's letter was used.
    expect(await t.dataSource.query(`SELECT 1 FROM invitation WHERE used_by = (SELECT id FROM app_user WHERE phone = '13800000007')`)).toEqual([]);
  });

  it('keeps one person per account in the database itself', async () => {
    const [mine] = await t.dataSource.query<{ user_id: string }[]>(`SELECT user_id FROM owner WHERE user_id = (SELECT id FROM app_user WHERE phone = '13800000007')`);
    const [other] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM owner WHERE unit_id = $1 AND kind = 'person' AND user_id IS NULL LIMIT 1`, [yushuian]);
    const refused: unknown = await t.dataSource.query(`UPDATE owner SET user_id = $1 WHERE id = $2`, [mine!.user_id, other!.id]).then(
      () => null,
      (error: unknown) => error,
    );
    expect((refused as { driverError?: { constraint?: string } } | null)?.driverError?.constraint).toBe('owner_one_per_account');
  });

  it('links at sign-up with the number the roll holds, and tells that number', async () => {
    const [letter] = await building1Owners();
    await t.dataSource.query(`UPDATE owner SET phone = '13912346001' WHERE id = $1`, [letter!.personId]);
    const { res, session } = await newAccount('13912346001', { invitationCode: letter!.code });
    expect(res.status).toBe(201);
    expect((res.body as { invitation: string }).invitation).toBe('linked');
    const roll = await session.get<MyRollDto>('/api/me/roll');
    expect(roll.body.compounds[0]!.unitName).toBe('御水岸');
    const notice = sms.filter((m) => m.phone === '13912346001').at(-1)!;
    expect(notice.text).toMatch(/已与议事账号 139\*\*\*\*6001 关联/);
  });

  it('creates the account unlinked when another number signs up, and links with a code sent to the roll phone', async () => {
    const [letter] = await building1Owners();
    await t.dataSource.query(`UPDATE owner SET phone = '13912346002' WHERE id = $1`, [letter!.personId]);
    const { res, session } = await newAccount('13912346003', { invitationCode: letter!.code });
    expect(res.status).toBe(201);
    expect((res.body as { invitation: string }).invitation).toBe('proof_needed');
    expect((await session.get<MyRollDto>('/api/me/roll')).body.compounds).toEqual([]);

    const check = await session.post<{ methods: unknown; unitName: string; label: string }>('/api/me/invitations/check', { code: letter!.code });
    expect(check.body).toMatchObject({ unitName: '御水岸', methods: { phoneMatches: false, rollPhone: '139****6002', idNumber: false } });
    const sent = await session.post<{ sentTo: string }>('/api/me/invitations/phone-code', { code: letter!.code });
    expect(sent.status).toBe(200);
    expect(sent.body.sentTo).toBe('139****6002');
    // The code went to the roll's number, not to the account's.
    const code = /验证码 (\d{6})/.exec(sms.filter((m) => m.phone === '13912346002').at(-1)!.text)![1]!;
    expect(sms.filter((m) => m.phone === '13912346003' && m.text.includes(code))).toEqual([]);
    // Sending again at once is throttled.
    expect((await session.post('/api/me/invitations/phone-code', { code: letter!.code })).status).toBe(429);

    const wrong = await session.post<ErrorBody>('/api/me/invitations', { code: letter!.code, phoneCode: code === '000000' ? '111111' : '000000' });
    expect(wrong.body.code).toBe('INVITATION_PROOF_FAILED');
    expect((await session.post('/api/me/invitations', { code: letter!.code, phoneCode: code })).status).toBe(204);
    expect((await session.get<MyRollDto>('/api/me/roll')).body.compounds[0]!.unitName).toBe('御水岸');
    expect(sms.filter((m) => m.phone === '13912346002').at(-1)!.text).toMatch(/已与议事账号 139\*\*\*\*6003 关联/);

    // The same account cannot take a second owner of the compound, whatever it proves.
    const second = (await building1Owners()).find((p) => p.personId !== letter!.personId)!;
    await t.dataSource.query(`UPDATE owner SET phone = '13912346003' WHERE id = $1`, [second.personId]);
    const refused = await session.post<ErrorBody>('/api/me/invitations', { code: second.code });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ONE_PERSON_PER_ACCOUNT');
  });

  it('links by the identity number the roll holds, and revokes a letter after five wrong answers', async () => {
    const [first, second] = [...new Map((await building1Owners()).map((o) => [o.personId, o])).values()];
    await t.dataSource.query(`UPDATE owner SET id_number_hash = $2, id_last4 = $3 WHERE id = $1`, [first!.personId, keyedHash(TEST_SECRET.key, 'id-number', ID_NUMBER_X), ID_NUMBER_X.slice(-4)]);
    const { session } = await newAccount('13912346004');
    const typed = ` ${ID_NUMBER_X.slice(0, 6)} ${ID_NUMBER_X.slice(6).toLowerCase()} `;
    expect((await session.post('/api/me/invitations', { code: first!.code, idNumber: typed })).status).toBe(204);

    const { session: guesser } = await newAccount('13912346005');
    const answers: { status: number; body: ErrorBody }[] = [];
    for (let i = 0; i < 5; i += 1) {
      answers.push(await guesser.post<ErrorBody>('/api/me/invitations', { code: second!.code, idNumber: `44060519600101${String(1000 + i)}` }));
      await t.dataSource.query(`DELETE FROM rate_limit_bucket`);
    }
    expect(answers.map((a) => a.body.details?.['attemptsLeft'])).toEqual([4, 3, 2, 1, 0]);
    const after = await guesser.post<ErrorBody>('/api/me/invitations/check', { code: second!.code });
    expect(after.body.code).toBe('INVALID_INVITATION');
  });

  it('throttles wrong answers per account as wrong codes are', async () => {
    const [letter] = await building1Owners();
    const { session } = await newAccount('13912346006');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await session.post('/api/me/invitations', { code: letter!.code, idNumber: `44060519600101${String(2000 + i)}` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('lets community staff undo a link, with a reason, and nobody else', async () => {
    const [letter] = await building1Owners();
    await t.dataSource.query(`UPDATE owner SET phone = '13912346007' WHERE id = $1`, [letter!.personId]);
    const { session } = await newAccount('13912346007', { invitationCode: letter!.code });
    const [voter] = await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND person_type = 'owner' AND person_id = $2`, [
      openVote,
      letter!.personId,
    ]);
    expect((await session.post(`/api/votes/${openVote}/ballots`, { choice: 'approve', voterId: voter!.voter_id })).status).toBe(200);

    const path = `/api/units/${yushuian}/links/owner/${letter!.personId}/unlink`;
    expect((await head.post(path, { reason: '邀请函被他人冒用' })).status).toBe(403);
    const zhongquStaff = await HttpSession.signedIn(t.baseUrl, '13800000003', DEMO_PASSWORD);
    expect((await zhongquStaff.post(path, { reason: '邀请函被他人冒用' })).status).toBe(404);
    expect((await daxuStaff.post<ErrorBody>(path, {})).status).toBe(400);
    const undone = await daxuStaff.post<{ openVotesWithBallot: number }>(path, { reason: '邀请函被他人冒用' });
    expect(undone.status).toBe(200);
    expect(undone.body.openVotesWithBallot).toBe(1);

    expect((await session.get<MyRollDto>('/api/me/roll')).body.compounds).toEqual([]);
    // Casting for the person through this account is over (refused as outside the unit, or as not eligible).
    expect([403, 404]).toContain((await session.post<ErrorBody>(`/api/votes/${openVote}/ballots`, { choice: 'oppose', voterId: voter!.voter_id })).status);
    const [entry] = await t.dataSource.query<{ after: { reason: string }; actor: string }[]>(
      `SELECT a.after, u.phone AS actor FROM audit_entry a JOIN app_user u ON u.id = a.actor_id WHERE a.action = 'roll.unlink' AND a.entity_id = $1`,
      [letter!.personId],
    );
    expect(entry).toMatchObject({ actor: '13800000004', after: { reason: '邀请函被他人冒用' } });
    const inbox = await session.get<{ items: { kind: string }[] }>('/api/me/notifications');
    expect(inbox.body.items.map((n) => n.kind)).toContain('roll_unlinked');
    expect(sms.filter((m) => m.phone === '13912346007').at(-1)!.text).toMatch(/解除/);
    // The roll entry is free again: a second undo has nothing to undo.
    expect((await daxuStaff.post<ErrorBody>(path, { reason: '再次解除' })).status).toBe(409);
  });
});
