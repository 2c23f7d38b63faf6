/**
 * An owners' assembly ballot (表决票) at phone size: 御水岸's convenor (through the API) announces
 * three matters on one ballot — the management statute, a repair-fund raising under item 6 and
 * the election of the owners' committee, 5 seats from 7 candidates — and opens it early under an
 * approved shortening. An owner fills the ballot on a 360 px screen: approves the statute, leaves
 * the repair fund blank, ticks five candidates (a sixth cannot be ticked), reads the review — which
 * says the blank matter counts as taking part and abstaining — confirms, and sees what was
 * recorded, matter by matter, with the receipt. Large-text mode still fits; the keyboard reaches
 * every box.
 *
 * The vote and its title are this test's own: the app is shared by the run.
 */
import { expect, test } from '@playwright/test';
import { apiAs, baseUrl, expectNoHorizontalScroll, freshContext, openWithApproval, SHORTENING_REASON, signIn, STAFF_DAXU, watchConsole } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** Owner in 御水岸: one owner-person, one voter. */
const OWNER_YUSHUIAN = '13800000012';

const CANDIDATES = ['陈志强', '黄美玲', '李建华', '梁淑芬', '何国栋', '麦家豪', '谭晓红'];

test('an owner fills the three-matter ballot, leaves one matter blank, confirms, and sees what was recorded per matter', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `第二次业主大会表决票 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const now = Date.now();
  const vote = await convenor.post<{ id: string }>(`/api/units/${convenor.nodeNamed('御水岸')}/votes`, {
    title,
    question: '请对以下三项事项逐项表决',
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 2 * 24 * 3600_000).toISOString(),
    shorteningReason: SHORTENING_REASON,
    matters: [
      { title: '管理规约', question: '是否同意《御水岸管理规约（修订稿）》？', ruleSet: 'cc278-ordinary', matterKinds: ['management-statute'] },
      { title: '续筹维修资金', question: '是否同意按每平方米 25 元续筹专项维修资金，用于更换门禁系统（报价 18 万元）？', ruleSet: 'cc278-major', matterKinds: ['repair-fund-raising'] },
      {
        title: '业委会选举',
        question: '选举第二届业主委员会委员（应选 5 名，每票最多选 5 名）',
        ruleSet: 'cc278-ordinary',
        matterKinds: ['owners-committee'],
        seats: 5,
        candidates: CANDIDATES.map((name, i) => ({ name, statement: `${i + 1} 栋业主，愿意为小区服务。`, consent: true })),
      },
    ],
  });
  const staff = await apiAs(STAFF_DAXU);
  await openWithApproval(convenor, staff, vote.id);
  await staff.api.dispose();
  await convenor.api.dispose();

  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, OWNER_YUSHUIAN);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto(`${baseUrl()}/votes/${vote.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const ballot = page.getByRole('region', { name: '我的选票' });
  await expect(ballot.getByRole('heading', { name: '本表决票共 3 项事项，请逐项填写' })).toBeVisible();
  await expect(ballot).toContainText('某一项不填写的，计入参与表决，视为对该项弃权');
  await expectNoHorizontalScroll(page);

  // Matter 1: approve, by keyboard.
  const statute = ballot.getByRole('group', { name: '第1项：管理规约' });
  await expect(statute).toContainText('是否同意《御水岸管理规约（修订稿）》？');
  await statute.getByRole('radio', { name: '同意' }).focus();
  await page.keyboard.press('Space');
  await expect(statute.getByRole('radio', { name: '同意' })).toBeChecked();
  // Matter 2: touched, then cleared again — left blank.
  const fund = ballot.getByRole('group', { name: '第2项：续筹维修资金' });
  await fund.getByRole('radio', { name: '反对' }).check();
  await fund.getByRole('button', { name: '清除「续筹维修资金」的选择（不填写）' }).click();
  for (const choice of ['同意', '反对', '弃权']) await expect(fund.getByRole('radio', { name: choice })).not.toBeChecked();
  // Matter 3: five of seven; the sixth box cannot be ticked, and the counter says so.
  const committee = ballot.getByRole('group', { name: '第3项：业委会选举' });
  await expect(committee).toContainText('应选 5 名，最多选 5 名；已选 0 名');
  for (const name of ['陈志强', '黄美玲', '李建华', '梁淑芬', '谭晓红']) await committee.getByRole('checkbox', { name }).check();
  await expect(committee).toContainText('已选 5 名');
  await expect(committee).toContainText('已选满 5 名');
  await expect(committee.getByRole('checkbox', { name: '何国栋' })).toBeDisabled();
  await expect(committee.getByRole('checkbox', { name: '麦家豪' })).toBeDisabled();
  await expectNoHorizontalScroll(page);

  // The review: every matter in words, the blank one flagged, nothing sent yet.
  await ballot.getByRole('button', { name: '检查我的选票' }).click();
  await expect(ballot.getByRole('heading', { name: '请确认您的选票' })).toBeFocused();
  const review = ballot.locator('.assembly-review');
  await expect(review).toContainText('第1项：管理规约同意');
  await expect(review).toContainText('第2项：续筹维修资金未填写（视为弃权）');
  await expect(review).toContainText('第3项：业委会选举陈志强、黄美玲、李建华、梁淑芬、谭晓红');
  await expect(ballot).toContainText('有 1 项未填写：计入参与表决，视为对该项弃权。');
  // Back to change, and the marks are still there.
  await ballot.getByRole('button', { name: '返回修改' }).click();
  await expect(ballot.getByRole('group', { name: '第1项：管理规约' }).getByRole('radio', { name: '同意' })).toBeChecked();
  await ballot.getByRole('button', { name: '检查我的选票' }).click();
  await ballot.getByRole('button', { name: '确认投票' }).click();

  // Recorded, matter by matter, with the receipt.
  const recorded = ballot.getByRole('heading', { name: '您的选票已记录' });
  await expect(recorded).toBeFocused();
  const marks = ballot.locator('.assembly-review--recorded');
  await expect(marks).toContainText('第1项：管理规约同意');
  await expect(marks).toContainText('第2项：续筹维修资金未填写（视为弃权）');
  await expect(marks).toContainText('第3项：业委会选举陈志强、黄美玲、李建华、梁淑芬、谭晓红');
  const receipt = (await ballot.locator('.receipt__code').textContent())!.trim();
  expect(receipt).toMatch(/^b-[0-9a-f]{12}$/);
  // What the server holds is what the page says: read again after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: '我的选票' }).locator('.assembly-review--recorded')).toContainText('第2项：续筹维修资金未填写（视为弃权）');

  // Large text at 360 px: the recorded ballot still fits.
  await page.getByRole('button', { name: '大字模式' }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '大字模式' }).click();

  // Changing the ballot starts from what was recorded.
  await page.getByRole('region', { name: '我的选票' }).getByRole('button', { name: '更改选票' }).click();
  await expect(page.getByRole('group', { name: '第3项：业委会选举' }).getByRole('checkbox', { name: '谭晓红' })).toBeChecked();

  expect(problems).toEqual([]);
  await context.close();
});
