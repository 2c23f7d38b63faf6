/**
 * A vote as the residents of 御水岸 live it, at phone size. The convenor (through the API)
 * announces a named owners' vote that may be changed until close, and opens it before the
 * 15-day notice has run, with a recorded reason. The owner hears of it in the inbox and votes in
 * three taps (the message, a choice, the confirmation), sees the receipt and finds it on the
 * bulletin board, then changes the ballot by keyboard; when staff enter a paper ballot for them, they
 * see that it replaced the online one. A tenant is told plainly they do not vote.
 * A second vote closes seconds after opening: once the closing job has counted it, the result
 * notice shows every figure, takes an objection and prints without the site around it. A secret
 * poll deciding a consultation is found from the consultation, says it is final before it is
 * cast, and shows its receipt only once. A vote not open yet, and one cancelled under a
 * resident's finger, say so plainly. An owner holding a written proxy casts two ballots on one
 * page, each saying whose it is.
 *
 * The votes and their titles are this test's own: the app is shared by the run.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { PersonApi } from './support';
import fs from 'node:fs';
import { apiAs, baseUrl, consoleOnPhone, expectNoHorizontalScroll, freshContext, openForComment, openWithApproval, SHORTENING_REASON, signIn, signUpWithLetter, smsCodeFor, STAFF_DAXU, watchConsole } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** Owner in 御水岸 of two flats, a shop and a parking space: one owner-person, one voter. */
const OWNER_YUSHUIAN = '13800000012';
/** Co-owner and designated voter of 2-803 in 御水岸. */
const CO_OWNER_YUSHUIAN = '13800000013';
/** Building head of 御水岸 1栋. */
const BUILDING_HEAD_YUSHUIAN = '13800000007';
/** Tenant of 1-301 in 御水岸: reads and comments, does not vote in an owners' vote. */
const TENANT_YUSHUIAN = '13800000014';

/** The start of a JPEG: enough for the kept scan of a paper ballot. */
const SCAN_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** Announces a named owners' vote (by default changes allowed until close; turnout public) and opens it now, before the notice has run. */
async function openVote(convenor: PersonApi, title: string, closesInMs: number, allowChange = true): Promise<string> {
  const now = Date.now();
  const vote = await convenor.write<{ id: string; status: string }>('POST', `/api/units/${convenor.nodeNamed('御水岸')}/votes`, {
    title,
    question: '是否同意在2栋北侧增设电动自行车集中充电区？',
    ruleSet: 'cc278-ordinary',
    matterKinds: ['owners-other'],
    secrecy: 'named',
    allowChange,
    turnoutPublic: true,
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + closesInMs).toISOString(),
    // Before its 15-day notice, and shorter than an owners' week: staff of 大圩社区 approve it.
    shorteningReason: SHORTENING_REASON,
  });
  expect(vote.status).toBe('scheduled');
  const staff = await apiAs(STAFF_DAXU);
  await openWithApproval(convenor, staff, vote.id);
  await staff.api.dispose();
  return vote.id;
}

/** Every button and link on screen is big enough to tap (44 × 44 px at least). */
async function expectBigTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ text: el.textContent?.trim(), ...(el.getBoundingClientRect().toJSON() as { width: number; height: number }) }))
      .filter((r) => r.height < 44 || r.width < 44),
  );
  expect(small).toEqual([]);
}

const inboxLink = (page: Page) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /^消息/ });

test('an owner votes from the inbox in three taps, finds the receipt on the board, changes the ballot and sees a paper ballot replace it; a tenant is not on the list', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `2栋充电区表决 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const voteId = await openVote(convenor, title, 2 * 24 * 3600_000);

  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  await inboxLink(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('消息');
  await expectNoHorizontalScroll(page);

  // From the message to a recorded ballot: tap the message, tap a choice, confirm.
  let taps = 0;
  const tap = async (target: ReturnType<Page['getByRole']>): Promise<void> => {
    taps += 1;
    await target.click();
  };
  await tap(page.getByRole('link', { name: new RegExp(`“${escapeRegExp(title)}”开始投票了，.*截止。`) }));
  await expect(page).toHaveURL(new RegExp(`/votes/${voteId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // The question, who decides, the rule in plain words, the window and its countdown.
  await expect(page.locator('.vote-question')).toHaveText('是否同意在2栋北侧增设电动自行车集中充电区？');
  await expect(page.locator('.vote-facts')).toContainText('业主大会（一般事项）');
  await expect(page.locator('.vote-facts')).toContainText('同意的房屋面积过半数、同意的人数也过半数（双过半）');
  await expect(page.locator('.vote-facts__rule')).not.toContainText('专有部分');
  await expect(page.locator('.vote-facts')).toContainText('记名投票：截止前可以更改');
  // A word the owner may not know explains itself on tap, and closes again.
  const doubleMajority = page.locator('.vote-facts').getByRole('button', { name: /双过半/ });
  await expect(doubleMajority).toHaveAttribute('aria-expanded', 'false');
  await doubleMajority.click();
  await expect(doubleMajority).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.vote-facts').getByRole('note')).toHaveText(/同意的房屋面积超过参与表决面积的一半.*只满足一条不算通过/);
  await doubleMajority.click();
  await expect(page.locator('.vote-facts').getByRole('note')).toBeHidden();
  await expect(page.locator('.vote-countdown')).toContainText(/距投票截止还有\s*[12] 天/);
  const ballot = page.getByRole('region', { name: '我的选票' });
  await expect(ballot).toContainText('截止前可以更改');
  await expectNoHorizontalScroll(page);
  await expectBigTargets(page);
  await tap(ballot.getByRole('button', { name: '同意', exact: true }));
  await expect(ballot.getByRole('heading', { name: '请确认您的选票' })).toBeFocused();
  await tap(ballot.getByRole('button', { name: '确认投票：同意' }));
  const recorded = ballot.getByRole('heading', { name: '您的选票已记录' });
  await expect(recorded).toBeVisible();
  expect(taps).toBeLessThanOrEqual(3);
  await expect(recorded).toBeFocused();
  await expect(ballot).toContainText('您投的是：同意');
  const receipt = (await ballot.locator('.receipt__code').textContent())!.trim();
  expect(receipt).toMatch(/^b-[0-9a-f]{12}$/);
  await expectNoHorizontalScroll(page);

  // Live turnout, public for this vote: area and headcount against the two-thirds line, in words.
  const turnout = page.getByRole('region', { name: '实时参与情况' });
  await expect(turnout).toContainText('参与表决的房屋面积');
  await expect(turnout).toContainText('参与表决的业主人数');
  await expect(turnout).toContainText('要求：三分之二以上');
  // The two thirds in this vote's own numbers.
  await expect(turnout).toContainText(/本次是 \d+ 人的三分之二以上，也就是至少 \d+ 人；现在 1 人/);
  await expect(turnout).toContainText('已收到 1 张选票。');

  // Large text at 360 px: the ballot and the receipt still fit.
  await page.getByRole('button', { name: '大字模式' }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '大字模式' }).click();

  // The receipt on the bulletin board.
  await ballot.getByRole('link', { name: '在公示栏查找' }).click();
  await expect(page).toHaveURL(new RegExp(`/votes/${voteId}/board\\?receipt=${receipt}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('公示栏');
  await expect(page.getByRole('status').filter({ hasText: '找到了' })).toContainText(`找到了：收据码 ${receipt} 在公示栏上。`);
  await expect(page.locator('.board-list')).toContainText(receipt);
  await expectBigTargets(page);
  // A mistyped receipt is plainly not there.
  const search = page.getByLabel('我的收据码');
  await search.fill('b-000000000000');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('status').filter({ hasText: '没有找到' })).toContainText('没有找到收据码 b-000000000000。', { timeout: 15_000 });
  await expectNoHorizontalScroll(page);

  // Change the ballot, by keyboard only.
  await page.getByRole('link', { name: `返回“${title}”` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const change = ballot.getByRole('button', { name: '更改选票' });
  await change.focus();
  await page.keyboard.press('Enter');
  await expect(ballot.getByRole('heading', { name: '重新选择' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ballot.getByRole('button', { name: /^同意/ })).toBeFocused();
  await expect(ballot.getByRole('button', { name: /^同意/ })).toContainText('当前选择');
  await page.keyboard.press('Tab');
  await expect(ballot.getByRole('button', { name: '反对', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ballot.getByRole('heading', { name: '请确认您的选票' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ballot.getByRole('button', { name: '确认投票：反对' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ballot.getByRole('heading', { name: '您的选票已记录' })).toBeFocused();
  await expect(ballot).toContainText('您投的是：反对');
  const second = (await ballot.locator('.receipt__code').textContent())!.trim();
  expect(second).not.toBe(receipt);

  // The new receipt is on the board (typed back in capitals), once sealed; the first is still
  // there, marked as replaced by the later ballot.
  await ballot.getByRole('link', { name: '在公示栏查找' }).click();
  const found = page.getByRole('status').filter({ hasText: '找到了' });
  await expect(found).toContainText(`找到了：收据码 ${second} 在公示栏上。`, { timeout: 15_000 });
  await expect(found).not.toContainText('取代');
  await page.getByLabel('我的收据码').fill(receipt.toUpperCase());
  await page.getByRole('button', { name: '查找' }).click();
  await expect(found).toContainText(`找到了：收据码 ${receipt} 在公示栏上。`);
  await expect(found).toContainText('已被同一投票人后来投的选票取代');

  // The unit's page lists the vote with where it stands.
  await page.goto(`${baseUrl()}/units/${convenor.nodeNamed('御水岸')}`);
  const listed = page.getByRole('list', { name: '表决列表' }).getByRole('listitem').filter({ hasText: title });
  await expect(listed).toContainText('投票中');
  await listed.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/votes/${voteId}$`));

  // Staff enter a paper ballot for the owner (one enters, a second confirms): it supersedes the
  // online ballot, and the owner is told so, with the receipt that no longer counts.
  const owner = await apiAs(OWNER_YUSHUIAN);
  const voterId = ((await (await owner.api.get(`/api/votes/${voteId}`)).json()) as { myVoters: { voterId: string }[] }).myVoters[0]!.voterId;
  const staff = await apiAs(STAFF_DAXU);
  const issued = await staff.write<{ issued: { serial: number }[] }>('POST', `/api/votes/${voteId}/papers`, { voterIds: [voterId] });
  const serial = issued.issued[0]!.serial;
  await staff.write('POST', `/api/votes/${voteId}/papers/returned`, { serials: [serial] });
  // The first entry keeps the scan of the paper.
  const first = await staff.api.post(`/api/votes/${voteId}/papers/${serial}/entries`, {
    headers: { 'x-csrf-token': staff.csrf },
    multipart: { choice: 'approve', file: { name: 'paper.jpg', mimeType: 'image/jpeg', buffer: SCAN_JPEG } },
  });
  expect(first.status()).toBe(200);
  expect(await convenor.write('POST', `/api/votes/${voteId}/papers/${serial}/entries`, { choice: 'approve' })).toMatchObject({ status: 'confirmed', supersededReceipt: second });
  await page.reload();
  await expect(ballot.getByText('您的纸质选票已取代网上选票')).toBeVisible();
  await expect(ballot).toContainText(`您在网上投的票（收据码 ${second}）不再计入`);
  await expect(ballot).toContainText('计入的选择：同意');
  await expect(ballot.getByRole('button', { name: '更改选票' })).toHaveCount(0);
  await expect(ballot.getByRole('button', { name: '同意', exact: true })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await owner.api.dispose();
  await staff.api.dispose();

  expect(problems).toEqual([]);
  await context.close();

  // The tenant reads the vote but is told plainly they are not on the list, with no ballot.
  const tenant = await freshContext(browser);
  const tenantProblems = watchConsole(tenant.page);
  await tenant.page.goto(`${baseUrl()}/login`);
  await signIn(tenant.page, TENANT_YUSHUIAN);
  await expect(tenant.page).toHaveURL(/\/me$/);
  await tenant.page.goto(`${baseUrl()}/votes/${voteId}`);
  await expect(tenant.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(tenant.page.locator('.vote-not-eligible')).toContainText('您不在本次表决的投票人名单上');
  await expect(tenant.page.getByRole('button', { name: '同意', exact: true })).toHaveCount(0);
  await expectNoHorizontalScroll(tenant.page);
  expect(tenantProblems).toEqual([]);
  await tenant.context.close();
  await convenor.api.dispose();
});

test('after the closing job counts a vote, the result notice shows every figure, takes an objection, shows its answer and prints on A4', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `车位划线表决 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  // Closes 12 s from now: the closer runs every 5 s (sealing.service.ts), so it is counted within seconds after.
  const voteId = await openVote(convenor, title, 12_000);
  const owner = await apiAs(OWNER_YUSHUIAN);
  const cast = await owner.write<{ receipt: string }>('POST', `/api/votes/${voteId}/ballots`, { choice: 'approve' });
  await expect
    .poll(async () => ((await (await convenor.api.get(`/api/votes/${voteId}`)).json()) as { status: string }).status, { timeout: 45_000, intervals: [1000] })
    .toBe('closed');

  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  // The count is in the inbox, and leads to the notice.
  await inboxLink(page).click();
  await page.getByRole('link', { name: new RegExp(`“${escapeRegExp(title)}”的计票结果已公示：未通过。`) }).click();
  await expect(page).toHaveURL(new RegExp(`/votes/${voteId}/result$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.vote-header')).toContainText('结果公示中');

  // The verdict: one owner of many took part, so too few took part.
  const verdict = page.getByRole('region', { name: '计票结果（公示中，尚未最终确定）' });
  await expect(verdict).toContainText('未通过：参与表决未达到法定要求');
  await expect(verdict).toContainText('异议期至');
  // Each condition: what is counted, the share, numerator / denominator and the threshold.
  const conditions = page.getByRole('region', { name: '各项条件' }).getByRole('listitem');
  await expect(conditions).toHaveCount(4);
  const area = conditions.filter({ hasText: '参与表决的房屋面积' });
  await expect(area).toContainText('✗ 未达到');
  await expect(area).toContainText(/\d+\.\d\d%/);
  await expect(area).toContainText(/（[\d,]+\.\d\d ㎡ \/ [\d,]+\.\d\d ㎡）/);
  await expect(area).toContainText('要求：三分之二以上');
  await expect(area).toContainText(/本次是 [\d,]+\.\d\d ㎡的三分之二以上，也就是至少 [\d,]+\.\d\d ㎡/);
  await expect(conditions.filter({ hasText: '参与表决的业主人数' })).toContainText(/（1 人 \/ \d+ 人）/);
  // The explanation in sentences, every figure, the closing hash.
  await expect(page.getByRole('region', { name: '结果说明' }).getByRole('listitem').first()).toContainText('参与表决的专有部分面积');
  const figures = page.getByRole('region', { name: '全部数字' });
  await expect(figures.getByRole('row', { name: /^参与表决/ })).toContainText('1');
  await expect(figures).toContainText('网上 1 张，纸质 0 张，会议现场 0 张');
  const integrity = page.getByRole('region', { name: '核验' });
  await expect(integrity.locator('.hash').first()).toHaveText(/^[0-9a-f]{64}$/);
  await expectNoHorizontalScroll(page);
  await expectBigTargets(page);

  // The files to check it: the recount kit and the exports.
  const kit = await page.request.get(new URL((await page.getByRole('link', { name: '下载计票材料（zip）' }).getAttribute('href'))!, baseUrl()).toString());
  expect(kit.status()).toBe(200);
  expect(kit.headers()['content-type']).toContain('zip');
  const csv = await page.request.get(new URL((await page.getByRole('link', { name: '下载 CSV' }).getAttribute('href'))!, baseUrl()).toString());
  expect(csv.status()).toBe(200);
  const xlsx = await page.request.get(new URL((await page.getByRole('link', { name: '下载 Excel 表格' }).getAttribute('href'))!, baseUrl()).toString());
  expect(xlsx.status()).toBe(200);

  // An objection while the notice runs: recorded, listed as mine and awaiting an answer.
  const objection = `第${cast.receipt}号选票时间有误？（${Date.now().toString(36)}）`;
  const objections = page.getByRole('region', { name: '异议' });
  await objections.getByLabel('我的异议').fill(objection);
  await objections.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByRole('status').filter({ hasText: '您的异议已提交' })).toBeVisible();
  const mine = objections.getByRole('listitem').filter({ hasText: objection });
  await expect(mine).toContainText('我提的');
  await expect(mine).toContainText('待答复');

  // The convenor answers it: the answer shows under the objection, and the inbox says so.
  const listed = (await (await convenor.api.get(`/api/votes/${voteId}/objections`)).json()) as { id: string; body: string }[];
  const answerText = '已核对：该选票在截止前投出，计入无误。';
  await convenor.write('POST', `/api/objections/${listed.find((o) => o.body === objection)!.id}/answer`, { answer: answerText });
  await page.reload();
  await expect(mine).toContainText(answerText);
  await expect(mine).toContainText('召集人答复');
  await expect(mine).not.toContainText('待答复');
  await inboxLink(page).click();
  await page.getByRole('link', { name: new RegExp(`您对“${escapeRegExp(title)}”表决结果的异议已收到答复。`) }).click();
  await expect(page).toHaveURL(new RegExp(`/votes/${voteId}/result$`));

  // Large text still fits.
  await page.getByRole('button', { name: '大字模式' }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '大字模式' }).click();

  // On A4 paper: the notice only — no site header, no buttons, no form.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印公示' })).toBeHidden();
  await expect(page.getByRole('link', { name: '下载计票材料（zip）' })).toBeHidden();
  await expect(objections.getByLabel('我的异议')).toBeHidden();
  await expect(verdict).toBeVisible();
  await expect(area).toBeVisible();
  await expect(mine).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The ballot page now sends to the notice; the receipt is found on the board.
  await page.goto(`${baseUrl()}/votes/${voteId}`);
  await expect(page.locator('.vote-header')).toContainText('结果公示中');
  await expect(page.getByRole('region', { name: '我的选票' })).toContainText('您投的是：同意');
  await expect(page.getByRole('region', { name: '我的选票' })).toContainText('投票已截止，选票不能再更改。');
  await expect(page.getByRole('link', { name: '查看表决结果公示' })).toBeVisible();

  expect(problems).toEqual([]);
  await context.close();
  await owner.api.dispose();
  await convenor.api.dispose();
});

test('a secret poll deciding a consultation: found from the consultation, final once cast, its receipt shown only once and found in the box after close', async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  // A consultation open for comment on 御水岸, which the poll decides.
  const consultation = await openForComment(convenor, convenor.nodeNamed('御水岸'), {
    title: `业主大会召开日期 ${stamp}`,
    summary: '确定业主大会的召开日期。',
    draftTitle: '召开日期方案',
    preamble: '请在两个日期中选择一个。',
    clauses: [{ heading: '日期', body: '业主大会在下列日期之一召开。' }],
  });
  const title = `业主大会日期征询 ${stamp}`;
  const now = Date.now();
  const vote = await convenor.write<{ id: string }>('POST', `/api/units/${convenor.nodeNamed('御水岸')}/votes`, {
    title,
    question: '业主大会定在哪一天召开？',
    ruleSet: 'simple-majority',
    matterKinds: ['other'],
    secrecy: 'secret',
    options: [
      { id: 'sat', label: '12月6日（周六）上午', labelEn: 'Saturday 6 December, morning' },
      { id: 'sun', label: '12月7日（周日）上午', labelEn: 'Sunday 7 December, morning' },
    ],
    opensAt: new Date(now).toISOString(),
    // Closes within the test: the box is published and the winner counted at close.
    closesAt: new Date(now + 25_000).toISOString(),
    consultationId: consultation.id,
  });
  await convenor.write('POST', `/api/votes/${vote.id}/open`);

  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  // The consultation leads to the vote that decides it.
  await page.goto(`${baseUrl()}/consultations/${consultation.id}`);
  await page.getByRole('region', { name: '表决' }).getByRole('link', { name: `去投票：${title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/votes/${vote.id}$`));
  await expect(page.locator('.vote-facts')).toContainText('得票超过所投票数（含弃权）一半的选项即为结果');
  await expect(page.locator('.vote-facts')).toContainText('不记名投票：投出后不能更改');

  // A choice among the options, then the confirmation, which says plainly that it is final.
  const ballot = page.getByRole('region', { name: '我的选票' });
  await expect(ballot.locator('.ballot-choice')).toHaveText(['12月6日（周六）上午', '12月7日（周日）上午', '弃权']);
  await ballot.getByRole('button', { name: '12月6日（周六）上午' }).click();
  await expect(ballot.locator('.ballot-confirm__final')).toHaveText('这是不记名投票：选票一经投出就不能更改，请确认后再投。');
  await ballot.getByRole('button', { name: '确认投票：12月6日（周六）上午' }).click();
  await expect(ballot.getByRole('heading', { name: '您的选票已记录' })).toBeFocused();
  await expect(ballot).toContainText('不记名投票：系统不保存您选了什么，只记录您已投票。');
  await expect(ballot).toContainText('不记名投票的收据码只显示这一次');
  const receipt = (await ballot.locator('.receipt__code').textContent())!.trim();
  expect(receipt).toMatch(/^b-[0-9a-f]{12}$/);
  await expect(ballot.getByRole('button', { name: '更改选票' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  // Secret ballots go into the box at close: the board says so, rather than a bare "not found".
  await ballot.getByRole('link', { name: '在公示栏查找' }).click();
  await expect(page.getByRole('status').filter({ hasText: '没有找到' })).toContainText('不记名投票的选票在投票截止后才放入票箱公示', { timeout: 15_000 });

  // Read again: recorded and final, the choice and the receipt kept nowhere to show.
  await page.goto(`${baseUrl()}/votes/${vote.id}`);
  await expect(ballot.getByRole('heading', { name: '您的选票已记录' })).toBeVisible();
  await expect(ballot).toContainText('不记名投票的收据码只在投票后显示一次。');
  await expect(ballot.locator('.receipt__code')).toHaveCount(0);
  await expect(ballot.getByRole('button', { name: /12月6日/ })).toHaveCount(0);
  await expect(ballot).not.toContainText(receipt);

  // The same page in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'My ballot' }).getByRole('heading', { name: 'Your ballot is recorded' })).toBeVisible();
  await expect(page.locator('.vote-facts')).toContainText('Secret: cannot be changed once cast');
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '中文' }).click();

  // Once counted: the winning option, and the receipt found in the published box.
  await expect
    .poll(async () => ((await (await convenor.api.get(`/api/votes/${vote.id}`)).json()) as { status: string }).status, { timeout: 60_000, intervals: [1000] })
    .toBe('closed');
  await page.goto(`${baseUrl()}/votes/${vote.id}/result`);
  await expect(page.locator('.verdict__value')).toHaveText('结果：12月6日（周六）上午');
  await expect(page.getByRole('region', { name: '各项条件' })).toContainText('得票最多的选项“12月6日（周六）上午”');
  await expect(page.getByRole('region', { name: '全部数字' }).getByRole('row', { name: /^12月6日/ })).toContainText('1');
  await page.getByRole('link', { name: '公示栏（查询收据码）' }).click();
  await page.getByLabel('我的收据码').fill(receipt);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('status').filter({ hasText: '找到了' })).toContainText(`找到了：收据码 ${receipt} 在公示栏上。`);
  await expectNoHorizontalScroll(page);

  expect(problems).toEqual([]);
  await context.close();
  await convenor.api.dispose();
});

test('a vote not open yet, and one cancelled while a resident has it on screen, are worded plainly', async ({ browser }) => {
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const now = Date.now();
  // Announced for tomorrow: the 15-day notice runs, nobody votes yet.
  const later = await convenor.write<{ id: string }>('POST', `/api/units/${convenor.nodeNamed('御水岸')}/votes`, {
    title: `外墙翻新表决 ${stamp}`,
    question: '是否同意筹集维修资金翻新外墙？',
    ruleSet: 'cc278-major',
    matterKinds: ['repair-fund-raising'],
    shorteningReason: SHORTENING_REASON,
    opensAt: new Date(now + 24 * 3600_000).toISOString(),
    closesAt: new Date(now + 20 * 24 * 3600_000).toISOString(),
  });
  const cancelledTitle = `快递柜选址表决 ${stamp}`;
  const cancelled = await openVote(convenor, cancelledTitle, 24 * 3600_000);

  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto(`${baseUrl()}/votes/${later.id}`);
  await expect(page.locator('.vote-header')).toContainText('已公告·未开始');
  await expect(page.locator('.vote-stage-note')).toContainText('投票将于');
  await expect(page.locator('.vote-stage-note')).toContainText('到了开始时间，您会在“消息”里收到通知');
  await expect(page.locator('.vote-facts')).toContainText('四分之三以上');
  // Not "not eligible": nobody is on a list before voting opens.
  await expect(page.locator('.vote-not-eligible')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '我的选票' })).toHaveCount(0);
  await page.goto(`${baseUrl()}/votes/${later.id}/result`);
  await expect(page.locator('.notice')).toHaveText('结果还没有公布：投票截止、计票完成后在这里公示，届时会通知您。');
  await expectNoHorizontalScroll(page);

  // The convenor cancels while the owner is about to vote: the refusal leaves the page saying so.
  await page.goto(`${baseUrl()}/votes/${cancelled}`);
  const ballot = page.getByRole('region', { name: '我的选票' });
  await ballot.getByRole('button', { name: '反对', exact: true }).click();
  await convenor.write('POST', `/api/votes/${cancelled}/cancel`, { reason: '选址方案需重新论证。' });
  await ballot.getByRole('button', { name: '确认投票：反对' }).click();
  await expect(page.locator('.vote-stage-note')).toHaveText('本次表决已取消，不再投票。');
  await expect(page.locator('.vote-header')).toContainText('已取消');
  await expect(page.getByRole('button', { name: /^确认投票/ })).toHaveCount(0);
  await page.goto(`${baseUrl()}/units/${convenor.nodeNamed('御水岸')}`);
  const listed = page.getByRole('list', { name: '表决列表' }).getByRole('listitem');
  await expect(listed.filter({ hasText: cancelledTitle })).toContainText('已取消');
  await expect(listed.filter({ hasText: `外墙翻新表决 ${stamp}` })).toContainText('开始投票');

  expect(problems).toEqual([]);
  await context.close();
  await convenor.api.dispose();
});

test('an owner holding a written proxy votes for the principal on the same page, each ballot saying whose it is and that it is final', async ({ browser }) => {
  test.setTimeout(60_000);
  const title = `楼道照明改造表决 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const voteId = await openVote(convenor, title, 24 * 3600_000, false);
  const voterOf = async (phone: string): Promise<string> => {
    const person = await apiAs(phone);
    const detail = (await (await person.api.get(`/api/votes/${voteId}`)).json()) as { myVoters: { voterId: string }[] };
    await person.api.dispose();
    return detail.myVoters[0]!.voterId;
  };
  const principal = await apiAs(CO_OWNER_YUSHUIAN);
  const principalVoterId = await voterOf(CO_OWNER_YUSHUIAN);
  // The convenor records the signed authorisation: the co-owner of 2-803 gives the owner her vote.
  const recorded = await convenor.api.post(`/api/votes/${voteId}/proxies`, {
    headers: { 'x-csrf-token': convenor.csrf },
    multipart: { principalVoterId, agentVoterId: await voterOf(OWNER_YUSHUIAN), written: 'true', file: { name: 'authorisation.jpg', mimeType: 'image/jpeg', buffer: SCAN_JPEG } },
  });
  expect(recorded.status()).toBe(201);
  expect(await recorded.json()).toMatchObject({ status: 'accepted' });

  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto(`${baseUrl()}/votes/${voteId}`);
  const own = page.getByRole('region', { name: /（本人）的选票$/ });
  const forPrincipal = page.getByRole('region', { name: /^代.+投票$/ });
  await expect(own).toBeVisible();
  await expect(forPrincipal).toContainText('您持有书面委托，代被委托人投票');
  await expect(forPrincipal).toContainText('2-803');
  // Changes are not allowed here: the confirmation says so before the ballot is cast.
  await forPrincipal.getByRole('button', { name: '反对', exact: true }).click();
  await expect(forPrincipal.locator('.ballot-confirm__final')).toHaveText('本次表决不允许更改：选票一经投出就不能更改，请确认后再投。');
  await forPrincipal.getByRole('button', { name: '确认投票：反对' }).click();
  await expect(forPrincipal.getByRole('heading', { name: '您的选票已记录' })).toBeFocused();
  await expect(forPrincipal).toContainText('您投的是：反对');
  await expect(forPrincipal.getByRole('button', { name: '更改选票' })).toHaveCount(0);
  // The owner's own ballot is still to cast.
  await expect(own.getByRole('button', { name: '同意', exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);
  // The principal sees the ballot cast for her.
  const hers = (await (await principal.api.get(`/api/votes/${voteId}`)).json()) as { myVoters: { voted: boolean; choice: string | null; canCast: boolean }[] };
  expect(hers.myVoters[0]).toMatchObject({ voted: true, choice: 'oppose', canCast: false });

  expect(problems).toEqual([]);
  await context.close();
  await principal.api.dispose();
  await convenor.api.dispose();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an owner finds the open vote first on 「我的」 and casts in three taps from there, in large-text mode, the confirm button in view', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `楼道照明改造表决 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const voteId = await openVote(convenor, title, 3 * 24 * 3600_000);
  await convenor.api.dispose();

  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, CO_OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  // The header leaves the phone's first screen to the page: two short rows, in large-text mode too.
  const headerHeight = async (): Promise<number> => (await page.locator('.site-header').boundingBox())!.height;
  expect(await headerHeight()).toBeLessThanOrEqual(130);
  await page.getByRole('button', { name: '大字模式' }).click();
  expect(await headerHeight()).toBeLessThanOrEqual(200);
  // 待办 comes first on 「我的」: the vote, its closing time, and that she has not voted.
  const waiting = page.getByRole('region', { name: '待办' });
  const card = waiting.getByRole('link', { name: new RegExp(escapeRegExp(title)) });
  await expect(card).toContainText('您还没投票');
  await expect(waiting.getByRole('heading', { name: '待办' })).toBeInViewport();
  await expectNoHorizontalScroll(page);

  let taps = 0;
  const tap = async (target: ReturnType<Page['getByRole']>): Promise<void> => {
    taps += 1;
    await target.click();
  };
  await tap(card);
  await expect(page).toHaveURL(new RegExp(`/votes/${voteId}$`));
  const ballot = page.getByRole('region', { name: '我的选票' });
  await tap(ballot.getByRole('button', { name: '同意', exact: true }));
  const confirm = ballot.getByRole('button', { name: '确认投票：同意' });
  await expect(confirm).toBeInViewport();
  await tap(confirm);
  await expect(ballot.getByRole('heading', { name: '您的选票已记录' })).toBeVisible();
  expect(taps).toBe(3);
  await expectNoHorizontalScroll(page);

  // 朗读: the question is read aloud in Mandarin, slowly, by the browser's own speech synthesis.
  await page.evaluate(() => {
    const spoken: { text: string; lang: string; rate: number }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: { speak: (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang, rate: u.rate }), cancel: () => undefined },
    });
  });
  const readQuestion = page.getByRole('button', { name: /朗读表决事项/ });
  await readQuestion.focus();
  await page.keyboard.press('Enter');
  const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string; rate: number }[] }).spoken);
  expect(spoken).toEqual([{ text: `${title}。是否同意在2栋北侧增设电动自行车集中充电区？`, lang: 'zh-CN', rate: expect.closeTo(0.7, 5) }]);

  // Back on 「我的」 it says so.
  await page.goto(`${baseUrl()}/me`);
  await expect(page.getByRole('region', { name: '待办' }).getByRole('link', { name: new RegExp(escapeRegExp(title)) })).toContainText('您已投票');
  await page.getByRole('button', { name: '大字模式' }).click();
  expect(problems).toEqual([]);
  await context.close();
});

test('a building head prints the list of who has not voted yet in his own building only, and records a visit', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `1栋外墙维修表决 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const voteId = await openVote(convenor, title, 3 * 24 * 3600_000);
  await convenor.api.dispose();

  const { context, page, problems } = await consoleOnPhone(browser, BUILDING_HEAD_YUSHUIAN);
  await page.goto(`${baseUrl()}/console/votes/${voteId}`);
  await page.getByRole('link', { name: '谁还没投' }).click();
  const list = page.getByRole('region', { name: `1栋 未参与名单 · ${title}` });
  await expect(list).toBeVisible();
  // Only 1栋: every flat listed is in building 1 (or a shop on its ground floor); no choice anywhere.
  const units = await list.locator('.missing-person__name').allTextContents();
  expect(units.length).toBeGreaterThan(3);
  for (const line of units) expect(line).toMatch(/\b(1-\d+|S-\d+)\b/);
  await expect(list).not.toContainText('同意');
  await expectNoHorizontalScroll(page);

  // A visit recorded stays on the list, with who made it.
  const first = list.locator('.missing-person').first();
  const name = (await first.locator('strong').textContent())!;
  await first.getByRole('button', { name: `${name}：会来投票` }).click();
  await expect(first).toContainText('已上门，会来投票');

  // Printed: the page asks the browser to print the list.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await list.getByRole('button', { name: '打印上门名单' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});

test('an owner who signs up by letter after the vote opened is told in the inbox and by SMS, finds it first on 「我的」, casts in three taps, and chooses how to be told', async ({ browser }) => {
  test.setTimeout(150_000);
  const title = `单元门禁更换表决 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const voteId = await openVote(convenor, title, 3 * 24 * 3600_000);
  const compound = convenor.nodeNamed('御水岸');
  await convenor.api.dispose();

  // Staff print the letters of a building where an owner with a phone on the roll has no account yet.
  const staff = await apiAs(STAFF_DAXU);
  const units = await staff.get<{ items: { buildingId: string | null; owners: { name: string; kind: string; phone: string | null; linked: boolean; liveInvitation: boolean; isDesignatedVoter: boolean }[] }[] }>(
    `/api/units/${compound}/roll/exclusive-units?pageSize=100`,
  );
  const [unit, owner] =
    units.items.flatMap((u) => u.owners.filter((o) => o.kind === 'person' && o.phone && !o.linked && !o.liveInvitation && o.isDesignatedVoter).map((o) => [u, o] as const))[0] ?? [];
  expect(owner, 'an owner of 御水岸 without an account or a live letter').toBeDefined();
  const sheet = await staff.api.post(`${baseUrl()}/api/units/${compound}/invitations`, { data: { buildingId: unit!.buildingId }, headers: { 'x-csrf-token': staff.csrf } });
  expect(sheet.status()).toBe(200);
  const html = await sheet.text();
  await staff.api.dispose();
  const { context, page } = await freshContext(browser);
  const letters = await context.newPage();
  await letters.setContent(html);
  const person = letters.locator('.letter-person').filter({ has: letters.locator('.letter-person__name', { hasText: owner!.name }) }).first();
  const code = (await person.locator('.letter-person__code').getAttribute('data-code')) ?? '';
  expect(code).toMatch(/^\d{12}$/);
  await letters.close();

  // She signs up with her own number and proves the letter is hers by a code to the roll's phone.
  const problems = watchConsole(page);
  const phone = `1390${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  await signUpWithLetter(page, code, phone);
  await expect(page).toHaveURL(/\/me\?code=\d{12}&proof=1/);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(owner!.phone!));
  await page.getByRole('button', { name: '关联', exact: true }).click();
  await expect(page.getByText('关联成功！')).toBeVisible();

  // The vote that opened before she joined: in the inbox, and by SMS to her number.
  await page.goto(`${baseUrl()}/inbox`);
  await expect(page.getByRole('link', { name: new RegExp(`“${escapeRegExp(title)}”开始投票了`) })).toBeVisible();
  await expect
    .poll(() => fs.readFileSync(process.env['YISHI_E2E_SERVER_LOG']!, 'utf8').includes(`SMS to ${phone}: 【议事】“${title}”开始投票`), { timeout: 30_000, message: 'the vote-opened SMS in the server log' })
    .toBe(true);

  // 「我的」 puts it first; three taps cast the ballot, the confirmation in view.
  await page.goto(`${baseUrl()}/me`);
  const waiting = page.getByRole('region', { name: '待办' });
  await expect(waiting.getByRole('heading', { name: '待办' })).toBeInViewport();
  const card = waiting.getByRole('link', { name: new RegExp(escapeRegExp(title)) });
  await expect(card).toContainText('您还没投票');
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/votes/${voteId}$`));
  const ballot = page.getByRole('region', { name: '我的选票' });
  await ballot.getByRole('button', { name: '反对', exact: true }).click();
  const confirm = ballot.getByRole('button', { name: '确认投票：反对' });
  await expect(confirm).toBeInViewport();
  await confirm.click();
  await expect(ballot.getByRole('heading', { name: '您的选票已记录' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // How she is told: by SMS unless she says otherwise; she keeps it to the app, by keyboard.
  await page.goto(`${baseUrl()}/me`);
  await page.getByRole('link', { name: '设置消息提醒方式' }).click();
  await expect(page).toHaveURL(/\/me\/messages$/);
  await expect(page.getByRole('radio', { name: '短信（发到我注册的手机号）' })).toBeChecked();
  await expect(page.getByRole('heading', { name: '最近发给我的短信和微信' })).toBeVisible();
  // The texts she was sent are listed, newest first, ten of them. Other tests of this run leave
  // votes of 御水岸 open, and she is told of every one when she joins, all at once: hers may be
  // beyond the tenth (the server log above shows it was sent to her number).
  const recent = page.getByRole('region', { name: '最近发给我的短信和微信' }).getByRole('listitem');
  await expect(recent.filter({ hasText: /^短信 · .*已发出【议事】“.+”开始投票/ }).first()).toBeVisible();
  await page.getByRole('radio', { name: '只在应用内，不发短信或微信' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: '开始投票' })).toHaveCount(0);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存。' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.reload();
  await expect(page.getByRole('radio', { name: '只在应用内，不发短信或微信' })).toBeChecked();
  expect(problems).toEqual([]);
  await context.close();
});
