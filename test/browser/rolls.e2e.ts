/**
 * Rolls (名册) in the browser, at phone size: staff import a roll file — a broken one is refused
 * row by row and changes nothing, the fixed one is previewed and confirmed as a new version —
 * find the new household, print its letter; its member signs up with the letter's code and sees
 * the household, and the code does not work twice. In a compound, staff filter by building, link
 * a resident in person, and make them head of a building; and find units by what the office is
 * told at the counter: an owner's name, a flat's number, a tenant's phone.
 *
 * Each test uses its own households and phone numbers: the app (and its database) is shared by
 * every test of a run.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  baseUrl,
  expectNoHorizontalScroll,
  freshContext,
  signIn,
  signUpWithLetter,
  signUpWithoutLetter,
  STAFF_DAXU,
  STAFF_ZHONGQU,
  watchConsole,
} from './support';

/** The roll list's status line: 「共 41 户」, 「找到 1 户与“NC-801”相符」… */
const rollStatus = (page: Page) => page.locator('.roll-results__status');

/** A section of a unit's page: 名册, 邀请函, 角色, 审计. */
const sectionTab = (page: Page, name: string) => page.getByRole('navigation', { name: '栏目', exact: true }).getByRole('link', { name, exact: true });

/** A page of the roll section: 名册, 导入名册, 版本记录. */
const rollPage = (page: Page, name: string) => page.getByRole('navigation', { name: '名册栏目' }).getByRole('link', { name, exact: true });

async function searchRoll(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: '搜索名册' }).fill(text);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
}

/** Downloads the current roll as CSV through its link on the import page; returns its lines (CRLF, BOM kept). */
async function downloadRoll(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '当前名册（CSV）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^南村经济社名册-第\d+版-\d{4}-\d{2}-\d{2}\.csv$/);
  return fs.readFileSync(await file.path(), 'utf8');
}

async function upload(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('名册文件').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByRole('button', { name: '上传并检查' }).click();
}

test('staff import a roll: a broken file changes nothing, the fixed one adds a household whose member signs up with its letter, once', async ({ page, browser }) => {
  const household = 'NC-801';
  const member = '欧阳小满';
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, STAFF_ZHONGQU);
  await expect(page).toHaveURL(/\/console$/);
  await page.getByRole('link', { name: /南村经济社/ }).click();

  // The unit's page opens on its roll: households with their members, a page at a time.
  await expect(page).toHaveURL(/\/console\/nodes\/[\w-]+\/roll$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('南村经济社');
  await expect(rollStatus(page)).toHaveText(/^共 \d+ 户/);
  const households = Number(/共 (\d+) 户/.exec((await rollStatus(page).textContent()) ?? '')?.[1]);
  const revisionLine = ((await page.locator('.roll-revision-line').textContent()) ?? '').trim();
  const revision = Number(/名册第 (\d+) 版/.exec(revisionLine)?.[1]);
  expect(revision).toBeGreaterThanOrEqual(1);
  await expect(page.locator('.roll-group').first()).toContainText(/户号 NC-\d{3}/);
  await expect(page.locator('.roll-badge--linked').first()).toHaveText('已实名');
  await expectNoHorizontalScroll(page);

  // 导入名册: the current roll downloads as the file to start from.
  await rollPage(page, '导入名册').click();
  await expect(page).toHaveURL(/\/roll\/import$/);
  const exported = await downloadRoll(page);
  expect(exported.startsWith('\uFEFF户号,地址,姓名,出生日期,身份证号后四位,户主,户代表,成员代表,手机\r\n')).toBe(true);
  const lastRow = exported.split('\r\n').filter((line) => line !== '').length;

  // A broken file: an impossible birth date, and a second head of the same household.
  const broken = `${exported}${household},南村9巷8号,${member},1990-02-30,,是,是,否,\r\n${household},南村9巷8号,欧阳大满,1988-03-04,,是,否,否,\r\n`;
  await upload(page, '南村名册-有错.csv', broken);
  const result = page.locator('.roll-import__result');
  await expect(result).toBeFocused();
  const refused = page.getByRole('alert').filter({ hasText: '问题' });
  await expect(refused).toContainText('文件中有 2 个问题，没有导入任何内容。');
  await expect(refused).toContainText('名册没有任何改动');
  await expect(page.getByRole('list', { name: '问题清单（南村名册-有错.csv）' })).toBeVisible();
  const list = page.locator('.problem-list--errors');
  const dateRow = list.getByRole('listitem').filter({ hasText: `第 ${lastRow + 1} 行` });
  await expect(dateRow).toContainText('出生日期');
  await expect(dateRow).toContainText('“1990-02-30”不是有效的日期');
  const headRow = list.getByRole('listitem').filter({ hasText: `第 ${lastRow + 2} 行` });
  await expect(headRow).toContainText('户主');
  await expect(headRow).toContainText(`户 ${household} 有 2 位户主`);
  await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  // The reasons follow the language of the screen.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: `Row ${lastRow + 1}` })).toContainText('is not a valid date');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(dateRow).toContainText('不是有效的日期');

  // Nothing was saved: the roll is as it was.
  await rollPage(page, '名册').click();
  await expect(rollStatus(page)).toHaveText(new RegExp(`^共 ${households} 户`));
  await expect(page.locator('.roll-revision-line')).toContainText(`名册第 ${revision} 版`);
  await searchRoll(page, household);
  await expect(rollStatus(page)).toHaveText(`没有找到与“${household}”相符的记录。`);

  // The fixed file: the roll as exported, plus one household with one adult member.
  await rollPage(page, '导入名册').click();
  await upload(page, '南村名册.csv', `${exported}${household},南村9巷8号,${member},1990-02-03,,是,是,否,13900000031\r\n`);
  await expect(result).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: '文件检查通过' })).toContainText(`与名册第 ${revision} 版相比：新增 1 户、1 名成员。`);
  const summary = page.getByRole('table', { name: '各类记录的变化' });
  await expect(summary.getByRole('columnheader')).toHaveText(['类别', '新增', '变更', '移除', '不变']);
  await expect(summary.getByRole('row', { name: /^户 / }).getByRole('cell')).toHaveText(['1', '0', '0', String(households)]);
  await expect(summary.getByRole('row', { name: /^成员 / }).getByRole('cell').first()).toHaveText('1');
  await expect(page.getByText(/将从名册中移除/)).toHaveCount(0);
  await page.getByRole('button', { name: '确认导入' }).click();
  const done = page.getByRole('status').filter({ hasText: '导入成功' });
  await expect(done).toHaveText(new RegExp(`导入成功：名册已更新为第 ${revision + 1} 版。`));
  await expect(result).toBeFocused();

  // The new version is in the versions list, with the file and what changed.
  await rollPage(page, '版本记录').click();
  const latest = page.locator('.revision').first();
  await expect(latest).toContainText(`名册第 ${revision + 1} 版`);
  await expect(latest).toContainText('南村名册.csv');
  await expect(latest).toContainText('新增 1 户、1 名成员');
  await expect(latest).toContainText('中区社区 黄敏');

  // The household is on the roll; its letter is printed from there.
  await rollPage(page, '名册').click();
  await searchRoll(page, household);
  await expect(rollStatus(page)).toHaveText(`找到 1 户与“${household}”相符`);
  const card = page.locator('.roll-group').filter({ hasText: `户号 ${household}` });
  await expect(card).toContainText(member);
  await expect(card).toContainText('1990年2月3日出生');
  await expect(card.locator('.roll-badge--head')).toHaveText('户主');
  await expect(card.locator('.roll-badge--linked')).toHaveCount(0);
  await card.getByRole('link', { name: /为此户打印邀请函/ }).click();

  await expect(page).toHaveURL(/\/letters\?household=[\w-]+&number=NC-801$/);
  await expect(page.getByRole('radio', { name: `户号 ${household}（在名册中选择的一户）` })).toBeChecked();
  await page.getByRole('button', { name: '生成邀请函' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '已生成' })).toContainText('已生成 1 个邀请码。');
  const sheet = page.frameLocator('iframe[title="邀请函预览"]').locator('.letter-sheet');
  await expect(sheet).toHaveCount(1);
  await expect(sheet).toContainText(`户号 ${household}`);
  await expect(sheet.locator('.letter-person__name')).toContainText(member);
  const code = (await sheet.locator('.letter-person__code').getAttribute('data-code')) ?? '';
  expect(code).toMatch(/^\d{12}$/);
  // 打印 prints the letters' own document; once the print dialog closes, the page says so.
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.getByText('打印窗口已关闭')).toBeVisible();

  // The member, on their own phone (the number the roll holds), signs up with the letter's code
  // and sees their household: the verified number is the proof the letter is theirs.
  const resident = await freshContext(browser);
  const residentProblems = watchConsole(resident.page);
  await signUpWithLetter(resident.page, code, '13900000031');
  await expect(resident.page).toHaveURL(/\/me$/);
  await expect(resident.page.getByRole('heading', { name: `户号 ${household}` })).toBeVisible();
  const me = resident.page.locator('.member--me');
  await expect(me).toContainText(member);
  await expect(me).toContainText('户主');
  await resident.context.close();

  // The same code again, by someone else: refused at the code's field.
  const other = await freshContext(browser);
  await signUpWithLetter(other.page, code, '13900000032');
  const field = other.page.getByLabel('邀请码（选填）');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(other.page.getByText('邀请码无效：可能输错、已用过或已过期。')).toBeVisible();
  await expect(other.page).toHaveURL(/\/signup/);
  await other.context.close();

  // Back on the roll (the letter was printed: leaving does not ask), the member shows as signed up.
  await sectionTab(page, '名册').click();
  await expect(page).toHaveURL(/\/roll$/);
  await searchRoll(page, household);
  await expect(page.locator('.roll-group').filter({ hasText: `户号 ${household}` }).locator('.roll-badge--linked')).toHaveText('已实名');
  expect(problems).toEqual([]);
  expect(residentProblems).toEqual([]);
});

test('in a compound, staff filter by building, link a resident in person, and make them head of their building', async ({ page, browser }) => {
  const phone = '13900000041';
  const problems = watchConsole(page);

  // The resident signed up without a letter and comes to the office with their identity card.
  const resident = await freshContext(browser);
  await signUpWithoutLetter(resident.page, phone, '业主本人');
  await expect(resident.page).toHaveURL(/\/me$/);
  await expect(resident.page.getByRole('heading', { name: '还没有关联到名册' })).toBeVisible();

  await page.goto(`${baseUrl()}/login`);
  await signIn(page, STAFF_DAXU);
  await page.getByRole('link', { name: /御水岸/ }).click();
  await expect(page).toHaveURL(/\/roll$/);
  await expect(rollStatus(page)).toHaveText(/^共 \d+ 个专有部分/);

  // Only 3栋's units, with their area in square metres.
  await page.getByLabel('楼栋').selectOption({ label: '3栋（90 个专有部分）' });
  await expect(page).toHaveURL(/\?building=[\w-]+$/);
  await expect(rollStatus(page)).toHaveText(/^3栋共 90 个专有部分，第 1\/5 页$/);
  const first = page.locator('.roll-group').first();
  await expect(first).toContainText(/房号 3-\d+/);
  await expect(first).toContainText(/3栋 · 住宅 · \d+\.\d{2}㎡（/);
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(rollStatus(page)).toHaveText(/第 2\/5 页$/);
  await expectNoHorizontalScroll(page);

  // 现场实名: the first owner on this page who is not linked yet.
  const openButton = page.getByRole('button', { name: /^现场实名/ });
  const firstGroup = page.locator('.roll-group').filter({ has: openButton }).first();
  const unit = ((await firstGroup.locator('.roll-group__title').textContent()) ?? '').replace('房号 ', '').trim();
  // Hold on to the unit and the name: a locator by the button would move on once the button is gone.
  const group = page.locator('.roll-group').filter({ has: page.getByRole('heading', { name: `房号 ${unit}`, exact: true }) });
  const name = ((await group.locator('.roll-person').filter({ has: openButton }).first().locator('.roll-person__name').textContent()) ?? '').trim();
  const person = group.locator('.roll-person').filter({ hasText: name });
  await person.getByRole('button', { name: /^现场实名/ }).click();
  const phoneField = person.getByLabel('居民的手机号');
  await expect(phoneField).toBeFocused();
  // A number nobody signed up with is refused, and says what to do.
  await phoneField.fill('13900000049');
  await person.getByRole('button', { name: '下一步' }).click();
  await person.getByRole('button', { name: '确认实名' }).click();
  await expect(person.getByText('这个手机号还没有注册议事账号：请居民先注册，再来实名。')).toBeVisible();
  await expect(phoneField).toBeFocused();
  await phoneField.fill(phone);
  await person.getByRole('button', { name: '下一步' }).click();
  await expect(person.getByText(`把手机号 139 0000 0041 的账号关联到名册上的“${unit} ${name}”吗？`)).toBeFocused();
  await person.getByRole('button', { name: '确认实名' }).click();
  const linked = person.getByRole('status').filter({ hasText: `已实名：${name}已关联到手机号 139 0000 0041 的账号。` });
  await expect(linked).toBeVisible();
  await expect(linked).toBeFocused();
  await expect(person.locator('.roll-badge--linked')).toHaveText('已实名');

  // The resident now sees their unit.
  await resident.page.reload();
  await expect(resident.page.getByRole('heading', { name: '我的房产' })).toBeVisible();
  await expect(resident.page.locator('.unit').filter({ hasText: unit })).toContainText('3栋');
  await resident.context.close();

  // 楼长 is granted with a building, picked from the compound's buildings.
  await sectionTab(page, '角色').click();
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('角色', { exact: true }).selectOption({ label: '楼长 — 发放本楼栋的邀请函' });
  await page.getByRole('button', { name: '授予', exact: true }).click();
  await expect(page.getByText('请选择楼长负责的楼栋。')).toBeVisible();
  await page.getByLabel('楼栋').selectOption({ label: '3栋' });
  await page.getByRole('button', { name: '授予', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '“楼长”角色（3栋）' })).toBeVisible();
  await expect(page.locator('.role-row').filter({ hasText: '139 0000 0041' }).filter({ hasText: '楼长' })).toContainText('3栋');

  // The letters page offers each building of the compound.
  await sectionTab(page, '邀请函').click();
  await expect(page.getByLabel('范围').locator('option')).toHaveText(['整个御水岸', '1栋（94 个专有部分）', '2栋（90 个专有部分）', '3栋（90 个专有部分）']);
  expect(problems).toEqual([]);
});

test('in a compound, staff find units by an owner’s name, a flat’s number and a tenant’s phone, in the whole compound or one building', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, STAFF_DAXU);
  await page.getByRole('link', { name: /御水岸/ }).click();
  await expect(rollStatus(page)).toHaveText(/^共 \d+ 个专有部分/);
  const titles = page.locator('.roll-group__title');

  // The developer still holds the top two floors of 3栋 and eleven parking spaces: 17 units, on one page.
  const developer = '佛山御水岸房地产开发有限公司';
  await searchRoll(page, developer);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(rollStatus(page)).toHaveText(`找到 17 个专有部分与“${developer}”相符`);
  await expect(titles).toHaveCount(17);
  await expect(titles.filter({ hasText: /^房号 3-(29|30)\d\d$/ })).toHaveCount(6);
  await expect(titles.filter({ hasText: /^房号 P-0(2\d|30)$/ })).toHaveCount(11);
  await expectNoHorizontalScroll(page);

  // Within 3栋, only its flats.
  await page.getByLabel('楼栋').selectOption({ label: '3栋（90 个专有部分）' });
  await expect(rollStatus(page)).toHaveText(/^找到 6 个专有部分与“佛山御水岸房地产开发有限公司”相符/);
  await expect(titles).toHaveText(['3-2901', '3-2902', '3-2903', '3-3001', '3-3002', '3-3003'].map((n) => `房号 ${n}`));

  // A flat by its number, in the whole compound: the couple who own 2-803 together, both on the roll.
  await page.getByLabel('楼栋').selectOption({ label: '全部楼栋' });
  await searchRoll(page, '2-803');
  await expect(rollStatus(page)).toHaveText('找到 1 个专有部分与“2-803”相符');
  await expect(titles).toHaveText(['房号 2-803']);
  await expect(page.locator('.roll-group').first().locator('.roll-person__name')).toHaveCount(2);

  // The tenant of 1-301 by the phone they gave: the flat they rent, with them on it.
  await searchRoll(page, '13800000014');
  await expect(rollStatus(page)).toHaveText('找到 1 个专有部分与“13800000014”相符');
  await expect(titles).toHaveText(['房号 1-301']);

  // Nothing matches: said so, and one tap shows the whole roll again.
  await searchRoll(page, '不存在的名字');
  await expect(page.getByText('没有找到与“不存在的名字”相符的记录。')).toBeVisible();
  await page.getByRole('button', { name: '清除搜索，显示全部' }).click();
  await expect(rollStatus(page)).toHaveText(/^共 \d+ 个专有部分/);
  expect(problems).toEqual([]);
});
