/**
 * The resident's first page (`npm run bench:first-page`): opens the resident pages of the built app
 * on a phone with an empty cache, over Chromium's "Slow 4G" with the CPU slowed four times, and
 * prints per page the JavaScript the browser downloaded to show the page (bytes on the wire, in the
 * encoding the server chose) and the First Contentful Paint, against the aims: at most 150 kB of
 * JavaScript compressed, first content in under 2 s. It prints when the app's own first render
 * reached the page too (its navigation bar in the DOM), as index.html carries the header bar for
 * the first paint, and when the page's own content did (its heading in <main>): the JavaScript
 * counted is everything fetched until then and the network is quiet after it, the page's lazy
 * chunk included. A measurement, not a test: it never fails on a figure.
 */
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { test } from '@playwright/test';
import { apiAs, openWithApproval, SHORTENING_REASON, STAFF_DAXU } from '../browser/support';

const PASSWORD = 'yishi-demo-2026';
/** 御水岸 owner of the demo data: an open vote and an open consultation wait on 「我的」. */
const OWNER = '13800000012';
/** 御水岸's convenor (owners' committee chair), who holds the vote whose result notice is opened. */
const CONVENOR = '13800000006';

/**
 * Chromium DevTools' "Slow 4G" preset, as DevTools sets it (front_end/core/sdk/NetworkManager.ts,
 * `Slow4GConditions`; the preset called "Fast 3G" until May 2024, renamed to match Lighthouse's
 * mobile throttling): ~1.6 Mbit/s down and ~750 kbit/s up, each × 0.9, and a 150 ms round trip
 * × 3.75. That is 180,000 B/s down, 84,375 B/s up and 562.5 ms latency, the values DevTools' own
 * unit test expects from `Network.emulateNetworkConditions`.
 */
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};
/** DevTools' "4× slowdown" (Emulation.setCPUThrottlingRate). */
const CPU_SLOWDOWN = 4;
/** The aims of issue 16 point 4, in bytes (kB = 1,000 bytes, as Vite reports sizes) and milliseconds. */
const JS_AIM_BYTES = 150_000;
const FCP_AIM_MS = 2_000;
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));

interface PageToOpen {
  name: string;
  /** The phone signed in before the page is opened, if any. */
  as?: string;
  /** The path, found with the signed-in request context when it depends on the data. */
  path: (api: APIRequestContext) => Promise<string>;
}

interface OpenMatters {
  votes: { id: string; unitId: string }[];
  consultations: { id: string }[];
}

const baseUrl = (): string => {
  const url = process.env['YISHI_E2E_BASE_URL'];
  if (!url) throw new Error('the global setup did not start Yishi');
  return url;
};

async function openMatters(api: APIRequestContext): Promise<OpenMatters> {
  const response = await api.get(`${baseUrl()}/api/me/open-matters`);
  if (!response.ok()) throw new Error(`open matters: ${response.status()}`);
  return (await response.json()) as OpenMatters;
}

function first(what: string, ids: { id: string }[]): string {
  const id = ids[0]?.id;
  if (!id) throw new Error(`the demo owner has no open ${what}`);
  return id;
}

/**
 * A counted vote of 御水岸 that the owner voted on, for its result notice. The demo data has none
 * (its owners' vote stays open for two weeks), so the bench makes one the way the browser tests
 * do (vote-public.e2e.ts): opened at once with 大圩社区's approval, the owner votes, it closes
 * seconds later and the closing job counts it. Made once, when the page comes up: the pages
 * measured before it see the demo data as it was seeded.
 */
let closedVote: Promise<string> | null = null;
async function makeClosedVote(): Promise<string> {
  const convenor = await apiAs(CONVENOR);
  const closesAt = Date.now() + 15_000;
  const vote = await convenor.post<{ id: string }>(`/api/units/${convenor.nodeNamed('御水岸', 'convenor')}/votes`, {
    title: '是否同意更换小区门禁系统（已计票）',
    question: '是否同意更换小区门禁系统？',
    ruleSet: 'cc278-ordinary',
    matterKinds: ['owners-other'],
    opensAt: new Date().toISOString(),
    closesAt: new Date(closesAt).toISOString(),
    shorteningReason: SHORTENING_REASON,
  });
  const staff = await apiAs(STAFF_DAXU);
  await openWithApproval(convenor, staff, vote.id);
  const owner = await apiAs(OWNER);
  await owner.post(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
  // The closer runs every 5 s (sealing.service.ts) and counts as it closes.
  for (;;) {
    if ((await convenor.get<{ status: string }>(`/api/votes/${vote.id}`)).status === 'closed') break;
    if (Date.now() > closesAt + 60_000) throw new Error(`the vote ${vote.id} was not closed a minute after its closing time`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await Promise.all([convenor, staff, owner].map((person) => person.api.dispose()));
  return vote.id;
}

const PAGES: PageToOpen[] = [
  { name: 'home (signed out)', path: () => Promise.resolve('/') },
  { name: 'sign-in (signed out)', path: () => Promise.resolve('/login') },
  { name: 'home (owner)', as: OWNER, path: () => Promise.resolve('/') },
  { name: '「我的」 /me (owner)', as: OWNER, path: () => Promise.resolve('/me') },
  { name: 'a vote (owner)', as: OWNER, path: async (api) => `/votes/${first('vote', (await openMatters(api)).votes)}` },
  { name: 'a consultation (owner)', as: OWNER, path: async (api) => `/consultations/${first('consultation', (await openMatters(api)).consultations)}` },
  {
    name: "a unit's topics (owner)",
    as: OWNER,
    path: async (api) => {
      const unitId = (await openMatters(api)).votes[0]?.unitId;
      if (!unitId) throw new Error('the demo owner has no open vote to find a unit by');
      return `/units/${unitId}/topics`;
    },
  },
  { name: 'a vote result (owner)', as: OWNER, path: async () => `/votes/${await (closedVote ??= makeClosedVote())}/result` },
];

interface Load {
  fcp: number | null;
  /** When the app's first render put its navigation bar in the DOM (ms from navigation start). */
  app: number | null;
  /** When the page's own content was in the DOM: its heading in <main> (every page has one). */
  content: number | null;
  files: { url: string; encoding: string; wire: number; raw: number }[];
}

/** A phone's browser profile with nothing cached, at the browser suite's settings (360 × 780). */
async function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

async function load(browser: Browser, page: PageToOpen): Promise<Load & { path: string }> {
  const context = await phone(browser);
  try {
    if (page.as) {
      const login = await context.request.post(`${baseUrl()}/api/auth/login`, { data: { phone: page.as, password: PASSWORD } });
      if (!login.ok()) throw new Error(`sign-in as ${page.as}: ${login.status()}`);
    }
    const path = await page.path(context.request);
    await context.addInitScript(() => {
      let app = false;
      new MutationObserver((_, observer) => {
        if (!app && document.querySelector('.site-nav')) {
          performance.mark('yishi-app-rendered');
          app = true;
        }
        if (document.querySelector('main h1')) {
          performance.mark('yishi-page-rendered');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const encodings = new Map<string, string>();
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      encodings.set(event.response.url, headers['content-encoding'] ?? 'identity');
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await tab.goto(`${baseUrl()}${path}`, { waitUntil: 'load', timeout: 120_000 });
    // Network idle alone comes too early: under the 4× slower CPU the main chunks take longer than
    // its 500 ms of quiet to run, so it fired before React asked for the page's chunk (every page
    // counted the same 5 files). Wait for the page's own content, then for the network to settle
    // (the page's data, a chunk its content pulls in).
    await tab.locator('main h1').first().waitFor({ state: 'attached', timeout: 120_000 });
    await tab.waitForLoadState('networkidle', { timeout: 120_000 });
    await tab.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 60_000 });
    const measured = await tab.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      app: performance.getEntriesByName('yishi-app-rendered')[0]?.startTime ?? null,
      content: performance.getEntriesByName('yishi-page-rendered')[0]?.startTime ?? null,
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ url: r.name, wire: r.encodedBodySize, raw: r.decodedBodySize })),
    }));
    const files = measured.resources
      .filter((r) => /\.m?js(\?|$)/.test(new URL(r.url).pathname))
      .map((r) => ({ ...r, encoding: encodings.get(r.url) ?? '?' }));
    return { path, fcp: measured.fcp, app: measured.app, content: measured.content, files };
  } finally {
    await context.close();
  }
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number | null): string => (value === null ? 'none' : `${Math.round(value).toLocaleString('en-US')} ms`);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

test('the resident first page: JavaScript bytes and First Contentful Paint under Slow 4G and 4× CPU', async ({ browser }) => {
  const lines: string[] = [
    '',
    `First page, empty cache, 360×780: Chromium ${browser.version()}, DevTools "Slow 4G" (${SLOW_4G.latency} ms, ${(SLOW_4G.downloadThroughput * 8) / 1e6} Mbit/s down, ${(SLOW_4G.uploadThroughput * 8) / 1e6} Mbit/s up), CPU ${CPU_SLOWDOWN}× slower; FCP: median of ${RUNS} loads`,
    `Aims: JavaScript ≤ ${kB(JS_AIM_BYTES)} compressed, FCP < ${ms(FCP_AIM_MS)}`,
    '',
  ];
  let missed = 0;
  for (const page of PAGES) {
    const loads: (Load & { path: string })[] = [];
    for (let run = 0; run < RUNS; run += 1) loads.push(await load(browser, page));
    const { files, path } = loads[0]!;
    const wire = files.reduce((sum, f) => sum + f.wire, 0);
    const raw = files.reduce((sum, f) => sum + f.raw, 0);
    const fcps = loads.map((l) => l.fcp).filter((v): v is number => v !== null);
    const fcp = fcps.length === loads.length ? median(fcps) : null;
    const apps = loads.map((l) => l.app).filter((v): v is number => v !== null);
    const contents = loads.map((l) => l.content).filter((v): v is number => v !== null);
    const bytesMet = wire <= JS_AIM_BYTES;
    const fcpMet = fcp !== null && fcp < FCP_AIM_MS;
    missed += Number(!bytesMet) + Number(!fcpMet);
    const encodings = [...new Set(files.map((f) => f.encoding))].join('/');
    lines.push(
      `${page.name.padEnd(24)} ${path}`,
      `  JavaScript: ${kB(wire)} on the wire (${encodings}), ${kB(raw)} unpacked, ${files.length} files: ${verdict(bytesMet)}`,
      `  FCP: ${ms(fcp)} (${fcps.map((v) => ms(v)).join(', ')}): ${verdict(fcpMet)}`,
      `  the app's first render: ${ms(apps.length === loads.length ? median(apps) : null)} (${apps.map((v) => ms(v)).join(', ')})`,
      `  the page's content: ${ms(contents.length === loads.length ? median(contents) : null)} (${contents.map((v) => ms(v)).join(', ')})`,
      ...files.map((f) => `    ${kB(f.wire).padStart(9)}  ${new URL(f.url).pathname}`),
    );
  }
  lines.push('', missed === 0 ? 'Every aim met.' : `${missed} aim(s) MISSED.`, '');
  console.log(lines.join('\n'));
});
