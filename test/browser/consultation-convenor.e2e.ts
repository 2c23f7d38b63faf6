/**
 * A consultation as the convenor of 御水岸 runs it from the staff console, at phone size and by
 * keyboard where it matters (focus goes into what opens, back on cancel, to the word that it was
 * done). A resident (through the API) raises two topics; the convenor finds them in the screening
 * queue, accepts the first into a new consultation opened there (title, scope, rule set, planned
 * dates) and the second into that one, writes a four-article draft with a PDF attached, publishes
 * it, schedules a briefing and opens the comment period. The resident's opinions on article 3 —
 * one with markup that must stay text and never run — are answered in the opinions workspace
 * ("partly adopted", with a reason), which the resident's adoption report then shows; the convenor
 * enters an opinion received on paper, hides an abusive one with a reason, and publishes version 2
 * with a changed article 3: version 1 stays, the diff shows what changed and why, and the answer
 * points to the new article. Going back a phase takes a reason. Large text and English fit too.
 *
 * The consultation, the topics and the texts are this test's own: the app is shared by the run.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { apiAs, baseUrl, consoleOnPhone, expectNoHorizontalScroll, freshContext, signIn, watchConsole } from './support';

/** Convenor of 御水岸 (owners' committee chair): 邓卓. */
const CONVENOR_YUSHUIAN = '13800000006';
const CONVENOR_NAME = '邓卓';
/** A resident of 御水岸: owner of two flats, a shop and a parking space. */
const RESIDENT_YUSHUIAN = '13800000012';

const XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';

/** `YYYY-MM-DDTHH:mm` in Beijing time, as a datetime-local field takes it. */
function beijingInput(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** Uses a control by keyboard: focus it, check it took focus, press the key. */
async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await expect(control).toBeFocused();
  await control.press(key);
}

/** Tabs forward from where focus is until `control` has it, as a keyboard user would: it must be close by. */
async function tabTo(page: Page, control: Locator, most = 6): Promise<void> {
  for (let presses = 0; presses < most; presses += 1) {
    if (await control.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(control, `reached within ${most} presses of Tab`).toBeFocused();
}

/** Large text on, no sideways scrolling, large text off. */
async function expectLargeTextFits(page: Page, button = '大字模式'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: button }).click();
}

const CLAUSES = [
  { heading: '适用范围', body: '本公约适用于御水岸小区全体业主和住户。' },
  { heading: '车辆停放', body: '机动车应停放在划定的车位内，不得占用消防通道。' },
  { heading: '电动车充电', body: '电动自行车应在集中充电区充电，禁止飞线充电。' },
  { heading: '附则', body: '本公约经业主大会表决通过后施行。' },
];
const CLAUSE_3_V2 = '电动自行车应在集中充电区充电，禁止飞线充电；2栋北侧增设充电桩二十个。';

/** A section of the unit's console page: 议事, 议题… */
const sectionTab = (page: Page, name: string) => page.getByRole('navigation', { name: '栏目', exact: true }).getByRole('link', { name, exact: true });
/** A page of the consultation: 概况, 草案, 意见, 宣讲. */
const consultationTab = (page: Page, name: string) => page.getByRole('navigation', { name: '议事栏目' }).getByRole('link', { name, exact: true });
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

test('the convenor screens a topic into a new consultation, drafts and publishes it, answers and moderates opinions, and publishes version 2', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const topicTitle = `2栋北侧电动车乱充电，建议集中管理（${stamp}）`;
  const title = `电动车充电管理公约 ${stamp}`;

  // The resident raises a topic through the API.
  const resident = await apiAs(RESIDENT_YUSHUIAN);
  const yushuian = resident.nodeNamed('御水岸');
  await resident.post(`/api/units/${yushuian}/topics`, { title: topicTitle, body: '楼道里经常有人拉线充电，很危险。' });
  const secondTitle = `电动车充电桩太少，晚上排队（${stamp}）`;
  await resident.post(`/api/units/${yushuian}/topics`, { title: secondTitle });

  // The convenor signs in on a phone and opens 御水岸's screening queue.
  const { context, page, problems } = await consoleOnPhone(browser, CONVENOR_YUSHUIAN);
  page.setDefaultTimeout(15_000);
  await page.getByRole('link', { name: /御水岸/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('御水岸');
  await sectionTab(page, '议题').click();
  await expect(page).toHaveURL(/\/console\/nodes\/[\w-]+\/topics$/);
  const card = page.getByRole('article', { name: topicTitle });
  await expect(card).toContainText('待筛选');
  await expect(card).toContainText('网上');
  await expectNoHorizontalScroll(page);

  // 采纳 into a new consultation, opened from here: title, scope, rule set, planned dates.
  // Each action opens in place of the buttons, focus on its heading; cancelling returns to the button.
  await press(card.getByRole('button', { name: /^不采纳/ }));
  await expect(card.getByRole('heading', { name: `不采纳“${topicTitle}”` })).toBeFocused();
  await tabTo(page, card.getByRole('button', { name: '取消' }));
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: /^不采纳/ })).toBeFocused();
  await press(card.getByRole('button', { name: /^采纳/ }));
  const accept = card.getByRole('group', { name: `采纳“${topicTitle}”` });
  await expect(accept.getByRole('heading', { name: `采纳“${topicTitle}”` })).toBeFocused();
  await accept.getByRole('radio', { name: '发起新的议事' }).check();
  await accept.getByLabel('议事标题').fill(title);
  await accept.getByLabel('简介（选填）').fill('规范小区电动车充电，消除火灾隐患。');
  await expect(accept.locator('.consultation-form__units')).toHaveText('御水岸');
  // Without a rule set it is refused before sending, focus on the first choice, the error read with it.
  await press(accept.getByRole('button', { name: '采纳并发起议事' }));
  const firstRule = accept.getByRole('radio', { name: /业主共同决定一般事项（双过半）/ });
  await expect(firstRule).toBeFocused();
  await expect(accept.getByRole('group', { name: '表决规则' })).toHaveAccessibleDescription(/请选择表决规则。/);
  await page.keyboard.press('Space');
  await expect(firstRule).toBeChecked();
  await expect(accept.getByText('请选择表决规则。')).toHaveCount(0);
  await press(accept.getByText('计划各阶段时间（选填）'));
  const day = 24 * 3600_000;
  const now = Date.now();
  await accept.getByRole('group', { name: '宣讲', exact: true }).getByLabel('开始时间').fill(beijingInput(new Date(now + 2 * day)));
  await accept.getByRole('group', { name: '征求意见', exact: true }).getByLabel('开始时间').fill(beijingInput(new Date(now + 5 * day)));
  await accept.getByRole('group', { name: '征求意见', exact: true }).getByLabel('结束时间（选填）').fill(beijingInput(new Date(now + 19 * day)));
  await accept.getByLabel('说明（选填）').fill('与其他充电问题一并讨论。');
  await expectNoHorizontalScroll(page);
  await press(accept.getByRole('button', { name: '采纳并发起议事' }));
  const screened = page.getByRole('status').filter({ hasText: `已采纳，并入议事“${title}”` });
  await expect(screened).toBeVisible();
  await expect(screened).toBeFocused();
  await expect(card).toHaveCount(0);

  // The second topic joins the consultation just opened, now among the existing ones.
  const second = page.getByRole('article', { name: secondTitle });
  await press(second.getByRole('button', { name: /^采纳/ }));
  const acceptSecond = second.getByRole('group', { name: `采纳“${secondTitle}”` });
  await expect(acceptSecond.getByRole('radio', { name: '已有的议事' })).toBeChecked();
  await expect(acceptSecond.getByLabel('议事', { exact: true })).toHaveValue(/.+/);
  await acceptSecond.getByLabel('议事', { exact: true }).selectOption({ label: `${title}（草拟）` });
  await press(acceptSecond.getByRole('button', { name: '确认采纳' }));
  const screenedSecond = page.getByRole('status').filter({ hasText: `已采纳，并入议事“${title}”` });
  await expect(screenedSecond).toBeFocused();
  await expect(second).toHaveCount(0);

  // The new consultation, from the notice: in the draft phase, with its plan.
  await screenedSecond.getByRole('link', { name: `打开议事“${title}”` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const consultationId = /\/console\/consultations\/([\w-]+)/.exec(page.url())![1]!;
  await expect(page.locator('.phase-step[aria-current="step"]')).toContainText('草拟');
  await expect(page.locator('.phase-step').filter({ hasText: '征求意见' })).toContainText('计划');
  await expectNoHorizontalScroll(page);

  // 草案: version 1, four articles, by the editor's own buttons.
  await consultationTab(page, '草案').click();
  await press(page.getByRole('button', { name: '开始编写第1版' }));
  const editor = page.getByRole('form', { name: '编写第1版' });
  await expect(editor.getByRole('heading', { name: '编写第1版' })).toBeFocused();
  await tabTo(page, editor.getByLabel('草案标题'));
  await page.keyboard.type(`${title}（草案）`);
  for (const [index, clause] of CLAUSES.entries()) {
    await press(editor.getByRole('button', { name: '添加一条' }));
    const row = editor.getByRole('group', { name: `第${index + 1}条` });
    await expect(row.getByLabel('条文')).toBeFocused();
    await row.getByLabel('条文').fill(clause.body);
    await row.getByLabel('标题（选填）').fill(clause.heading);
  }
  await expect(editor.getByRole('status')).toHaveText('有未保存的修改');
  await press(editor.getByRole('button', { name: '保存', exact: true }));
  await expect(editor.getByRole('status')).toHaveText('已保存。');
  await expectNoHorizontalScroll(page);
  // An attachment: a PDF with a title taken from its name; removing asks first, cancelling keeps it.
  const upload = page.getByRole('form', { name: '添加附件' });
  await upload.getByLabel('文件').setInputFiles({ name: '充电区平面图.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await expect(upload.getByLabel('附件标题')).toHaveValue('充电区平面图');
  await press(upload.getByRole('button', { name: '上传附件' }));
  await expect(upload.getByRole('status').filter({ hasText: '已添加附件“充电区平面图”。' })).toBeVisible();
  const attachment = page.locator('.attachment').filter({ hasText: '充电区平面图' });
  await expect(attachment).toContainText('PDF');
  await press(attachment.getByRole('button', { name: /^移除/ }));
  await expect(attachment.getByText('从这一版移除附件“充电区平面图”？')).toBeFocused();
  await tabTo(page, attachment.getByRole('button', { name: '取消' }));
  await page.keyboard.press('Enter');
  await expect(attachment.getByRole('button', { name: /^移除/ })).toBeFocused();
  await expectLargeTextFits(page);
  await press(editor.getByRole('button', { name: '发布第1版' }));
  await expect(page.getByText('确认发布第1版？')).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: '确认发布第1版' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '第1版已发布，文字不能再修改。' })).toBeFocused();
  const v1 = page.getByRole('article', { name: `${title}（草案）` });
  await expect(v1).toContainText('第1版');
  await expect(v1.locator('.version-clause').nth(2)).toContainText(CLAUSES[2]!.body);
  const pdf = await page.request.get(new URL((await v1.getByRole('link', { name: '充电区平面图' }).getAttribute('href'))!, baseUrl()).toString());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // 概况: forward through 宣讲 to 征求意见, each confirmed.
  await consultationTab(page, '概况').click();
  await press(page.getByRole('button', { name: '进入下一阶段：宣讲' }));
  for (const phase of ['宣讲', '征求意见']) {
    await expect(page.getByText(`确认进入“${phase}”阶段？`)).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: '确认进入' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `已进入“${phase}”阶段，居民已收到通知。` })).toBeFocused();
    if (phase === '宣讲') {
      await tabTo(page, page.getByRole('button', { name: '进入下一阶段：征求意见' }));
      await page.keyboard.press('Enter');
    }
  }
  await expect(page.locator('.phase-step[aria-current="step"]')).toContainText('征求意见');
  await expect(page.locator('.page-header .phase-badge')).toHaveText('征求意见');
  await expectNoHorizontalScroll(page);
  // 御水岸's 议事 list has it, in its phase, with its version.
  await page.getByRole('navigation', { name: '所在位置' }).getByRole('link', { name: '御水岸' }).click();
  await expect(page).toHaveURL(/\/console\/nodes\/[\w-]+\/consultations$/);
  const listed = page.locator('.console-consultation').filter({ has: page.getByRole('link', { name: title }) });
  await expect(listed).toContainText('征求意见');
  await expect(listed).toContainText('第1版');
  await expectNoHorizontalScroll(page);
  await listed.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // 宣讲: a session at the party branch's activity room, thirty seats.
  await consultationTab(page, '宣讲').click();
  await press(page.getByRole('button', { name: '安排宣讲' }));
  const briefingForm = page.getByRole('form', { name: '安排一场宣讲' });
  await expect(briefingForm.getByRole('heading', { name: '安排一场宣讲' })).toBeFocused();
  const briefingStart = new Date(now + 3 * day);
  await briefingForm.getByLabel('开始时间').fill(beijingInput(briefingStart));
  await briefingForm.getByLabel('结束时间').fill(beijingInput(new Date(briefingStart.getTime() + 2 * 3600_000)));
  await briefingForm.getByLabel('地点').fill('御水岸党支部组织生活馆');
  await briefingForm.getByLabel('名额').fill('30');
  await expectNoHorizontalScroll(page);
  await press(briefingForm.getByRole('button', { name: '安排', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: '已安排。居民可以报名了。' })).toBeFocused();
  const session = page.getByRole('article').filter({ hasText: '御水岸党支部组织生活馆' });
  await expect(session).toContainText('0/30 人，还剩 30 个名额');
  await expect(session).toContainText('未开始');

  // The resident comments on article 3 (once plainly, once with markup) and, abusively, on the whole draft.
  const version1 = await resident.get<{ id: string; clauses: { id: string; number: number }[] }>(`/api/consultations/${consultationId}/versions/1`);
  const clause3 = version1.clauses.find((clause) => clause.number === 3)!;
  const plainOpinion = `建议在2栋北侧增设集中充电桩，并加装监控。（${stamp}）`;
  const abusive = `写这个公约的人脑子进水了，滚出小区！（${stamp}）`;
  const comment = (body: string, clauseId?: string) => resident.post(`/api/consultations/${consultationId}/comments`, { body, versionId: version1.id, ...(clauseId ? { clauseId } : {}) });
  await comment(plainOpinion, clause3.id);
  await comment(XSS, clause3.id);
  await comment(abusive);

  // 意见: by place, the markup shown as typed and never run.
  await consultationTab(page, '意见').click();
  await expect(page.getByRole('heading', { level: 2, name: '意见' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '未答复（3）' })).toBeVisible();
  const article3 = page.getByRole('region', { name: '第3条「电动车充电」' });
  await expect(article3.getByRole('article')).toHaveCount(2);
  await expect(article3.locator('.opinion__body').filter({ hasText: 'script' })).toHaveText(XSS);
  await expect(page.locator('.opinions').locator('img, script')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();
  await expectNoHorizontalScroll(page);

  // 答复 the plain opinion: partly adopted, with a reason.
  const reason = `同意增设充电桩，已列入修改稿；监控涉及隐私，须另行表决。（${stamp}）`;
  const opinion = article3.getByRole('article').filter({ hasText: plainOpinion });
  await press(opinion.getByRole('button', { name: /^答复/ }));
  const replyForm = opinion.getByRole('form', { name: '答复意见' });
  // Focus on the first outcome; the arrow keys choose among them.
  await expect(replyForm.getByRole('radio', { name: '采纳', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(replyForm.getByRole('radio', { name: '部分采纳' })).toBeChecked();
  await tabTo(page, replyForm.getByLabel('答复理由'));
  await page.keyboard.type(reason);
  await tabTo(page, replyForm.getByRole('button', { name: '提交答复' }));
  await page.keyboard.press('Enter');
  await expect(opinion.getByRole('status').filter({ hasText: '答复已提交，提意见的人会收到通知。' })).toBeFocused();
  await expect(opinion.locator('.official-reply')).toContainText('部分采纳');
  await expect(opinion.locator('.official-reply')).toContainText(reason);
  await expect(opinion.locator('.official-reply')).toContainText(`${CONVENOR_NAME} 答复于`);
  await expect(page.getByRole('radio', { name: '已答复（1）' })).toBeVisible();

  // 登记线下意见: on paper, collected by the head of building 1, about article 3.
  const paperOpinion = `充电区要有人管，晚上十点后断电。（${stamp}）`;
  await press(page.getByRole('button', { name: '登记线下意见' }));
  const offline = page.getByRole('form', { name: '登记线下意见' });
  await expect(offline.getByRole('heading', { name: '登记线下意见' })).toBeFocused();
  await offline.getByLabel('来源').selectOption({ label: '书面' });
  await offline.getByLabel('收集人').fill('1栋楼长 潘志明');
  await offline.getByLabel('居民姓名').fill('王桂兰');
  await offline.getByLabel('针对').selectOption({ label: '第3条「电动车充电」' });
  await offline.getByLabel('意见内容').fill(paperOpinion);
  await expectNoHorizontalScroll(page);
  await press(offline.getByRole('button', { name: '登记意见' }));
  await expect(page.getByRole('status').filter({ hasText: '已登记一条来自书面的意见。' })).toBeFocused();
  const paper = article3.getByRole('article').filter({ hasText: paperOpinion });
  await expect(paper).toContainText('王桂兰');
  await expect(paper).toContainText('书面');
  await expect(paper).toContainText(`1栋楼长 潘志明于`);
  await expect(paper).toContainText(`${CONVENOR_NAME}录入`);

  // 隐藏 the abusive one, with a reason everyone sees instead of its text.
  const hideReason = '含有人身攻击，已隐藏。';
  const rude = page.getByRole('region', { name: '整体草案' }).getByRole('article').filter({ hasText: abusive });
  await press(rude.getByRole('button', { name: /^隐藏/ }));
  const hideForm = rude.getByRole('form', { name: '隐藏意见' });
  await expect(hideForm.getByLabel('隐藏原因')).toBeFocused();
  await page.keyboard.type(hideReason);
  await tabTo(page, hideForm.getByRole('button', { name: '确认隐藏' }));
  await page.keyboard.press('Enter');
  await expect(rude.getByRole('status').filter({ hasText: '已隐藏，作者会收到通知。' })).toBeFocused();
  await expect(rude).toContainText(`已隐藏原因：${hideReason}`);
  await expect(rude).toContainText('已隐藏，无需答复。');
  await expect(page.getByRole('radio', { name: '已隐藏（1）' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectLargeTextFits(page);
  // In English too, nothing runs off the side.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Opinions' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Hidden (1)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The whole draft' }).getByRole('article').filter({ hasText: abusive })).toContainText(`Reason: ${hideReason}`);
  await expectNoHorizontalScroll(page);
  await expectLargeTextFits(page, 'Large text');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '意见' })).toBeVisible();

  // The resident's adoption report: the answer under article 3, the paper opinion, the hidden one's reason only.
  const residentSide = await freshContext(browser);
  const residentPage = residentSide.page;
  const residentProblems = watchConsole(residentPage);
  await residentPage.goto(`${baseUrl()}/login`);
  await signIn(residentPage, RESIDENT_YUSHUIAN);
  await expect(residentPage).toHaveURL(/\/me$/);
  await residentPage.goto(`${baseUrl()}/consultations/${consultationId}/report`);
  await expect(residentPage.getByRole('heading', { level: 1 })).toHaveText('意见采纳情况说明');
  await expect(residentPage.locator('.report-totals__summary')).toHaveText('共收到意见 4 条，其中线下收集 1 条。');
  const section = residentPage.getByRole('region', { name: /^第3条 电动车充电/ });
  const answered = section.getByRole('listitem').filter({ hasText: plainOpinion });
  await expect(answered).toContainText('部分采纳');
  await expect(answered).toContainText(reason);
  await expect(section.getByRole('listitem').filter({ hasText: paperOpinion })).toContainText('线下 · 书面意见 · 1栋楼长 潘志明收集');
  await expect(section.locator('.report-item').filter({ hasText: 'script' })).toContainText(XSS);
  await expect(residentPage.locator('main').locator('img, script')).toHaveCount(0);
  await expect(residentPage.getByText(abusive)).toHaveCount(0);
  await expect(residentPage.locator('main')).toContainText(hideReason);
  expect(await pwned(residentPage)).toBeUndefined();
  await expectNoHorizontalScroll(residentPage);

  // 草案: version 2 changes article 3, with a reason and a change note; version 1 stays as it was.
  await consultationTab(page, '草案').click();
  await press(page.getByRole('button', { name: '编写第2版（从第1版复制）' }));
  const editor2 = page.getByRole('form', { name: '编写第2版' });
  await expect(editor2.getByRole('heading', { name: '编写第2版' })).toBeFocused();
  const row3 = editor2.getByRole('group', { name: '第3条' });
  await expect(row3.getByLabel('延续上一版的')).toHaveValue(clause3.id);
  await row3.getByLabel('条文').fill(CLAUSE_3_V2);
  await row3.getByLabel('修改理由（选填）').fill('采纳居民意见：2栋北侧增设充电桩。');
  // Leaving with unsaved changes asks first, the question read at once; staying keeps them.
  await press(consultationTab(page, '概况'));
  await expect(page.getByText('草案有未保存的修改，离开会丢失这些修改。')).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: '留下继续编辑' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/draft\?v=2$/);
  await expect(row3.getByLabel('条文')).toHaveValue(CLAUSE_3_V2);
  await press(editor2.getByRole('button', { name: '预览修改对照' }));
  const preview = page.locator('.version-editor__diff');
  await expect(preview).toBeFocused();
  await expect(preview.locator('.diff-clause--changed')).toHaveCount(1);
  // Version 2 is not published without a change note: focus goes to it.
  await press(editor2.getByRole('button', { name: '发布第2版' }));
  await expect(editor2.getByLabel('修改说明')).toBeFocused();
  await expect(editor2.getByLabel('修改说明')).toHaveAccessibleDescription(/发布前请写明这一版改了什么、为什么改。/);
  await page.keyboard.type('采纳居民意见，增设充电桩。');
  await press(editor2.getByRole('button', { name: '发布第2版' }));
  await press(page.getByRole('button', { name: '确认发布第2版' }));
  await expect(page.getByRole('status').filter({ hasText: '第2版已发布，文字不能再修改。' })).toBeFocused();
  const versions = page.getByRole('navigation', { name: '草案版本' });
  await expect(versions.getByRole('link')).toHaveCount(2);
  const v2 = page.getByRole('article', { name: `${title}（草案）` });
  await expect(v2).toContainText('第2版');
  await expect(v2.locator('.version-clause').nth(2)).toContainText(CLAUSE_3_V2);
  await expect(v2.locator('.version-clause').nth(2)).toContainText('延续上一版第3条');
  // The diff: article 3 changed, what was added marked, with the reason.
  await press(v2.getByText('与第1版对照'));
  const diff = v2.getByRole('region', { name: '第2版与第1版对照' });
  await expect(diff).toContainText('新增 0 条，修改 1 条，删除 0 条，未改 3 条');
  const changed = diff.locator('.diff-clause--changed');
  await expect(changed).toContainText('第3条');
  await expect(changed.locator('ins')).toContainText('2栋北侧增设充电桩二十个');
  await expect(changed).toContainText('修改理由：采纳居民意见：2栋北侧增设充电桩。');
  await expectNoHorizontalScroll(page);
  // Version 1, unchanged.
  await versions.getByRole('link', { name: /第1版/ }).click();
  await expect(page).toHaveURL(/\?v=1$/);
  await expect(page.getByRole('article', { name: `${title}（草案）` }).locator('.version-clause').nth(2)).toHaveText(new RegExp(CLAUSES[2]!.body));

  // The answer now points to the article of version 2 that carries the change; the report says so.
  await consultationTab(page, '意见').click();
  const answeredOpinion = page.getByRole('region', { name: '第1版 · 第3条「电动车充电」' }).getByRole('article').filter({ hasText: plainOpinion });
  await press(answeredOpinion.getByRole('button', { name: /^修改答复/ }));
  const editReply = answeredOpinion.getByRole('form', { name: '修改答复' });
  await expect(editReply.getByRole('radio', { name: '部分采纳' })).toBeFocused();
  await expect(editReply.getByLabel('答复理由')).toHaveValue(reason);
  await editReply.getByLabel('修改体现在（选填）').selectOption({ label: '第2版第3条 电动车充电' });
  await press(editReply.getByRole('button', { name: '提交答复' }));
  await expect(answeredOpinion.locator('.official-reply')).toContainText('修改见第2版第3条「电动车充电」');
  await residentPage.reload();
  await expect(section.getByRole('listitem').filter({ hasText: plainOpinion }).getByRole('link', { name: '修改见第 2 版第3条' })).toBeVisible();

  // The workbook downloads; the report opens from the workspace too.
  const workbook = await page.request.get(new URL((await page.getByRole('link', { name: '下载 Excel' }).getAttribute('href'))!, baseUrl()).toString());
  expect(workbook.status()).toBe(200);
  expect(workbook.headers()['content-type']).toContain('spreadsheetml');
  await page.getByRole('link', { name: '意见采纳情况说明' }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${consultationId}/report$`));
  await expect(page.locator('.report-totals__summary')).toHaveText('共收到意见 4 条，其中线下收集 1 条。');
  await page.goBack();

  // Going back a phase takes a reason, said with the outcome.
  await consultationTab(page, '概况').click();
  await press(page.getByRole('button', { name: '退回…' }));
  const back = page.getByRole('form', { name: '退回到之前的阶段' });
  await expect(back.getByRole('heading', { name: '退回到之前的阶段' })).toBeFocused();
  await tabTo(page, back.getByRole('button', { name: '确认退回' }));
  await page.keyboard.press('Enter');
  await expect(back.getByLabel('退回原因')).toBeFocused();
  await expect(back.getByLabel('退回原因')).toHaveAccessibleDescription(/请写明退回的原因/);
  await back.getByLabel('退回到').selectOption({ label: '宣讲' });
  await back.getByLabel('退回原因').fill('宣讲会人数不足，再开一场。');
  await press(back.getByRole('button', { name: '确认退回' }));
  const movedBack = page.getByRole('status').filter({ hasText: '已退回到“宣讲”阶段。' });
  await expect(movedBack).toBeFocused();
  await expect(movedBack).toContainText('退回原因：宣讲会人数不足，再开一场。（已记入审计记录）');
  await expect(page.locator('.phase-step[aria-current="step"]')).toContainText('宣讲');

  expect(await pwned(page)).toBeUndefined();
  expect(problems).toEqual([]);
  expect(residentProblems).toEqual([]);
  await residentSide.context.close();
  await context.close();
  await resident.api.dispose();
});

test('the convenor opens a consultation from the 议事 section: a plan that ends before it starts is refused at the field, then the draft awaits', async ({ browser }) => {
  const title = `御水岸加装电梯方案 ${Date.now().toString(36)}`;
  const { context, page, problems } = await consoleOnPhone(browser, CONVENOR_YUSHUIAN);
  page.setDefaultTimeout(15_000);
  await page.getByRole('link', { name: /御水岸/ }).first().click();
  await sectionTab(page, '议事').click();
  await press(page.getByRole('link', { name: '发起议事' }));
  const form = page.getByRole('form', { name: '发起议事' });
  await form.getByLabel('议事标题').fill(title);
  await form.getByRole('radio', { name: /业主共同决定筹集维修资金等重大事项（双四分之三）/ }).check();
  await press(form.getByText('计划各阶段时间（选填）'));
  const comment = form.getByRole('group', { name: '征求意见', exact: true });
  const start = new Date(Date.now() + 10 * 24 * 3600_000);
  await comment.getByLabel('开始时间').fill(beijingInput(start));
  await comment.getByLabel('结束时间（选填）').fill(beijingInput(new Date(start.getTime() - 3600_000)));
  await expectNoHorizontalScroll(page);
  await press(form.getByRole('button', { name: '发起议事' }));
  const end = comment.getByLabel('结束时间（选填）');
  await expect(end).toBeFocused();
  await expect(end).toHaveAccessibleDescription(/结束时间要晚于开始时间。/);
  await end.fill(beijingInput(new Date(start.getTime() + 14 * 24 * 3600_000)));
  await press(form.getByRole('button', { name: '发起议事' }));

  // Opened in the draft phase, on its draft page, waiting for version 1.
  await expect(page).toHaveURL(/\/console\/consultations\/[\w-]+\/draft$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.page-header .phase-badge')).toHaveText('草拟');
  await expect(page.getByRole('heading', { level: 2, name: '草案' })).toBeVisible();
  await expect(page.getByText('还没有草案。点击下面的按钮开始编写第1版。')).toBeVisible();
  await expect(page.getByRole('button', { name: '开始编写第1版' })).toBeVisible();
  await consultationTab(page, '概况').click();
  await expect(page.locator('.phase-step').filter({ hasText: '征求意见' })).toContainText('计划');
  await expect(page.getByRole('button', { name: '进入下一阶段：宣讲' })).toBeDisabled();
  await expect(page.getByText('先发布一版草案，才能进入“宣讲”阶段。')).toBeVisible();
  await expectNoHorizontalScroll(page);

  expect(problems).toEqual([]);
  await context.close();
});
