/**
 * 御水岸's 议事会 in the room: the convenor chairs it and records it; the room's screen at 1920×1080
 * follows voting in the room live while an owner votes on his phone at 360 px; afterwards the
 * recorder drafts the minutes on a phone, completes them, confirms them as the chair, a scrutineer
 * confirms, the chair publishes, and the owner reads them.
 */
import { expect, test } from '@playwright/test';
import type { PersonApi } from './support';
import { apiAs, apiOf, baseUrl, desktop, expectNoHorizontalScroll, freshContext, signIn } from './support';

/** Convenor of 御水岸 (the owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** Building head of 御水岸 1栋: the scrutineer. */
const BUILDING_HEAD_YUSHUIAN = '13800000007';
/** An owner of 御水岸 with two flats, a shop and a parking space. */
const OWNER_YUSHUIAN = '13800000012';

/** An account that may be named an officer, found by the end of its phone number. */
async function officer(api: PersonApi, sessionId: string, phone: string): Promise<string> {
  const [found] = await api.get<{ userId: string }[]>(`/api/sessions/${sessionId}/officer-candidates?q=${phone.slice(-4)}`);
  return found!.userId;
}

test('voting in the room shows live on the screen, and the recorder’s minutes are confirmed, published and read', async ({ browser }) => {
  test.setTimeout(180_000);
  const { context: screen, page: room, problems } = await desktop(browser, CONVENOR_YUSHUIAN, { width: 1920, height: 1080 });
  const api = await apiOf(room);
  const yushuian = api.nodeNamed('御水岸', 'convenor');
  const vote = (await api.get<{ id: string; title: string; status: string }[]>(`/api/units/${yushuian}/votes`)).find((v) => v.status === 'open')!;

  // A consultative session that starts in a few seconds (it needs no notice period), with the open vote on its agenda.
  const title = `楼道整治议事会 ${Date.now().toString(36)}`;
  const startsAt = Date.now() + 4000;
  const session = await api.post<{ id: string }>(`/api/nodes/${yushuian}/sessions`, {
    kind: 'consultative',
    title,
    place: '御水岸党群服务站',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 2 * 3600_000).toISOString(),
  });
  await api.post(`/api/sessions/${session.id}/announce`);
  // The convenor puts the open vote on the agenda from the console: the session is its meeting.
  await room.goto(`${baseUrl()}/console/sessions/${session.id}`);
  await room.getByLabel('议程来源').selectOption({ label: `表决：${vote.title}` });
  await room.getByLabel('临时增加的理由').fill('表决正在进行，借本次议事会组织现场投票');
  await room.getByRole('button', { name: '增加', exact: true }).click();
  await expect(room.getByRole('link', { name: vote.title })).toBeVisible();
  const me = await officer(api, session.id, CONVENOR_YUSHUIAN);
  const scrutineerId = await officer(api, session.id, BUILDING_HEAD_YUSHUIAN);
  await api.write('PUT', `/api/sessions/${session.id}/officers`, { chairId: me, recorderId: me, tellerIds: [], scrutineerIds: [scrutineerId] });

  // The owner checks in on his phone by the room's QR code.
  const { code } = await api.get<{ code: string }>(`/api/sessions/${session.id}/check-in-code`);
  const phone = await freshContext(browser);
  await phone.page.goto(`${baseUrl()}/login`);
  await signIn(phone.page, OWNER_YUSHUIAN);
  await expect(phone.page).toHaveURL(/\/me$/);
  await phone.page.goto(`${baseUrl()}/sessions/${session.id}/check-in?c=${code}`);
  await phone.page.getByRole('button', { name: '我已到会场，签到' }).click();
  await expect(phone.page.getByText(/^签到成功：/)).toBeVisible();

  // The session has begun: the chair opens voting in the room; the screen shows it without a reload.
  await expect.poll(() => Date.now() > startsAt + 500, { timeout: 10_000 }).toBe(true);
  await room.goto(`${baseUrl()}/console/sessions/${session.id}/screen`);
  await expect(room.getByRole('heading', { level: 1 })).toHaveText(title);
  const voting = room.getByRole('heading', { name: `现场表决 · ${vote.title}` });
  await expect(voting).toHaveCount(0);
  await api.post(`/api/sessions/${session.id}/agenda/${(await api.get<{ agenda: { id: string }[] }>(`/api/sessions/${session.id}`)).agenda[0]!.id}/room-voting/open`);
  await expect(voting).toBeVisible({ timeout: 5000 });
  await expect(room.getByText('现场投票进行中')).toBeVisible();
  await expectNoHorizontalScroll(room);

  // The owner votes on his phone, in large-text mode: the choice and its confirmation in view together.
  await phone.page.goto(`${baseUrl()}/sessions/${session.id}`);
  await phone.page.getByRole('button', { name: '大字模式' }).click();
  const ballot = phone.page.getByRole('group', { name: vote.title });
  await ballot.getByLabel('同意').check();
  const confirm = phone.page.getByRole('button', { name: '确认投票' });
  await confirm.scrollIntoViewIfNeeded();
  await expect(ballot.getByLabel('同意')).toBeInViewport();
  await expect(confirm).toBeInViewport();
  await expectNoHorizontalScroll(phone.page);
  await confirm.click();
  await expect(phone.page.getByText(/已记录你的现场投票|你已经投过同样的票/)).toBeVisible();
  await expectNoHorizontalScroll(phone.page);
  // The screen counts the room's ballot with the others, live.
  await expect(room.getByText(/已投票 \d+ \/ \d+ 人，其中现场 [1-9]\d* 人/)).toBeVisible({ timeout: 5000 });
  expect(problems).toEqual([]);
  await screen.close();

  // --- The minutes, on the recorder's phone ---------------------------------------------------------
  const recorder = await freshContext(browser);
  await recorder.page.goto(`${baseUrl()}/login`);
  await signIn(recorder.page, CONVENOR_YUSHUIAN);
  await expect(recorder.page).toHaveURL(/\/console$/);
  await recorder.page.goto(`${baseUrl()}/sessions/${session.id}/minutes/edit`);
  await recorder.page.getByRole('button', { name: '生成纪要初稿' }).click();
  const text = recorder.page.getByLabel('纪要正文');
  await expect(text).toHaveValue(new RegExp(`${title}会议纪要`));
  await expect(text).toHaveValue(/不设法定人数，所形成的意见不是法定表决结果/);
  await text.fill(`${await text.inputValue()}\n补充：业主代表建议每季度清理一次楼道杂物。`);
  await recorder.page.getByRole('button', { name: '保存修改' }).click();
  await expect(recorder.page.getByRole('button', { name: '以主持人身份确认' })).toBeVisible();
  await recorder.page.getByRole('button', { name: '以主持人身份确认' }).click();
  await expect(recorder.page.getByText('主持人 御水岸业委会 邓卓 已确认')).toBeVisible();
  await expect(recorder.page.getByText('等待监票人确认')).toBeVisible();
  // The scrutineer confirms on his own account; the page follows.
  const scrutineer = await apiAs(BUILDING_HEAD_YUSHUIAN);
  await scrutineer.post(`/api/sessions/${session.id}/minutes/confirm`);
  await scrutineer.api.dispose();
  await recorder.page.reload();
  await recorder.page.getByRole('button', { name: '公布纪要' }).click();
  await expect(recorder.page.getByText(/公布于/)).toBeVisible();
  await expectNoHorizontalScroll(recorder.page);
  await recorder.context.close();

  // The owner reads the published minutes.
  await phone.page.goto(`${baseUrl()}/sessions/${session.id}/minutes`);
  await expect(phone.page.getByText('补充：业主代表建议每季度清理一次楼道杂物。', { exact: false })).toBeVisible();
  await expect(phone.page.getByText(/主持人 御水岸业委会 邓卓 、监票人 .+ 确认/)).toBeVisible();
  await expectNoHorizontalScroll(phone.page);
  await phone.context.close();
});
