/**
 * The adoption report of a consultation that drew more opinions than one page holds, as a resident
 * of 御水岸 opens it on a phone. The convenor (through the API) opens a two-article draft and
 * records 130 paper opinions from the suggestion box: 70 on article 1, 60 on article 2. The
 * resident sees the totals of all 130 and the first 100 in order, with article 2's section begun;
 * 「显示更多意见」 brings the other 30, numbered on from 101, and then is gone. Printing is of the
 * whole report: opened afresh, 「打印」 first reads the pages not yet shown, then opens the print
 * dialog with all 130 on the page.
 *
 * The consultation, its title and its texts are this test's own: the app is shared by the run.
 */
import { expect, test } from '@playwright/test';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import { apiAs, baseUrl, expectNoHorizontalScroll, freshContext, openForComment, signIn, watchConsole } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** A resident of 御水岸. */
const RESIDENT_YUSHUIAN = '13800000012';

const ON_FIRST = 70;
const ON_SECOND = 60;
const TOTAL = ON_FIRST + ON_SECOND;

test('a resident reads a 130-opinion adoption report a page at a time on a phone, and prints all of it', async ({ browser }) => {
  test.setTimeout(150_000);
  const tag = Date.now().toString(36);
  const title = `小区公共收益使用办法 ${tag}`;

  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const yushuian = convenor.nodeNamed('御水岸', 'convenor');
  const consultation = await openForComment(convenor, yushuian, {
    title,
    summary: '公共收益的收支公开和使用范围。',
    preamble: '为规范公共收益的使用，制定本办法。',
    clauses: [
      { heading: '收支公开', body: '公共收益每季度在公告栏和议事平台公开一次。' },
      { heading: '使用范围', body: '公共收益优先用于共用部位维修和公共设施改造。' },
    ],
  });
  const [first, second] = consultation.clauses;
  // The suggestion box's notes, entered in the order they were read: article 1's, then article 2's.
  for (let i = 1; i <= TOTAL; i += 1) {
    await convenor.write('POST', `/api/consultations/${consultation.id}/offline-comments`, {
      body: `第${i}张意见条：${i <= ON_FIRST ? '希望每月公开一次收支明细。' : '建议拿出一部分用于加装电梯补贴。'}`,
      channel: 'suggestion_box',
      collectorName: '黄楼长',
      collectedOn: calendarDateIn(LEGAL_TIME_ZONE), // today in China: a paper opinion's collection date may not be in the future
      residentName: `业主${i}`,
      clauseId: (i <= ON_FIRST ? first : second)!.id,
    });
  }
  await convenor.api.dispose();

  const { context, page } = await freshContext(browser);
  const errors = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, RESIDENT_YUSHUIAN);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${baseUrl()}/consultations/${consultation.id}/report`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('意见采纳情况说明');
  await expect(page.locator('.report-totals__summary')).toHaveText(`共收到意见 ${TOTAL} 条，其中线下收集 ${TOTAL} 条。`);

  // The first page: 100 opinions in order, article 1's 70 and the first 30 of article 2, whose
  // section says how many it holds in all.
  const items = page.locator('.report-item');
  await expect(items).toHaveCount(100);
  await expect(items.first()).toContainText('序号 1');
  await expect(items.first()).toContainText('第1张意见条');
  await expect(items.nth(99)).toContainText('序号 100');
  await expect(items.nth(99)).toContainText('第100张意见条');
  const sections = page.locator('.report-section');
  await expect(sections).toHaveCount(2);
  await expect(sections.nth(0).locator('.report-section__count')).toHaveText(`${ON_FIRST} 条`);
  await expect(sections.nth(1).locator('.report-section__count')).toHaveText(`${ON_SECOND} 条`);
  await expect(sections.nth(1).locator('.report-item')).toHaveCount(30);
  await expectNoHorizontalScroll(page);

  // The rest, by keyboard: numbered on from 101, under article 2; then nothing more to show.
  const more = page.getByRole('button', { name: `显示更多意见（已显示 100 / ${TOTAL} 条）` });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(TOTAL);
  await expect(sections).toHaveCount(2);
  await expect(sections.nth(1).locator('.report-item')).toHaveCount(ON_SECOND);
  await expect(items.nth(100)).toContainText('序号 101');
  await expect(items.nth(100)).toContainText('第101张意见条');
  await expect(items.last()).toContainText(`序号 ${TOTAL}`);
  await expect(page.getByRole('button', { name: /^显示更多意见/ })).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  // Opened afresh, 「打印」 prints the whole report: the print dialog opens with all 130 on the page.
  await page.addInitScript(() => {
    const w = window as unknown as { __printedItems?: number; print: () => void };
    w.print = () => {
      w.__printedItems = document.querySelectorAll('.report-item').length;
    };
  });
  await page.reload();
  await expect(items).toHaveCount(100);
  await page.getByRole('button', { name: '打印' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printedItems?: number }).__printedItems ?? null)).toBe(TOTAL);
  await expect(page.getByRole('button', { name: /^显示更多意见/ })).toHaveCount(0);

  expect(errors).toEqual([]);
  await context.close();
});
