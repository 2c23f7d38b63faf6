/**
 * What the browser tests share: the address of the app the global setup started, the SMS codes
 * the log provider wrote, signing in and up as a person would, a fresh phone, and the checks
 * every page should pass (no script errors, no sideways scrolling at 360 px), and the API as one
 * person for what a test sets up or checks behind the screen.
 */
import fs from 'node:fs';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, request } from '@playwright/test';

export const PASSWORD = 'yishi-demo-2026';
/** Staff of 中区社区, whose unit is 南村经济社 (a cooperative). */
export const STAFF_ZHONGQU = '13800000003';
/** Staff of 大圩社区, whose unit is 御水岸 (a compound). */
export const STAFF_DAXU = '13800000004';
export const RESIDENT_NANCUN = '13800000011';

export const baseUrl = (): string => {
  const url = process.env['YISHI_E2E_BASE_URL'];
  if (!url) throw new Error('the global setup did not start Yishi');
  return url;
};

/** The last sign-up (or password-reset) code the log SMS provider wrote for `phone`, or null. */
export function lastSmsCode(phone: string): string | null {
  const file = process.env['YISHI_E2E_SERVER_LOG'];
  if (!file) throw new Error('the global setup did not capture the server log');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const codes = [...text.matchAll(new RegExp(`SMS to ${phone}: 【议事】(?:重设密码)?验证码 (\\d{6})`, 'g'))];
  return codes.at(-1)?.[1] ?? null;
}

export async function smsCodeFor(phone: string): Promise<string> {
  await expect.poll(() => lastSmsCode(phone), { timeout: 10_000, message: `no SMS code for ${phone} in the server log` }).not.toBeNull();
  return lastSmsCode(phone)!;
}

/** Problems a person would not see but that break the page: script errors, refused requests. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // The API's refusals (401, 403, 404, 409, 429) are logged by the browser as failed loads: expected here.
    if (message.type() === 'error' && !/status of (40[0-9]|429)/.test(message.text())) problems.push(message.text());
  });
  return problems;
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

export async function signIn(page: Page, phone: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** A fresh browser profile (no cookies), at the suite's phone settings. */
export async function freshContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return { context, page: await context.newPage() };
}

/** A page signed in as `phone`, who lands in the console, and the problems its console reports. */
export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function signedInToConsole(context: BrowserContext, page: Page, phone: string): Promise<ConsolePage> {
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, phone);
  await expect(page).toHaveURL(/\/console$/);
  return { context, page, problems };
}

/** `phone` signed in to the console in a browser of its own, at desk size (1280 × 900) or the size given (a room's screen). */
export async function desktop(browser: Browser, phone: string, viewport = { width: 1280, height: 900 }): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return signedInToConsole(context, await context.newPage(), phone);
}

/** `phone` signed in to the console on a phone (a fresh profile at the suite's phone settings). */
export async function consoleOnPhone(browser: Browser, phone: string): Promise<ConsolePage> {
  const { context, page } = await freshContext(browser);
  return signedInToConsole(context, page, phone);
}

/**
 * From the console's start, on to 发起表决 of the unit whose link matches `unit`, and the
 * multi-matter ballot (表决票) chosen there instead of the single question it starts with.
 */
export async function consoleNewVote(page: Page, unit: RegExp): Promise<void> {
  await page.goto(`${baseUrl()}/console`);
  await page.getByRole('link', { name: unit }).first().click();
  await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '表决' }).click();
  await page.getByRole('link', { name: '发起表决' }).click();
  await expect(page.getByRole('button', { name: '单项表决' })).toHaveAttribute('aria-pressed', 'true');
  const ballot = page.getByRole('button', { name: '多项事项表决票（业主大会、成员大会）' });
  await ballot.click();
  await expect(ballot).toHaveAttribute('aria-pressed', 'true');
}

/**
 * Adds a matter to the ballot on 发起表决 — a motion (议案) or an election (选举) — as matter
 * `number`, with its short name, its text and, if given, its category; returns its list item.
 */
export async function addMatter(page: Page, kind: '议案' | '选举', number: number, matter: { name: string; text: string; category?: string }): Promise<Locator> {
  await page.getByRole('button', { name: `添加${kind}` }).click();
  const item = page.getByRole('listitem', { name: `第 ${number} 项（${kind}）` });
  await item.getByLabel('事项简称').fill(matter.name);
  await item.getByLabel('表决内容').fill(matter.text);
  if (matter.category) await item.getByLabel('事项类别').selectOption(matter.category);
  return item;
}

/** Adds the candidates of an election matter, each with a short profile; ticks written consent for those who gave it. */
export async function addCandidates(election: Locator, candidates: { name: string; profile: string; consented: boolean }[]): Promise<void> {
  for (const [i, candidate] of candidates.entries()) {
    if (i > 0) await election.getByRole('button', { name: '添加候选人' }).click();
    const row = election.getByRole('listitem', { name: `候选人 ${i + 1}` });
    await row.getByLabel(`候选人 ${i + 1} 姓名`).fill(candidate.name);
    await row.getByLabel('简介').fill(candidate.profile);
    if (candidate.consented) await row.getByRole('checkbox', { name: /本人已书面同意参选/ }).check();
  }
}

/** The groups of four a code is printed and typed in: `482109375512` → `4821 0937 5512`. */
export const groupedCode = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Sign-up through both steps, with the SMS code read from the server log. */
export async function signUpWithLetter(page: Page, code: string, phone: string): Promise<void> {
  await page.goto(`${baseUrl()}/signup?code=${code}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('注册');
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(/验证码已发送到 \d{3}\*{4}\d{4}/)).toBeVisible();
  await expect(page.getByRole('button', { name: /秒后可重新获取/ })).toBeDisabled();
  // The code from the letter's QR code is filled in, in groups of four as printed.
  await expect(page.getByLabel('邀请码（选填）')).toHaveValue(groupedCode(code));
  // With an invitation code, the name comes from the roll: no name field.
  await expect(page.getByLabel('您的称呼')).toHaveCount(0);
  await page.getByLabel('短信验证码').fill(await smsCodeFor(phone));
  await page.getByLabel('设置密码').fill('lantern-river-42');
  await page.getByRole('button', { name: '注册', exact: true }).click();
}

/** Sign-up without a letter (the name typed in), as someone does before being linked in person. */
export async function signUpWithoutLetter(page: Page, phone: string, name: string): Promise<void> {
  await page.goto(`${baseUrl()}/signup`);
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(/验证码已发送到 \d{3}\*{4}\d{4}/)).toBeVisible();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(phone));
  await page.getByLabel('设置密码').fill('lantern-river-42');
  await page.getByLabel('您的称呼').fill(name);
  await page.getByRole('button', { name: '注册', exact: true }).click();
}

/** The API as one person: writes carry the session's CSRF token; a refused request throws with its status and body. */
export interface PersonApi {
  /** The request context, whose cookies are the person's session. */
  api: APIRequestContext;
  csrf: string;
  /** The node of the person's role (of `role`, when given) on the node named `name`, e.g. 御水岸. */
  nodeNamed(name: string, role?: string): string;
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, data?: unknown): Promise<T>;
  write<T = unknown>(method: 'POST' | 'PUT', path: string, data?: unknown): Promise<T>;
}

interface Session {
  user: { grants: { role: string; nodeId: string; nodeName: string }[] } | null;
  csrfToken: string | null;
}

function personApi(api: APIRequestContext, session: Session, who: string): PersonApi {
  if (!session.user || !session.csrfToken) throw new Error(`${who} is not signed in`);
  const { user, csrfToken: csrf } = session;
  const body = async <T>(what: string, response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> => {
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? null : await response.json()) as T;
  };
  const write = async <T>(method: 'POST' | 'PUT', path: string, data?: unknown): Promise<T> =>
    body<T>(`${method} ${path}`, await api.fetch(`${baseUrl()}${path}`, { method, data: data ?? {}, headers: { 'x-csrf-token': csrf } }));
  return {
    api,
    csrf,
    nodeNamed(name, role) {
      const grant = user.grants.find((g) => g.nodeName === name && (!role || g.role === role));
      if (!grant) throw new Error(`${who} holds no ${role ?? 'role'} on ${name}`);
      return grant.nodeId;
    },
    get: async <T>(path: string) => body<T>(`GET ${path}`, await api.get(`${baseUrl()}${path}`)),
    post: <T>(path: string, data?: unknown) => write<T>('POST', path, data),
    write,
  };
}

/** The API as `phone`, signed in on a request context of its own (dispose of `api` afterwards). */
export async function apiAs(phone: string, password = PASSWORD): Promise<PersonApi> {
  const api = await request.newContext({ baseURL: baseUrl() });
  const login = await api.post('/api/auth/login', { data: { phone, password } });
  expect(login.status()).toBe(200);
  return personApi(api, (await login.json()) as Session, phone);
}

/**
 * The API as whoever is signed in on this page (its cookies): no second sign-in, which matters as
 * sign-ins are throttled per address and the whole suite signs in from 127.0.0.1.
 */
export async function apiOf(page: Page): Promise<PersonApi> {
  const session = (await (await page.request.get(`${baseUrl()}/api/auth/session`)).json()) as Session;
  return personApi(page.request, session, 'the person on this page');
}

/** A reason of substance, for tests that open a vote before its legal notice has run. */
export const SHORTENING_REASON = '消防检查限期整改，须在期限前完成表决，业委会决议提前开始';

/**
 * Opens a scheduled vote now, before its legal notice has run (or with less than its shortest
 * period), as the platform allows it: its pending shortening request is approved by `approver` —
 * staff of the community or street above the unit, who neither asked nor announced it — and
 * `convenor` opens it.
 */
export async function openWithApproval(convenor: PersonApi, approver: PersonApi, voteId: string): Promise<void> {
  const vote = await convenor.get<{ shortening: { id: string; status: string } | null }>(`/api/votes/${voteId}`);
  if (vote.shortening?.status !== 'pending') throw new Error(`vote ${voteId} has no pending shortening to approve`);
  await approver.post(`/api/shortenings/${vote.shortening.id}/decision`, { outcome: 'approved', note: '已核实情况属实，同意提前' });
  await convenor.post(`/api/votes/${voteId}/open`);
}

/**
 * A consultation of `unit` opened for comment through the API, as its convenor would from the
 * console: created, its draft (version 1, titled 「<title>（草案）」 unless `draftTitle` says
 * otherwise) written and published, and the comment phase begun.
 * Returns the consultation and its draft's articles.
 */
export async function openForComment(
  convenor: PersonApi,
  unit: string,
  consultation: { title: string; summary: string; preamble: string; clauses: { heading: string; body: string }[]; draftTitle?: string },
): Promise<{ id: string; clauses: { id: string; number: number }[] }> {
  const { id } = await convenor.write<{ id: string }>('POST', `/api/nodes/${unit}/consultations`, {
    title: consultation.title,
    summary: consultation.summary,
    ruleSet: 'cc278-ordinary',
  });
  await convenor.write('POST', `/api/consultations/${id}/versions`);
  const version = await convenor.write<{ clauses: { id: string; number: number }[] }>('PUT', `/api/consultations/${id}/versions/1`, {
    title: consultation.draftTitle ?? `${consultation.title}（草案）`,
    preamble: consultation.preamble,
    clauses: consultation.clauses,
  });
  await convenor.write('POST', `/api/consultations/${id}/versions/1/publish`);
  await convenor.write('POST', `/api/consultations/${id}/phase`, { to: 'comment' });
  return { id, clauses: version.clauses };
}
