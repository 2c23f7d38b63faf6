/**
 * A cooperative's member assembly, where the rule (rceo-27) counts those present: the 南村
 * convenor opens a vote and, on a phone at the meeting, signs members in from the paper desk as
 * they sign the attendance sheet. Each counts once, however often they are signed in, and the
 * live attendance condition follows. (An owners' vote counts ballots only: its desk has no
 * attendance sheet, as vote-convenor.e2e checks.)
 */
import { expect, test } from '@playwright/test';
import { apiAs, apiOf, baseUrl, consoleOnPhone, expectNoHorizontalScroll, openWithApproval, SHORTENING_REASON, STAFF_ZHONGQU } from './support';

/** Convenor of 南村经济社 (branch secretary), a member. */
const CONVENOR_NANCUN = '13800000005';

interface Condition {
  id: string;
  numerator: number;
  denominator: number;
}

test('at a member assembly the convenor signs members in on a phone, each counted once toward the two-thirds present', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page, problems } = await consoleOnPhone(browser, CONVENOR_NANCUN);
  const api = await apiOf(page);

  const title = `成员大会：集体厂房出租 ${Date.now().toString(36)}`;
  const vote = await api.post<{ id: string }>(`/api/units/${api.nodeNamed('南村经济社', 'convenor')}/votes`, {
    title,
    question: '是否同意将集体厂房出租给桂城五金厂，租期五年？',
    ruleSet: 'rceo-27',
    matterKinds: ['cooperative-other'],
    opensAt: new Date().toISOString(),
    closesAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    // Before its 10-day notice: staff of 中区社区 approve it.
    shorteningReason: SHORTENING_REASON,
  });
  const staff = await apiAs(STAFF_ZHONGQU);
  await openWithApproval(api, staff, vote.id);
  await staff.api.dispose();
  const [first, second] = await api.get<{ voterId: string; name: string }[]>(`/api/votes/${vote.id}/voters?limit=2`);
  const attendance = async (): Promise<Condition | undefined> =>
    (await api.get<{ conditions: Condition[] }>(`/api/votes/${vote.id}/turnout`)).conditions.find((c) => c.id === 'attendance');
  const before = await attendance();
  expect(before).toMatchObject({ numerator: 0 });

  await page.goto(`${baseUrl()}/console/votes/${vote.id}/papers`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const sheet = page.getByRole('region', { name: '会场签到' });
  await expect(sheet).toContainText('这条规则按出席人数计算');
  await expectNoHorizontalScroll(page);

  // The first member signs the sheet and is signed in here.
  await sheet.getByLabel('查找到会的选民').fill(first!.name);
  await sheet.getByRole('button', { name: `${first!.name} 签到` }).click();
  await expect(sheet.getByText(`${first!.name} 已签到。目前到会 1 人。`)).toBeVisible();
  // Found again, she shows as present, with no button to count her twice.
  await sheet.getByLabel('查找到会的选民').fill('');
  await sheet.getByLabel('查找到会的选民').fill(first!.name);
  await expect(sheet.getByRole('list', { name: '找到的选民' }).getByRole('listitem').filter({ hasText: first!.name }).first()).toContainText('已签到');
  await expect(sheet.getByRole('button', { name: `${first!.name} 签到` })).toHaveCount(0);

  // A second member; the live attendance condition counts both, against the whole membership.
  await sheet.getByLabel('查找到会的选民').fill(second!.name);
  await sheet.getByRole('button', { name: `${second!.name} 签到` }).click();
  await expect(sheet.getByText(`${second!.name} 已签到。目前到会 2 人。`)).toBeVisible();
  await expect.poll(async () => (await attendance())?.numerator, { timeout: 15_000 }).toBe(2);
  expect((await attendance())?.denominator).toBe(before!.denominator);
  await expectNoHorizontalScroll(page);

  // Signing the first in again through the API changes nothing: each member counts once.
  const again = await api.post<{ attendance: number; checkedIn: string[] }>(`/api/votes/${vote.id}/check-ins`, { voterIds: [first!.voterId] });
  expect(again).toMatchObject({ attendance: 2, checkedIn: [] });

  expect(problems).toEqual([]);
  await context.close();
});
