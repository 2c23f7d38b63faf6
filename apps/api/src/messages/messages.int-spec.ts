/**
 * Messages beyond the app, against local stand-ins for an SMS gateway and WeChat's API over real
 * HTTP, with two API instances on one database: a person's channel (SMS, WeChat once bound, or the
 * app only) and muted kinds are kept; reminders reach only those who have not taken part, once
 * each although both instances run the jobs at the same moment; failures are tried again (a busy
 * gateway, an expired WeChat token) or given up (a bad number), and every text is in the log.
 */
import type { YishiApp } from '../app.factory';
import type { ErrorBody } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { Notification } from '../notifications/entities/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { RemindersService } from '../votes/ballots/reminders.service';
import type { FakeSmsGateway, FakeWechat } from '../../test/fake-message-servers';
import { fakeSmsGateway, fakeWechat } from '../../test/fake-message-servers';
import type { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp, TEST_SECRET } from '../../test/test-app';
import { createAccount, createCompound, grant, openWithApproval, SHORTENING_REASON, signIn } from '../../test/vote-fixtures';
import { loadEnv } from '../config/env';
import type { Env } from '../config/env';
import type { MessagePreferencesDto } from './messages.dto';
import { MessagesService } from './messages.service';

const HOUR = 3600_000;
const PUBLIC_URL = 'https://yishi.example.cn';
const PHONES = { a: '13500000001', b: '13500000002', c: '13500000003', d: '13500000004', e: '13500000005' };

describe('messages beyond the app: channels, reminders to those missing, one text each across two instances', () => {
  let sms: FakeSmsGateway;
  let wx: FakeWechat;
  let t: TestApp;
  let second: YishiApp;
  let env: Env;
  let unitId: string;
  let users: Record<string, string>;
  let staff: HttpSession;
  let street: HttpSession;
  const people: Record<string, HttpSession> = {};

  const both = <T>(run: (app: YishiApp) => Promise<T>): Promise<[T, T]> => Promise.all([run(t.app), run(second)]);
  const route = (): Promise<[number, number]> => both((app) => app.get(NotificationsService).deliverPending());
  const sendAll = (at: () => Date = () => new Date()): Promise<unknown> => both((app) => app.get(MessagesService).sendDue(at));
  const deliveries = (ds: DataSource, kind: string): Promise<{ user_id: string; channel: string; state: string; attempts: number; last_error: string | null }[]> =>
    ds.query(`SELECT d.user_id, d.channel, d.state, d.attempts, d.last_error FROM message_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.kind = $1 ORDER BY d.address`, [kind]);

  beforeAll(async () => {
    sms = await fakeSmsGateway();
    wx = await fakeWechat();
    const overrides: Partial<Env> = {
      SMS_PROVIDER: 'http',
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_TOKEN: sms.token,
      WECHAT_APP_ID: wx.appId,
      WECHAT_APP_SECRET: wx.secret,
      WECHAT_TEMPLATE_ID: wx.templateId,
      WECHAT_API_BASE: wx.url,
      PUBLIC_URL,
      MESSAGE_QUIET_HOURS: 'none',
    };
    t = await startTestApp(overrides);
    env = { ...loadEnv({}), LOG_LEVEL: 'error', DEMO_DATA: false, PORT: 0, JOBS: false, ...overrides };
    // A second instance on the same database, as behind a load balancer.
    second = await createApp({ env, databaseUrl: t.databaseUrl, secret: TEST_SECRET });
    await second.init();

    const [streetNode] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('m-street', 'street', '桂城街道', NULL) RETURNING id`);
    const [community] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('m-daxu', 'community', '大圩社区', $1) RETURNING id`, [streetNode!.id]);
    const compound = await createCompound(t.dataSource, {
      code: 'm-yushuian',
      name: '御水岸',
      parent: 'm-daxu',
      units: ['1-101', '1-102', '1-103', '1-104', '1-105', '1-106'].map((number) => ({ number, building: '1栋', area: 10000 })),
      owners: [
        { key: 'a', name: '甲', phone: PHONES.a, units: [{ number: '1-101' }] },
        { key: 'b', name: '乙', phone: PHONES.b, units: [{ number: '1-102' }] },
        { key: 'c', name: '丙', phone: PHONES.c, units: [{ number: '1-103' }] },
        { key: 'd', name: '丁', phone: PHONES.d, units: [{ number: '1-104' }] },
        { key: 'e', name: '戊', phone: PHONES.e, units: [{ number: '1-105' }] },
        { key: 'f', name: '己（没有账号）', units: [{ number: '1-106' }] },
      ],
    });
    unitId = compound.unitId;
    users = compound.users;
    await grant(t.dataSource, await createAccount(t.dataSource, '13500000100', '大圩社区 工作人员'), community!.id, 'staff');
    await grant(t.dataSource, await createAccount(t.dataSource, '13500000101', '桂城街道 工作人员'), streetNode!.id, 'staff');
    staff = await signIn(t.dataSource, t.baseUrl, '13500000100');
    street = await signIn(t.dataSource, t.baseUrl, '13500000101');
    for (const [key, phone] of Object.entries(PHONES)) people[key] = await signIn(t.dataSource, t.baseUrl, phone);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await sms?.close();
    await wx?.close();
  });

  it('keeps each person’s channel: the app only, muted kinds, and WeChat bound through its own sign-in', async () => {
    const fresh = await people['a']!.get<MessagePreferencesDto>('/api/me/message-preferences');
    expect(fresh.body).toMatchObject({ channel: 'sms', mutedKinds: [], wechatBound: false, wechatAvailable: true, recent: [] });

    expect((await people['b']!.put<MessagePreferencesDto>('/api/me/message-preferences', { channel: 'app', mutedKinds: [] })).body.channel).toBe('app');
    expect((await people['d']!.put<MessagePreferencesDto>('/api/me/message-preferences', { channel: 'sms', mutedKinds: ['vote_opened'] })).body.mutedKinds).toEqual(['vote_opened']);
    expect((await people['d']!.put<ErrorBody>('/api/me/message-preferences', { channel: 'pigeon', mutedKinds: [] })).status).toBe(400);
    expect((await people['d']!.put<ErrorBody>('/api/me/message-preferences', { channel: 'sms', mutedKinds: ['vote_final'] })).status).toBe(400);
    // WeChat needs a bound WeChat first.
    const early = await people['c']!.put<ErrorBody>('/api/me/message-preferences', { channel: 'wechat', mutedKinds: [] });
    expect([early.status, early.body.details]).toEqual([409, { reason: 'wechat_not_bound' }]);

    const start = await people['c']!.post<{ authorizeUrl: string }>('/api/me/wechat/binding');
    expect(start.status).toBe(200);
    const authorize = new URL(start.body.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://open.weixin.qq.com/connect/oauth2/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ appid: wx.appId, redirect_uri: `${PUBLIC_URL}/api/me/wechat/callback`, scope: 'snsapi_base', response_type: 'code' });
    const state = authorize.searchParams.get('state')!;

    // Someone else cannot finish c's sign-in into their own account (nor bind c's WeChat to it).
    const stolen = await people['a']!.request('GET', `/api/me/wechat/callback?code=${wx.codeFor('openid-stolen-01')}&state=${state}`, undefined, { redirect: 'manual' });
    expect([stolen.status, stolen.headers.get('location')]).toEqual([302, '/me/messages?wechat=failed&reason=wechat_binding_failed']);
    expect((await people['a']!.request('GET', '/api/me/wechat/callback?code=x&state=<script>', undefined, { redirect: 'manual' })).status).toBe(400);

    const back = await people['c']!.request('GET', `/api/me/wechat/callback?code=${wx.codeFor('openid-c-000001')}&state=${state}`, undefined, { redirect: 'manual' });
    expect([back.status, back.headers.get('location')]).toEqual([302, '/me/messages?wechat=bound']);
    expect((await people['c']!.get<MessagePreferencesDto>('/api/me/message-preferences')).body).toMatchObject({ channel: 'wechat', wechatBound: true });
    expect((await people['a']!.get<MessagePreferencesDto>('/api/me/message-preferences')).body.wechatBound).toBe(false);

    const audited = await t.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_entry WHERE action LIKE 'messages.%' ORDER BY occurred_at`);
    expect(audited.map((r) => r.action)).toEqual(['messages.preference', 'messages.preference', 'messages.wechat_bound']);
  });

  it('texts the opening of a vote by each one’s channel and reminds only those who have not voted, once each with two instances running the jobs', async () => {
    const created = await staff.post<{ id: string; closesAt: string }>(`/api/units/${unitId}/votes`, {
      title: '更换1栋电梯',
      question: '是否同意使用维修资金更换1栋电梯？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      shorteningReason: SHORTENING_REASON,
      reminderHoursBefore: [24],
    });
    expect(created.status).toBe(201);
    const voteId = created.body.id;
    const closesAt = new Date(created.body.closesAt);
    await openWithApproval(staff, street, voteId);
    expect((await people['a']!.post(`/api/votes/${voteId}/ballots`, { choice: 'approve' })).status).toBe(200);

    // Both instances route the inbox's outbox and send at the same time.
    sms.failNext(PHONES.e, 400);
    const [r1, r2] = await route();
    expect(r1 + r2).toBeGreaterThan(0);
    await sendAll();
    // The opening: a by SMS with the link and how to opt out; c by WeChat; b (app only) and d (muted) nothing; e's number is refused, once.
    expect(sms.accepted.map((m) => m.to)).toEqual([PHONES.a]);
    expect(sms.accepted[0]!.text).toContain('【议事】“更换1栋电梯”开始投票');
    expect(sms.accepted[0]!.text).toContain(`${PUBLIC_URL}/votes/${voteId}`);
    expect(sms.accepted[0]!.text).toContain('不想收短信');
    expect(sms.requests.filter((r) => r.to === PHONES.e).map((r) => r.status)).toEqual([400]);
    expect(wx.sent).toHaveLength(1);
    expect(wx.sent[0]).toMatchObject({ touser: 'openid-c-000001', template_id: wx.templateId, url: `${PUBLIC_URL}/votes/${voteId}`, data: { thing1: { value: '投票开始，请参加' }, thing2: { value: '更换1栋电梯' } } });
    expect((await deliveries(t.dataSource, 'vote_opened')).map((d) => [d.user_id, d.channel, d.state])).toEqual([
      [users['a'], 'sms', 'sent'],
      [users['e'], 'sms', 'failed'],
      [users['c'], 'wechat', 'sent'],
    ]);

    // The convenor's reminder, a day before closing: both instances' jobs claim it at once.
    const dayBefore = new Date(closesAt.getTime() - 23 * HOUR);
    const claimed = await both((app) => app.get(RemindersService).remindDue(dayBefore));
    expect(claimed[0] + claimed[1]).toBe(1);
    const reminded = await t.dataSource.query<{ user_id: string }[]>(`SELECT user_id FROM notification WHERE kind = 'vote_reminder' ORDER BY user_id`);
    // Everyone with an account who has not voted, each once; not a, who voted.
    expect(reminded.map((r) => r.user_id)).toEqual([users['b'], users['c'], users['d'], users['e']].sort());

    // The gateway is busy for d the first time, WeChat's token has expired: tried again, sent once.
    sms.failNext(PHONES.d, 503);
    sms.failNext(PHONES.e, 400);
    wx.failNext(40001);
    await route();
    await sendAll(() => dayBefore);
    expect(sms.accepted.filter((m) => m.to === PHONES.d)).toHaveLength(0);
    await sendAll(() => new Date(dayBefore.getTime() + 30 * 60_000));
    await sendAll(() => new Date(dayBefore.getTime() + 60 * 60_000));

    const reminderTexts = sms.accepted.filter((m) => m.text.includes('提醒'));
    expect(reminderTexts.map((m) => m.to)).toEqual([PHONES.d]);
    expect(reminderTexts[0]!.text).toContain('您还没有参加');
    expect(sms.requests.filter((r) => r.to === PHONES.d).map((r) => r.status)).toEqual([503, 200]);
    expect(wx.sent.filter((m) => m.data['thing1']!.value === '您还没有投票').map((m) => m.touser)).toEqual(['openid-c-000001']);
    expect(wx.tokensIssued).toBe(2);
    expect((await deliveries(t.dataSource, 'vote_reminder')).map((d) => [d.user_id, d.channel, d.state, d.attempts])).toEqual([
      [users['d'], 'sms', 'sent', 2],
      [users['e'], 'sms', 'failed', 1],
      [users['c'], 'wechat', 'sent', 1],
    ]);
    // No text went twice.
    const keys = sms.accepted.map((m) => `${m.to}|${m.text}`);
    expect(new Set(keys).size).toBe(keys.length);

    // The convenor sees the reminder went out, and to how many; a resident does not.
    const view = await staff.get<{ reminders: { hoursBefore: number; sentAt: string | null; recipients: number | null }[] }>(`/api/votes/${voteId}/reminders`);
    expect(view.body.reminders).toMatchObject([{ hoursBefore: 24, recipients: 4 }]);
    expect(view.body.reminders[0]!.sentAt).not.toBeNull();
    expect((await people['b']!.get(`/api/votes/${voteId}/reminders`)).status).toBe(403);
    expect((await people['b']!.put(`/api/votes/${voteId}/reminders`, { hoursBefore: [2] })).status).toBe(403);
    // A reminder before voting opened is refused; a later one is added, the one sent stays on record.
    const early = await staff.put<ErrorBody>(`/api/votes/${voteId}/reminders`, { hoursBefore: [100] });
    expect([early.status, (early.body.details as { fields: { reasons: string[] }[] }).fields[0]!.reasons]).toEqual([400, ['beforeOpening']]);
    const later = await staff.put<{ reminders: { hoursBefore: number; sentAt: string | null }[] }>(`/api/votes/${voteId}/reminders`, { hoursBefore: [2] });
    expect(later.body.reminders.map((r) => [r.hoursBefore, r.sentAt !== null])).toEqual([
      [24, true],
      [2, false],
    ]);

    // Each person sees their own texts and what became of them.
    const mine = await people['d']!.get<MessagePreferencesDto>('/api/me/message-preferences');
    expect(mine.body.recent.map((r) => [r.channel, r.state])).toEqual([['sms', 'sent']]);
    expect(mine.body.recent[0]!.text).toContain('更换1栋电梯');
  });

  it('keeps the daily limit, does not send what has passed, and never resends a text interrupted mid-way', async () => {
    const notifications = t.app.get(NotificationsService);
    const x = await createAccount(t.dataSource, '13500000009', '某业主');
    await t.dataSource.transaction(async (m) => {
      for (let i = 1; i <= env.MESSAGES_PER_DAY + 1; i += 1) await notifications.notify(m, [x], 'consultation_opened', { title: `议事 ${i}` }, `/consultations/${i}`);
      await notifications.notify(m, [x], 'vote_opened', { title: '早已截止的表决', closesAt: new Date(Date.now() - HOUR).toISOString() }, '/votes/old');
    });
    await route();
    const rows = await t.dataSource.query<{ state: string; last_error: string | null }[]>(`SELECT state, last_error FROM message_delivery WHERE user_id = $1 ORDER BY created_at, body`, [x]);
    expect(rows.filter((r) => r.state === 'pending')).toHaveLength(env.MESSAGES_PER_DAY);
    expect(rows.filter((r) => r.state === 'skipped').map((r) => r.last_error!.split(':')[0]).sort()).toEqual(['daily limit', 'expired']);

    // A text left `sending` by an instance that stopped: marked failed, not sent again.
    await t.dataSource.query(`UPDATE message_delivery SET state = 'sending', claimed_at = now() - interval '20 minutes' WHERE id = (SELECT id FROM message_delivery WHERE user_id = $1 AND state = 'pending' LIMIT 1)`, [x]);
    const before = sms.requests.length;
    await sendAll();
    expect(sms.requests.length - before).toBe(env.MESSAGES_PER_DAY - 1);
    const [interrupted] = await t.dataSource.query<{ state: string; last_error: string }[]>(`SELECT state, last_error FROM message_delivery WHERE user_id = $1 AND last_error LIKE 'interrupted%'`, [x]);
    expect(interrupted?.state).toBe('failed');
  });

  it('keeps the daily limit when two instances hand out the same person’s notices at once', async () => {
    const x = await createAccount(t.dataSource, '13500000008', '另一位业主');
    await t.dataSource.transaction(async (m) => {
      for (let i = 1; i <= env.MESSAGES_PER_DAY + 2; i += 1) await t.app.get(NotificationsService).notify(m, [x], 'consultation_opened', { title: `并发议事 ${i}` }, `/consultations/c${i}`);
    });
    const notices = await t.dataSource.getRepository(Notification).find({ where: { userId: x }, order: { createdAt: 'ASC', id: 'ASC' } });
    const half = Math.ceil(notices.length / 2);
    // The first instance has logged its half and not committed yet when the second hands out the rest.
    let commitFirst!: () => void;
    const held = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstLogged!: () => void;
    const logged = new Promise<void>((resolve) => (firstLogged = resolve));
    const first = t.dataSource.transaction(async (m) => {
      await t.app.get(MessagesService).deliver(m, notices.slice(0, half));
      firstLogged();
      await held;
    });
    await logged;
    let secondDone = false;
    const secondRun = second
      .get(DataSource)
      .transaction((m) => second.get(MessagesService).deliver(m, notices.slice(half)))
      .then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 300));
    // It waits for the first to end, then counts what the first committed.
    expect(secondDone).toBe(false);
    commitFirst();
    await Promise.all([first, secondRun]);
    const states = await t.dataSource.query<{ state: string }[]>(`SELECT state FROM message_delivery WHERE user_id = $1`, [x]);
    expect(states.filter((r) => r.state === 'pending')).toHaveLength(env.MESSAGES_PER_DAY);
    expect(states.filter((r) => r.state === 'skipped')).toHaveLength(2);
  });
});
