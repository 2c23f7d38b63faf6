/**
 * A consultation as a resident of 御水岸 lives it, at phone size. The convenor (through the API)
 * opens a consultation with a four-article draft for comment; the resident hears of it in the
 * inbox, reads article 3 and comments on it — once in plain words, once with markup that must
 * stay text and never run — and signs up for a briefing. The convenor answers the first opinion
 * "partly adopted" with a reason; the resident sees the answer under article 3, in the adoption
 * report, and in the inbox, whose message leads back to the opinion itself.
 *
 * The consultation, its title and its texts are this test's own: the app is shared by the run.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { apiAs, baseUrl, expectNoHorizontalScroll, freshContext, openForComment, signIn, watchConsole } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** A resident of 御水岸: owner of two flats, a shop and a parking space. */
const RESIDENT_YUSHUIAN = '13800000012';

const XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';

const CLAUSES = [
  { heading: '适用范围', body: '本公约适用于御水岸小区全体业主和住户。' },
  { heading: '车辆停放', body: '机动车应停放在划定的车位内，不得占用消防通道。' },
  { heading: '电动车充电', body: '电动自行车应在集中充电区充电，禁止飞线充电，\n禁止推入楼道和电梯。' },
  { heading: '附则', body: '本公约经业主大会表决通过后施行。' },
];

/** The inbox link in the header: 「消息」, with the unread count in its name. */
const inboxLink = (page: Page) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /^消息/ });

test('a resident reads article 3 from the inbox, comments on it safely, and follows the official answer to the report', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `电动车停放与充电管理公约 ${Date.now().toString(36)}`;
  const plainOpinion = `建议在2栋北侧增设集中充电桩，并加装监控。（${Date.now().toString(36)}）`;
  const reason = '同意增设充电桩，已列入修改稿；监控涉及隐私，须另行表决。';

  // The convenor opens the consultation through the API: a draft of four articles, published, open for comment.
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const yushuian = convenor.nodeNamed('御水岸', 'convenor');
  const consultation = await openForComment(convenor, yushuian, {
    title,
    summary: '规范小区电动车停放和充电，消除火灾隐患。',
    preamble: '为维护小区公共安全，制定本公约。',
    clauses: CLAUSES,
  });
  const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
  await convenor.write('POST', `/api/consultations/${consultation.id}/briefings`, {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    place: '御水岸党群服务站',
    capacity: 30,
  });
  const clause3 = consultation.clauses.find((clause) => clause.number === 3)!;

  // The resident signs in on a phone and finds the news in the inbox.
  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, RESIDENT_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  // 「我的议事」 lists it with its phase.
  const mine = page.getByRole('region', { name: '我的议事' });
  await expect(mine.getByRole('listitem').filter({ hasText: title })).toContainText('征求意见中');
  await expect(inboxLink(page)).toHaveAccessibleName(/^消息，\d+ 条未读$/);
  await inboxLink(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('消息');
  const opened = page.getByRole('link', { name: new RegExp(`新的议事“${escapeRegExp(title)}”开始了，现在是征求意见阶段。`) });
  await expect(opened).toContainText('未读');
  await expectNoHorizontalScroll(page);
  await opened.click();

  // The consultation: title, phase, the deciding body, the timeline, the briefing, the clause index.
  await expect(page).toHaveURL(new RegExp(`/consultations/${consultation.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.consultation-header')).toContainText('征求意见中');
  await expect(page.locator('.consultation-header')).toContainText('业主大会（一般事项）');
  await expect(page.locator('.phase-step[aria-current="step"]')).toContainText('征求意见');
  await expect(page.locator('.phase-step[aria-current="step"]')).toContainText('当前阶段');
  const briefing = page.getByRole('region', { name: '宣讲会' }).getByRole('listitem').filter({ hasText: '御水岸党群服务站' });
  await expect(briefing).toContainText('剩余 30 个（共 30 个）');
  await briefing.getByRole('button', { name: /^报名/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '报名成功' })).toContainText('御水岸党群服务站');
  await expect(briefing).toContainText('已报名');
  await expect(briefing).toContainText('剩余 29 个（共 30 个）');
  await expectNoHorizontalScroll(page);

  // Article 3, as a page of its own; the address keeps the place.
  await page.getByRole('link', { name: /第3条\s*电动车充电/ }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${consultation.id}#clause-3$`));
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('第3条');
  await expect(heading).toContainText('电动车充电');
  await expect(heading).toBeFocused();
  await expect(page.locator('.clause__body')).toHaveText(CLAUSES[2]!.body);
  await expect(page.getByRole('heading', { name: '对第3条的意见（0）' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // An opinion on article 3, then one with markup: both saved, the markup shown as it was typed.
  const box = page.getByRole('textbox', { name: '对第3条的意见' });
  await box.fill(plainOpinion);
  // The counter under the box, read with it.
  await expect(page.getByText(`${[...plainOpinion].length}/1000`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '提交意见' }).click();
  // An opinion cannot be edited once posted: it asks first, with both ways in view.
  const confirm = page.getByRole('group', { name: '发表后不能修改' });
  await expect(confirm).toBeFocused();
  await expect(confirm.getByRole('button', { name: '确认发表' })).toBeInViewport();
  // 返回修改 posts nothing and puts the cursor back in the text.
  await confirm.getByRole('button', { name: '返回修改' }).click();
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(plainOpinion);
  await expect(page.getByRole('heading', { name: '对第3条的意见（0）' })).toBeVisible();
  await page.getByRole('button', { name: '提交意见' }).click();
  await confirm.getByRole('button', { name: '确认发表' }).click();
  await expect(page.getByRole('status').filter({ hasText: '您的意见已提交' })).toBeVisible();
  await expect(box).toHaveValue('');
  const comments = page.locator('.comment-list');
  await expect(comments.locator('.comment__body').filter({ hasText: plainOpinion })).toBeVisible();

  await box.fill(XSS);
  await page.getByRole('button', { name: '提交意见' }).click();
  await confirm.getByRole('button', { name: '确认发表' }).click();
  await expect(comments.locator('.comment__body').filter({ hasText: XSS })).toHaveText(XSS);
  await expect(page.getByRole('heading', { name: '对第3条的意见（2）' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(comments.locator('img, script')).toHaveCount(0);
  await expect(comments.getByText('待答复：召集人会对每条意见作出正式答复。').first()).toBeVisible();

  // The convenor answers the first opinion: partly adopted, with a reason.
  const list = (await (await convenor.api.get(`/api/consultations/${consultation.id}/comments?clauseId=${clause3.id}`)).json()) as { items: { id: string; body: string }[] };
  const opinion = list.items.find((item) => item.body === plainOpinion)!;
  expect(opinion).toBeTruthy();
  await convenor.write('PUT', `/api/comments/${opinion.id}/official-reply`, { outcome: 'partly_adopted', reason });

  // The resident sees the answer under article 3, set apart with its outcome in words.
  await page.reload();
  const answered = page.locator('.comment-thread').filter({ hasText: plainOpinion });
  const answer = answered.getByRole('region', { name: '正式答复' });
  await expect(answer).toContainText('部分采纳');
  await expect(answer).toContainText(reason);
  await expect(answer).toContainText('御水岸业委会 邓卓');
  // Still text after a reload; still nothing ran.
  await expect(page.locator('.comment__body').filter({ hasText: XSS })).toHaveText(XSS);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Large text at 360 px: nothing runs off the side.
  await page.getByRole('button', { name: '大字模式' }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '大字模式' }).click();

  // The adoption report: the opinion under article 3 with its answer, the totals, a workbook to download.
  await page.getByRole('link', { name: '返回条文目录' }).click();
  await page.getByRole('link', { name: '意见采纳情况' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${consultation.id}/report$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('意见采纳情况说明');
  await expect(page.locator('.report-totals__summary')).toHaveText('共收到意见 2 条，其中线下收集 0 条。');
  const section = page.getByRole('region', { name: /^第3条 电动车充电/ });
  const item = section.getByRole('listitem').filter({ hasText: plainOpinion });
  await expect(item).toContainText('部分采纳');
  await expect(item).toContainText(reason);
  await expect(item).toContainText('网上提交');
  await expect(section.getByRole('listitem').filter({ hasText: XSS })).toContainText('待答复');
  const workbook = page.getByRole('link', { name: '下载 Excel 表格' });
  const xlsx = await page.request.get(new URL((await workbook.getAttribute('href'))!, baseUrl()).toString());
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await expectNoHorizontalScroll(page);
  // On A4 paper the site's header and the buttons are left out.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.report-actions')).toBeHidden();
  await expect(item).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The answer is in the inbox; its message leads back to the opinion, marked and focused.
  await inboxLink(page).click();
  const replied = page.getByRole('link', { name: new RegExp(`您对“${escapeRegExp(title)}”的意见收到正式答复：部分采纳。`) });
  await expect(replied).toContainText('未读');
  await replied.click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${consultation.id}\\?comment=${opinion.id}#clause-3$`));
  const pointed = page.locator(`#comment-${opinion.id}`);
  await expect(pointed).toContainText('您要查看的意见');
  await expect(pointed).toBeFocused();
  await expect(pointed).toContainText('部分采纳');

  // Read messages are no longer counted.
  await inboxLink(page).click();
  await expect(page.getByRole('link', { name: new RegExp(`您对“${escapeRegExp(title)}”的意见收到正式答复`) })).not.toContainText('未读');

  expect(problems).toEqual([]);
  await context.close();
  await convenor.api.dispose();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
