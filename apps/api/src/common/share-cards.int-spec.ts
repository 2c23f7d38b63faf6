/**
 * The card a chat shows for a shared link, fetched as WeChat does, with no session: a vote, a
 * consultation or a session is named by its kind only — the same answer whether it exists or not —
 * while a published result's public link carries its title and verdict, escaped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { openWithApproval, SHORTENING_REASON, signIn } from '../../test/vote-fixtures';
import { seedDemoData } from '../seed/seed-demo';
import type { VotePublicLinkDto } from '../votes/results/dto/public-result.dto';
import type { VoteDetailDto } from '../votes/lifecycle/dto/vote.dto';
import { SealingService } from '../votes/sealing/sealing.service';
import { withCard } from './share-cards';

const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="议事：小区事大家议，我的家园我治理。" />
    <meta property="og:title" content="议事" />
    <title>议事</title>
  </head>
  <body><div id="root"></div></body>
</html>
`;

const meta = (html: string, property: string): string | null => new RegExp(`<meta property="${property}" content="([^"]*)" />`).exec(html)?.[1] ?? null;
const title = (html: string): string | null => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null;

describe('share cards: what a chat shows of a link, and nothing more', () => {
  let t: TestApp;
  let dist: string;
  let convenor: HttpSession;
  let voteId: string;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    t = await startTestApp({ WEB_DIST: dist, PUBLIC_URL: 'https://yishi.example.cn' });
    await seedDemoData(t.dataSource);
    const [unit] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`);
    convenor = await signIn(t.dataSource, t.baseUrl, '13800000006');
    const created = await convenor.post<VoteDetailDto>(`/api/units/${unit!.id}/votes`, {
      title: '更换门禁</title><script>alert(1)</script>',
      question: '是否同意更换小区门禁系统？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(created.status).toBe(201);
    voteId = created.body.id;
    await openWithApproval(convenor, await signIn(t.dataSource, t.baseUrl, '13800000004'), voteId);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const fetchPage = async (pagePath: string): Promise<{ status: number; html: string; type: string | null }> => {
    const res = await fetch(`${t.baseUrl}${pagePath}`, { headers: { accept: 'text/html' } });
    return { status: res.status, html: await res.text(), type: res.headers.get('content-type') };
  };

  it('names a vote, a consultation and a session by kind only, the same whether it exists or not', async () => {
    const real = await fetchPage(`/votes/${voteId}`);
    expect(real.status).toBe(200);
    expect(real.type).toContain('text/html');
    expect(title(real.html)).toBe('一项表决 · 议事');
    expect(meta(real.html, 'og:title')).toBe('一项表决 · 议事');
    expect(meta(real.html, 'og:url')).toBe(`https://yishi.example.cn/votes/${voteId}`);
    expect(real.html).not.toContain('更换门禁');
    // The site's own card is replaced, not doubled.
    expect(real.html.match(/og:title/g)).toHaveLength(1);
    const unknown = await fetchPage('/votes/00000000-0000-4000-8000-000000000000');
    expect(unknown.html.replace(/\/votes\/[^"]+/, '')).toBe(real.html.replace(/\/votes\/[^"]+/, ''));
    expect(title((await fetchPage(`/votes/${voteId}/result`)).html)).toBe('表决结果 · 议事');
    expect(title((await fetchPage('/consultations/anything')).html)).toBe('一项议事 · 议事');
    expect(title((await fetchPage('/sessions/x/minutes')).html)).toBe('议事会 · 议事');
    // Any other page keeps the site's card; the API is untouched.
    expect(title((await fetchPage('/me')).html)).toBe('议事');
    expect((await fetch(`${t.baseUrl}/api/health`)).headers.get('content-type')).toContain('json');
  });

  it('gives a published result’s public link its title and verdict, escaped; an unknown key the result’s kind card', async () => {
    expect(await t.app.get(SealingService).closeDue(new Date(Date.now() + 3600_000 + 1000))).toBe(1);
    const link = await convenor.get<VotePublicLinkDto>(`/api/votes/${voteId}/public-link`);
    const page = await fetchPage(link.body.path);
    expect(page.status).toBe(200);
    expect(title(page.html)).toBe('御水岸：更换门禁&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; — 表决结果');
    expect(meta(page.html, 'og:description')).toMatch(/^结果公示中：未通过。.+的表决，任何人都可以下载核对包自行重新计票。$/);
    expect(page.html).not.toContain('<script>alert(1)</script>');
    const unknown = await fetchPage('/r/aaaa-bbbb-cccc-dddd-eeee-ffff-gggh');
    expect(title(unknown.html)).toBe('表决结果 · 议事');
  });

  it('puts a title with `$&` or `$\`` in it on the card as written, not as a replacement pattern', () => {
    const html = withCard(INDEX, { title: '维修资金 $& 与 $` 和 $\' 方案', description: '说明 $& 结束' }, null);
    expect(title(html)).toBe('维修资金 $&amp; 与 $` 和 $&#39; 方案');
    expect(meta(html, 'og:description')).toBe('说明 $&amp; 结束');
    expect(html.match(/<\/head>/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"></div>');
  });
});
