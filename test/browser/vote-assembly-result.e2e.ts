/**
 * The result of an owners' assembly ballot at phone size. 御水岸's convenor (through the API)
 * announces three matters — the management statute (ordinary), a repair-fund raising (item 6,
 * three quarters) and a committee election of 2 seats from 3 candidates — opens it under an
 * approved shortening, and every owner returns a paper, entered twice (convenor and staff).
 * The papers are marked so that the statute passes, the fund fails for want of three quarters, and
 * the election fills both seats while the third candidate does not qualify. Once the closing job
 * has counted it, an owner reads the result notice on a 360 px screen — the summary, a failing
 * matter beside passing ones, the elected names and every candidate's standing — and then a phone
 * that never signed in opens the public page from its address and sees the same verdicts.
 *
 * The vote and its title are this test's own: the app is shared by the run.
 */
import { expect, test } from '@playwright/test';
import type { PersonApi } from './support';
import { apiAs, baseUrl, expectNoHorizontalScroll, freshContext, openWithApproval, SHORTENING_REASON, signIn, STAFF_DAXU, watchConsole } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** Owner in 御水岸. */
const OWNER_YUSHUIAN = '13800000012';
const SCAN_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

interface Paper {
  serial: number;
  code: string;
  name: string;
}

/** What paper `i` of `count` says: statute approved by three in four, the fund by one in two, 陈志强 on every paper, 黄美玲 on two in three, 李建华 on one in three. */
function marksOf(i: number, developer: boolean): unknown[] {
  const statute = developer || i % 4 !== 0 ? 'approve' : 'oppose';
  const fund = developer ? 'oppose' : i % 2 === 0 ? 'approve' : 'oppose';
  const chosen = ['c1', ...(i % 3 !== 0 ? ['c2'] : ['c3'])];
  return [
    { matter: 'm1', choice: statute },
    { matter: 'm2', choice: fund },
    { matter: 'm3', chosen },
  ];
}

async function enter(who: PersonApi, voteId: string, paper: Paper, marks: unknown[]): Promise<string> {
  const response = await who.api.post(`${baseUrl()}/api/votes/${voteId}/papers/${paper.serial}/entries`, {
    headers: { 'x-csrf-token': who.csrf },
    multipart: { marks: JSON.stringify(marks), code: paper.code, file: { name: `paper-${paper.serial}.jpg`, mimeType: 'image/jpeg', buffer: SCAN_JPEG } },
  });
  if (!response.ok()) throw new Error(`paper ${paper.serial}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { status: string }).status;
}

test('an owner reads each matter’s verdict of a counted assembly ballot on a phone, and the public page shows the same', async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `业主大会表决结果 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const staff = await apiAs(STAFF_DAXU);
  const opened = Date.now();
  const vote = await convenor.post<{ id: string }>(`/api/units/${convenor.nodeNamed('御水岸')}/votes`, {
    title,
    question: '请对以下三项事项逐项表决',
    opensAt: new Date(opened).toISOString(),
    // Long enough to enter every paper twice; the closer counts within seconds after.
    closesAt: new Date(opened + 45_000).toISOString(),
    shorteningReason: SHORTENING_REASON,
    matters: [
      { title: '管理规约', question: '是否同意《御水岸管理规约（修订稿）》？', ruleSet: 'cc278-ordinary', matterKinds: ['management-statute'] },
      { title: '续筹维修资金', question: '是否同意按每平方米 25 元续筹专项维修资金？', ruleSet: 'cc278-major', matterKinds: ['repair-fund-raising'] },
      {
        title: '业委会选举',
        question: '选举业主委员会委员（应选 2 名）',
        ruleSet: 'cc278-ordinary',
        matterKinds: ['owners-committee'],
        seats: 2,
        candidates: ['陈志强', '黄美玲', '李建华'].map((name) => ({ name, statement: `${name}，本小区业主。`, consent: true })),
      },
    ],
  });
  await openWithApproval(convenor, staff, vote.id);

  // Every owner gets a paper and returns it; two people enter each one.
  const { issued } = await convenor.post<{ issued: Paper[] }>(`/api/votes/${vote.id}/papers`, { all: true });
  expect(issued.length).toBeGreaterThan(100);
  await convenor.post(`/api/votes/${vote.id}/papers/returned`, { serials: issued.map((p) => p.serial) });
  const batch = 8;
  for (let from = 0; from < issued.length; from += batch) {
    await Promise.all(
      issued.slice(from, from + batch).map(async (paper, k) => {
        const marks = marksOf(from + k, /房地产/.test(paper.name));
        expect(await enter(convenor, vote.id, paper, marks)).toBe('entered');
        expect(await enter(staff, vote.id, paper, marks)).toBe('confirmed');
      }),
    );
  }
  expect(Date.now()).toBeLessThan(opened + 45_000);
  await expect
    .poll(async () => (await convenor.get<{ status: string }>(`/api/votes/${vote.id}`)).status, { timeout: 120_000, intervals: [2000] })
    .toBe('closed');

  // The owner's result notice on a phone.
  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto(`${baseUrl()}/votes/${vote.id}/result`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const verdict = page.getByRole('region', { name: '计票结果（公示中，尚未最终确定）' });
  await expect(verdict).toContainText('3 项事项中 2 项通过（或选出）');
  const verdicts = verdict.getByRole('listitem');
  await expect(verdicts).toHaveCount(3);
  await expect(verdicts.nth(0)).toContainText('第1项：管理规约');
  await expect(verdicts.nth(0)).toContainText('通过');
  await expect(verdicts.nth(0)).not.toContainText('未通过');
  await expect(verdicts.nth(1)).toContainText('第2项：续筹维修资金');
  await expect(verdicts.nth(1)).toContainText('未通过');
  await expect(verdicts.nth(2)).toContainText('当选：陈志强、黄美玲');

  const statute = page.getByRole('region', { name: '第1项：管理规约' });
  await expect(statute).toHaveClass(/assembly-result--passed/);
  const fund = page.getByRole('region', { name: '第2项：续筹维修资金' });
  await expect(fund).toHaveClass(/assembly-result--failed/);
  await expect(fund.getByRole('listitem').filter({ hasText: '同意' }).filter({ hasText: '✗ 未达到' }).first()).toBeVisible();
  const election = page.getByRole('region', { name: '第3项：业委会选举' });
  const rows = election.getByRole('table', { name: '候选人得票' }).getByRole('row');
  await expect(rows.filter({ hasText: '陈志强' })).toContainText('当选');
  await expect(rows.filter({ hasText: '黄美玲' })).toContainText('当选');
  await expect(rows.filter({ hasText: '李建华' })).toContainText('未达到当选条件');
  await expect(election.getByText(/还有 \d+ 个名额没有选出/)).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '大字模式' }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '大字模式' }).click();

  // The public page, opened from its address on a phone that never signed in: the same verdicts.
  const address = (await page.getByRole('region', { name: '扫码核对' }).getByRole('link').textContent())!.trim();
  const phone = await freshContext(browser);
  const phoneProblems = watchConsole(phone.page);
  await phone.page.goto(address);
  await expect(phone.page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(phone.page.getByText('3 项事项中 2 项通过（或选出）')).toBeVisible();
  await expect(phone.page.getByRole('region', { name: '第2项：续筹维修资金' })).toHaveClass(/assembly-result--failed/);
  await expect(phone.page.getByRole('region', { name: '第3项：业委会选举' }).getByRole('row').filter({ hasText: '黄美玲' })).toContainText('当选');
  await expectNoHorizontalScroll(phone.page);

  expect(problems).toEqual([]);
  expect(phoneProblems).toEqual([]);
  await phone.context.close();
  await context.close();
  await staff.api.dispose();
  await convenor.api.dispose();
});
