/**
 * A cooperative's secret member ballot (无记名表决票), from the console to a member's phone. 南村经济社's
 * convenor chooses 多项事项表决票 and adds the charter amendment (only the member assembly may
 * decide it: two thirds of all members) and the election of a board member (1 seat, 2 candidates),
 * which he puts before the same member assembly; as no matter weighs floor area, he may choose a
 * secret ballot, and the preview says so. Once staff of 中区社区 approve opening before the notice has
 * run (through the API), a member fills the ballot on a phone: the charter approved, one candidate
 * ticked. The ballot says it is secret and final before casting; after casting, the page says the
 * ballot is recorded without what was chosen (not as matters left blank), shows the receipt this
 * once, and offers no change.
 *
 * The vote and its title are this test's own: the app is shared by the run.
 */
import { expect, test } from '@playwright/test';
import { addCandidates, addMatter, apiAs, apiOf, baseUrl, consoleNewVote, desktop, expectNoHorizontalScroll, freshContext, openWithApproval, RESIDENT_NANCUN, signIn, STAFF_ZHONGQU, watchConsole } from './support';

/** Convenor of 南村经济社 (branch secretary), a member. */
const CONVENOR_NANCUN = '13800000005';
const REASON = '征地补偿方案须在期限前报批，经社委会决议提前开始表决';

/** A `datetime-local` value in Beijing time, `ms` from now. */
const inChina = (ms: number): string => new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 16);

test('a cooperative convenor announces a secret member ballot in the console; a member casts it on a phone, and it keeps no choice', async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `南村经济社成员大会表决票 ${Date.now().toString(36)}`;
  const { context: desk, page, problems } = await desktop(browser, CONVENOR_NANCUN);
  await consoleNewVote(page, /南村/);
  await page.getByLabel('表决标题').fill(title);
  await page.getByLabel('表决票说明').fill('请对以下两项事项逐项表决');

  // Matter 1: the charter, which only the member assembly may decide.
  const charter = await addMatter(page, '议案', 1, { name: '章程修改', text: '是否同意《南村经济社章程（修订稿）》？', category: 'charter' });
  await expect(charter.getByRole('radio', { name: /成员大会（全体成员三分之二同意）/ })).toBeChecked();
  await expect(charter.getByRole('radio', { name: /成员代表大会/ })).toHaveCount(0);

  // Matter 2: a board member's election, before the same assembly (the representatives could decide it alone).
  const election = await addMatter(page, '选举', 2, { name: '理事会补选', text: '补选理事会成员（应选 1 名）', category: 'officers' });
  await election.getByRole('radio', { name: /成员大会（全体成员三分之二同意）/ }).check();
  await election.getByLabel('应选名额').fill('1');
  await addCandidates(
    election,
    ['何伟明', '梁秀英'].map((name, i) => ({ name, profile: `${name}：第${i + 3}村民小组成员，愿意为经济社服务。`, consented: true })),
  );

  // No matter weighs floor area: the ballot may be secret.
  const secret = page.getByRole('radio', { name: /无记名投票/ });
  await expect(secret).toBeEnabled();
  await secret.check();
  await page.getByLabel('开始投票', { exact: true }).fill(inChina(0));
  await page.getByLabel('截止投票').fill(inChina(8 * 24 * 3600_000));
  await page.getByLabel('缩短期限的理由').fill(REASON);
  await page.getByRole('button', { name: '预览公告和表决票' }).click();

  const preview = page.getByRole('region', { name: '发布前预览' });
  await expect(page.getByRole('heading', { name: '发布前预览' })).toBeFocused();
  await expect(preview.getByText(/集体经济组织成员大会/).first()).toBeVisible();
  await expect(preview.getByText(/无记名/).first()).toBeVisible();
  await expect(preview.locator('.assembly-preview__matter h5')).toHaveText(['第 1 项：章程修改', '第 2 项：理事会补选']);
  await expect(preview.getByRole('listitem', { name: '第 2 项：理事会补选' }).getByText('应选 1 名，每张票最多选 1 人')).toBeVisible();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page).toHaveURL(/\/console\/votes\/[\w-]+$/);
  const voteId = /\/console\/votes\/([\w-]+)$/.exec(page.url())![1]!;

  // What was announced is a secret ballot of two matters, each before the member assembly.
  const convenor = await apiOf(page);
  const announced = await convenor.get<{ secrecy: string; matters: { title: string; ruleSet: string }[] }>(`/api/votes/${voteId}`);
  expect(announced.secrecy).toBe('secret');
  expect(announced.matters.map((m) => [m.title, m.ruleSet])).toEqual([
    ['章程修改', 'rceo-27'],
    ['理事会补选', 'rceo-27'],
  ]);
  const staff = await apiAs(STAFF_ZHONGQU);
  await openWithApproval(convenor, staff, voteId);
  await staff.api.dispose();

  // A member on a phone: the charter approved, one candidate ticked, confirmed.
  const phone = await freshContext(browser);
  const member = phone.page;
  const memberProblems = watchConsole(member);
  await member.goto(`${baseUrl()}/login`);
  await signIn(member, RESIDENT_NANCUN);
  await expect(member).toHaveURL(/\/me$/);
  await member.goto(`${baseUrl()}/votes/${voteId}`);
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(title);
  const ballot = member.getByRole('region', { name: '我的选票' });
  await expect(ballot).toContainText('这是不记名投票：选票一经投出就不能更改，请确认后再投。');
  await ballot.getByRole('group', { name: '第1项：章程修改' }).getByRole('radio', { name: '同意' }).check();
  const board = ballot.getByRole('group', { name: '第2项：理事会补选' });
  await board.getByRole('checkbox', { name: '梁秀英' }).check();
  await expect(board.getByRole('checkbox', { name: '何伟明' })).toBeDisabled();
  await expectNoHorizontalScroll(member);
  await ballot.getByRole('button', { name: '检查我的选票' }).click();
  const review = ballot.locator('.assembly-review');
  await expect(review).toContainText('第1项：章程修改同意');
  await expect(review).toContainText('第2项：理事会补选梁秀英');
  await ballot.getByRole('button', { name: '确认投票' }).click();
  await expect(ballot.getByRole('heading', { name: '您的选票已记录' })).toBeFocused();
  // Recorded: not what was chosen (the server keeps no marks with the member), and the receipt only this once.
  await expect(ballot).toContainText('不记名投票：系统不保存您选了什么，只记录您已投票。');
  await expect(ballot).not.toContainText('未填写');
  await expect(ballot.locator('.receipt__code')).toHaveText(/b-[0-9a-f]{12}/);
  await expect(ballot).toContainText('不记名投票的收据码只显示这一次');

  // Read again: recorded without what was chosen, no receipt shown again, and no change offered.
  await member.reload();
  const after = member.getByRole('region', { name: '我的选票' });
  await expect(after).toContainText('不记名投票：系统不保存您选了什么，只记录您已投票。');
  await expect(after).not.toContainText('梁秀英');
  await expect(after).not.toContainText('未填写');
  await expect(after.locator('.receipt__code')).toHaveCount(0);
  await expect(after).toContainText('不记名投票的收据码只在投票后显示一次。');
  await expect(after.getByRole('button', { name: '更改选票' })).toHaveCount(0);
  await expectNoHorizontalScroll(member);

  expect(problems).toEqual([]);
  expect(memberProblems).toEqual([]);
  await phone.context.close();
  await desk.close();
});
