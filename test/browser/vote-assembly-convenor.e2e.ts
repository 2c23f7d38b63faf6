/**
 * An owners' assembly ballot (表决票) from the staff console, at desktop size. 御水岸's convenor
 * chooses 业主大会表决票 on 发起表决 and adds three matters: the management statute (议案), the
 * election of the owners' committee (选举: 2 seats, 3 candidates) and a repair-fund raising (议案),
 * which he moves up above the election. The form offers each matter only the rule that may decide
 * it (item 6: three quarters), refuses a candidate without written consent, and asks a reason to
 * open before the notice has run. Announced, the ballot's page shows it; once staff of 大圩社区
 * approve the early opening (through the API), a paper is issued and returned (through the API),
 * and entered twice at the desk, matter by matter: the statute approved, the fund left blank,
 * three names ticked for two seats — which the desk warns makes that matter spoilt. The second,
 * blind reading by another person agrees, and the paper counts with each matter named. A second
 * paper's readings differ on one matter: the dispute names both readings matter by matter, and the
 * convenor settles it matter by matter with a note.
 *
 * The vote and its title are this test's own: the app is shared by the run.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { addCandidates, addMatter, apiOf, baseUrl, consoleNewVote, desktop, openWithApproval, STAFF_DAXU } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** Co-owned 2-803: the designated co-owner gets the paper. */
const CO_OWNED = '2-803';
const SCAN_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const REASON = '消防检查限期整改，须在期限前完成表决，业委会决议提前开始';

/** A `datetime-local` value in Beijing time, `ms` from now. */
const inChina = (ms: number): string => new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 16);

test('the convenor announces a three-matter ballot in the console; a paper is entered twice matter by matter and counts', async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `御水岸业主大会表决票 ${Date.now().toString(36)}`;
  const convenor = await desktop(browser, CONVENOR_YUSHUIAN);
  const { page, problems } = convenor;

  await consoleNewVote(page, /御水岸/);
  await page.getByLabel('表决标题').fill(title);
  await page.getByLabel('表决票说明').fill('请对以下三项事项逐项表决');

  // Matter 1, a motion: the management statute, decided by the ordinary rule (the only one offered).
  const first = await addMatter(page, '议案', 1, { name: '管理规约', text: '是否同意《御水岸管理规约（修订稿）》？', category: 'management-statute' });
  await expect(first.getByRole('radio', { name: /业主共同决定一般事项/ })).toBeChecked();
  await expect(first.getByRole('radio')).toHaveCount(1);

  // Matter 2, an election of the owners' committee: 2 seats; one candidate has not consented yet.
  const election = await addMatter(page, '选举', 2, { name: '业委会选举', text: '选举第二届业主委员会委员（应选 2 名）' });
  await expect(election.getByLabel('事项类别')).toHaveValue('owners-committee');
  await election.getByLabel('应选名额').fill('2');
  const candidates = ['陈志强', '黄美玲', '李建华'];
  await addCandidates(
    election,
    candidates.map((name, i) => ({ name, profile: `${name}：${i + 1} 栋业主，愿意为小区服务。`, consented: i < 2 })),
  );

  // Matter 3, a repair-fund raising (item 6): only the three-quarter rule; then moved above the election.
  const fund = await addMatter(page, '议案', 3, { name: '续筹维修资金', text: '是否同意按每平方米 25 元续筹专项维修资金？', category: 'repair-fund-raising' });
  await expect(fund.getByRole('radio', { name: /业主共同决定筹集维修资金等重大事项/ })).toBeChecked();
  await expect(fund.getByRole('radio', { name: /业主共同决定一般事项/ })).toHaveCount(0);
  await page.getByRole('button', { name: '第 3 项上移' }).click();
  await expect(page.locator('.assembly-matter .assembly-matter__head')).toHaveText(['第 1 项（议案）', '第 2 项（议案）', '第 3 项（选举）']);
  await expect(page.getByRole('listitem', { name: '第 2 项（议案）' }).getByLabel('事项简称')).toHaveValue('续筹维修资金');

  // Opening now, before the 15-day notice, asks for a reason; the missing consent is refused on its candidate.
  await page.getByLabel('开始投票', { exact: true }).fill(inChina(0));
  await page.getByLabel('截止投票').fill(inChina(8 * 24 * 3600_000));
  await page.getByRole('button', { name: '预览公告和表决票' }).click();
  await expect(page.getByText('请写明缩短期限的理由。')).toBeVisible();
  const third = page.getByRole('listitem', { name: '第 3 项（选举）' }).getByRole('listitem', { name: '候选人 3' });
  await expect(third.getByText('候选人须书面同意参选，请确认后勾选。')).toBeVisible();
  await page.getByLabel('缩短期限的理由').fill(REASON);
  await third.getByRole('checkbox', { name: /本人已书面同意参选/ }).check();
  // Reminders: only those at 72 hours before closing are kept (24 and 2 are unticked).
  await page.getByRole('checkbox', { name: '截止前 24 小时' }).uncheck();
  await page.getByRole('checkbox', { name: '截止前 2 小时' }).uncheck();
  // An owners' ballot is named: secret cannot be chosen.
  await expect(page.getByRole('radio', { name: /无记名投票/ })).toBeDisabled();
  await page.getByRole('button', { name: '预览公告和表决票' }).click();

  // The preview: the notice on the strictest clock, then every matter as the voter will see it.
  const preview = page.getByRole('region', { name: '发布前预览' });
  await expect(page.getByRole('heading', { name: '发布前预览' })).toBeFocused();
  await expect(preview.getByText('业主大会（全体业主） · ', { exact: false })).toBeVisible();
  await expect(preview.getByText(/法定公告期 15 天/).first()).toBeVisible();
  await expect(preview.getByText('须经社区或街道工作人员批准后才开始投票')).toBeVisible();
  await expect(preview.locator('.assembly-preview__matter h5')).toHaveText(['第 1 项：管理规约', '第 2 项：续筹维修资金', '第 3 项：业委会选举']);
  const electionPreview = preview.getByRole('listitem', { name: '第 3 项：业委会选举' });
  await expect(electionPreview.getByText('应选 2 名，每张票最多选 2 人')).toBeVisible();
  await expect(electionPreview.getByRole('list', { name: '第 3 项的方框' }).getByRole('listitem')).toHaveCount(3);
  await expect(preview.getByRole('listitem', { name: '第 2 项：续筹维修资金' }).getByText(/四分之三|3\/4/).first()).toBeVisible();
  // Back to the form: nothing is lost; then preview again and announce.
  await preview.getByRole('button', { name: '返回修改' }).click();
  await expect(page.getByRole('listitem', { name: '第 2 项（议案）' }).getByLabel('事项简称')).toHaveValue('续筹维修资金');
  await expect(page.getByRole('checkbox', { name: '截止前 24 小时' })).not.toBeChecked();
  await page.getByRole('button', { name: '预览公告和表决票' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();

  // Announced: the ballot's own page.
  await expect(page).toHaveURL(/\/console\/votes\/[\w-]+$/);
  const voteId = /\/console\/votes\/([\w-]+)$/.exec(page.url())![1]!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const convenorApi = await apiOf(page);
  const announced = await convenorApi.get<{ questionKind: string; matters: { title: string; ruleSet: string; seats: number | null }[] }>(`/api/votes/${voteId}`);
  expect(announced.questionKind).toBe('assembly');
  expect(announced.matters.map((m) => [m.title, m.ruleSet, m.seats])).toEqual([
    ['管理规约', 'cc278-ordinary', null],
    ['续筹维修资金', 'cc278-major', null],
    ['业委会选举', 'cc278-ordinary', 2],
  ]);
  const reminders = await convenorApi.get<{ reminders: { hoursBefore: number }[] }>(`/api/votes/${voteId}/reminders`);
  expect(reminders.reminders.map((r) => r.hoursBefore)).toEqual([72]);

  // Staff approve the early opening; the convenor opens it, issues a paper to 2-803 and marks it returned (API).
  const staff = await desktop(browser, STAFF_DAXU);
  await openWithApproval(convenorApi, await apiOf(staff.page), voteId);
  const voters = await convenorApi.get<{ voterId: string; name: string }[]>(`/api/votes/${voteId}/voters?q=${encodeURIComponent(CO_OWNED)}&limit=50`);
  const issued = await convenorApi.post<{ issued: { serial: number; code: string; name: string }[] }>(`/api/votes/${voteId}/papers`, { voterIds: voters.map((v) => v.voterId) });
  expect(issued.issued).toHaveLength(1);
  const paper = issued.issued[0]!;
  await convenorApi.post(`/api/votes/${voteId}/papers/returned`, { serials: [paper.serial] });

  // Both readings, matter by matter.
  const enter = async (desk: Page, withScan: boolean): Promise<void> => {
    await desk.goto(`${baseUrl()}/console/votes/${voteId}/papers`);
    const entry = desk.getByRole('form', { name: '录入选票（两人分别录入）' });
    await entry.getByLabel('选票编号').fill(String(paper.serial));
    await entry.getByLabel('校验码').fill(paper.code);
    await entry.getByRole('group', { name: '1. 管理规约' }).getByRole('radio', { name: '同意' }).check();
    const fundGroup = entry.getByRole('group', { name: '2. 续筹维修资金' });
    await expect(fundGroup.getByRole('radio', { name: '未填（空白）' })).toBeChecked();
    const committee = entry.getByRole('group', { name: '3. 业委会选举' });
    for (const name of candidates) await committee.getByRole('checkbox', { name }).check();
    await expect(committee.getByText('勾选了 3 人，超过应选的 2 名：该事项按废票计，其他事项照常计入。')).toBeVisible();
    if (withScan) await entry.getByLabel('选票扫描件或照片').setInputFiles({ name: 'paper.jpg', mimeType: 'image/jpeg', buffer: SCAN_JPEG });
    await entry.getByRole('button', { name: '保存录入' }).click();
  };
  await enter(page, true);
  await expect(page.getByText(`第 ${paper.serial} 号选票已录入第一遍，请另一位工作人员复核录入。`)).toBeVisible();
  await enter(staff.page, false);
  await expect(staff.page.getByText(new RegExp(`第 ${paper.serial} 号选票两遍一致，已计入。`))).toBeVisible();
  const row = staff.page.locator('.paper-row').filter({ hasText: paper.name });
  await expect(row).toContainText('1. 管理规约：同意');
  await expect(row).toContainText('2. 续筹维修资金：未填（空白）');
  await expect(row).toContainText('3. 业委会选举：无法辨认');

  // A second paper whose readings differ on the statute: the dispute shows both readings matter by
  // matter, and the convenor settles it matter by matter with a note.
  const others = await convenorApi.get<{ voterId: string; name: string; voted: boolean; paperSerial: number | null }[]>(`/api/votes/${voteId}/voters?limit=50`);
  const other = others.find((v) => !v.voted && v.paperSerial === null)!;
  const second = (await convenorApi.post<{ issued: { serial: number; code: string; name: string }[] }>(`/api/votes/${voteId}/papers`, { voterIds: [other.voterId] })).issued[0]!;
  await convenorApi.post(`/api/votes/${voteId}/papers/returned`, { serials: [second.serial] });
  const read = async (desk: Page, statute: string, withScan: boolean): Promise<void> => {
    await desk.goto(`${baseUrl()}/console/votes/${voteId}/papers`);
    const entry = desk.getByRole('form', { name: '录入选票（两人分别录入）' });
    await entry.getByLabel('选票编号').fill(String(second.serial));
    await entry.getByLabel('校验码').fill(second.code);
    await entry.getByRole('group', { name: '1. 管理规约' }).getByRole('radio', { name: statute }).check();
    await entry.getByRole('group', { name: '2. 续筹维修资金' }).getByRole('radio', { name: '反对' }).check();
    await entry.getByRole('group', { name: '3. 业委会选举' }).getByRole('checkbox', { name: '黄美玲' }).check();
    if (withScan) await entry.getByLabel('选票扫描件或照片').setInputFiles({ name: 'paper.jpg', mimeType: 'image/jpeg', buffer: SCAN_JPEG });
    await entry.getByRole('button', { name: '保存录入' }).click();
  };
  await read(page, '反对', true);
  await expect(page.getByText(`第 ${second.serial} 号选票已录入第一遍，请另一位工作人员复核录入。`)).toBeVisible();
  await read(staff.page, '同意', false);
  await expect(staff.page.getByText(`第 ${second.serial} 号选票两遍录入不一致，已列入争议，由第三人或召集人裁定。`)).toBeVisible();
  await page.reload();
  const dispute = page.locator('.dispute').filter({ hasText: `第 ${second.serial} 号` });
  await expect(dispute).toContainText('1. 管理规约：反对');
  await expect(dispute).toContainText('1. 管理规约：同意');
  await expect(dispute).toContainText('3. 业委会选举：黄美玲');
  await dispute.getByRole('button', { name: '裁定' }).click();
  await dispute.getByRole('group', { name: '1. 管理规约' }).getByRole('radio', { name: '同意' }).check();
  await dispute.getByRole('group', { name: '2. 续筹维修资金' }).getByRole('radio', { name: '反对' }).check();
  await dispute.getByRole('group', { name: '3. 业委会选举' }).getByRole('checkbox', { name: '黄美玲' }).check();
  await dispute.getByLabel('裁定依据').fill('扫描件上管理规约一栏勾的是同意，反对栏的痕迹是污渍');
  await dispute.getByRole('button', { name: '确认裁定' }).click();
  const settled = page.locator('.paper-row').filter({ hasText: second.name });
  await expect(settled).toContainText('1. 管理规约：同意', { timeout: 15_000 });
  await expect(settled).toContainText('3. 业委会选举：黄美玲');

  // The print sheet lists every matter, with the election's seats.
  await page.goto(`${baseUrl()}/console/votes/${voteId}/print`);
  const sheet = page.locator('.ballot-paper').first();
  await expect(sheet.locator('.ballot-paper__matter-title')).toHaveText(['管理规约', '续筹维修资金', /业委会选举\s*（应选 2 名，最多选 2 名）/]);
  await expect(sheet.locator('.ballot-paper__matter').nth(2).locator('.ballot-paper__choices li')).toHaveText(candidates);

  expect(problems).toEqual([]);
  expect(staff.problems).toEqual([]);
  await staff.context.close();
  await convenor.context.close();
});
