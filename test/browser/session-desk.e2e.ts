/**
 * A discussion session of 南村经济社, from the console on a phone: the branch secretary schedules it
 * in the 会议 section, puts its notice up, adds a late item only with its reason, and at the
 * check-in desk finds a member by name and checks him in, once; the member sees the session, its
 * agenda and who is in the room on his own page.
 */
import { expect, test } from '@playwright/test';
import { apiOf, baseUrl, consoleOnPhone, desktop, expectNoHorizontalScroll, freshContext, RESIDENT_NANCUN, signIn } from './support';

/** Convenor of 南村经济社 (branch secretary). */
const CONVENOR_NANCUN = '13800000005';

/** `YYYY-MM-DDTHH:mm` in Beijing time, as a datetime-local field takes it. */
const beijingInput = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

test('a convenor schedules a session, puts its notice up and checks a member in at the desk; the member sees it live', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page, problems } = await consoleOnPhone(browser, CONVENOR_NANCUN);
  const api = await apiOf(page);
  const nancun = api.nodeNamed('南村经济社', 'convenor');

  await page.goto(`${baseUrl()}/console/nodes/${nancun}/sessions`);
  await expect(page.getByRole('heading', { name: '议事会和会议' })).toBeVisible();
  await page.getByRole('link', { name: '安排会议' }).click();
  const title = `村道修缮议事会 ${Date.now().toString(36)}`;
  // A start in the past is refused at the field, before anything is sent.
  await page.getByLabel('会议名称').fill(title);
  await page.getByLabel('地点').fill('南村经济社党支部组织生活馆');
  await page.getByLabel('开始时间（北京时间）').fill(beijingInput(new Date(Date.now() - 3600_000)));
  await page.getByLabel('结束时间（北京时间）').fill(beijingInput(new Date(Date.now() + 3600_000)));
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByLabel('开始时间（北京时间）')).toBeFocused();
  await expect(page.getByText('开始时间要在现在之后。')).toBeVisible();
  await page.getByLabel('开始时间（北京时间）').fill(beijingInput(new Date(Date.now() + 30 * 60_000)));
  await page.getByLabel('结束时间（北京时间）').fill(beijingInput(new Date(Date.now() + 3 * 3600_000)));
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('草稿（未发通知）')).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: '发出通知' }).click();
  await expect(page.getByText('已发通知')).toBeVisible();
  // After the notice, a new item needs the reason it cannot wait: a short one is refused in words.
  await page.getByLabel('议程名称').fill('村道修缮费用分摊');
  await page.getByLabel('临时增加的理由').fill('急');
  await page.getByRole('button', { name: '增加', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('理由太短：请写清楚为什么不能等下次会议（至少 15 个字）。');
  await page.getByLabel('临时增加的理由').fill('暴雨冲坏村道，需本次会议商定修缮费用分摊');
  await page.getByRole('button', { name: '增加', exact: true }).click();
  await expect(page.getByText('临时增加：暴雨冲坏村道，需本次会议商定修缮费用分摊')).toBeVisible();

  // The desk: find the member by name, check him in once.
  const sessionId = page.url().split('/').at(-1)!;
  const member = await api.get<{ name: string }[]>(`/api/sessions/${sessionId}/people?q=NC-007`);
  const name = member[0]!.name;
  const desk = page.getByRole('region', { name: '签到台' });
  await desk.getByLabel('查找参会人').fill(name);
  await desk.getByRole('button', { name: '查找' }).click();
  await desk.getByRole('button', { name: `${name} 签到` }).click();
  await expect(desk.getByText(`${name} 已签到。`)).toBeVisible();
  await expect(desk.getByRole('button', { name: `${name} 签到` })).toHaveCount(0);
  await expect(desk.getByRole('button', { name: `${name} 离场` })).toBeVisible();
  await expect(desk.getByRole('table')).toContainText(name);
  await expect(desk.getByText('这类会议不设法定到会人数。现在到会 1 人。')).toBeVisible();
  // A written proxy at the door: a consultative session counts none, and says so.
  const absent = member[1]!.name;
  await desk.getByLabel('查找参会人').fill(absent);
  await desk.getByRole('button', { name: '查找' }).click();
  await desk.getByRole('button', { name: `${absent} 书面委托他人` }).click();
  const proxy = desk.getByRole('form', { name: `登记 ${absent} 的书面委托` });
  await proxy.getByLabel('受托人（已签到）').selectOption({ label: `${name} NC-007` });
  await proxy.getByLabel('已出示委托人签名的书面委托书').check();
  await proxy.getByRole('button', { name: '登记委托' }).click();
  await expect(proxy.getByRole('alert')).toHaveText('这类会议不计委托。');
  await expectNoHorizontalScroll(page);

  // The notice to put up in the buildings: on A4, with the agenda and a QR code to the session's page.
  await page.getByRole('link', { name: '打印会议通知' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('村道修缮费用分摊')).toBeVisible();
  await expect(page.getByRole('img', { name: '会议页面二维码' })).toBeVisible();
  await expect(page.getByText(new RegExp(`/sessions/${sessionId}$`))).toBeVisible();
  await expectNoHorizontalScroll(page);
  expect(problems).toEqual([]);
  await context.close();

  // The member (of household NC-007) finds the session on his unit's page and sees who is here.
  const resident = await freshContext(browser);
  await resident.page.goto(`${baseUrl()}/login`);
  await signIn(resident.page, RESIDENT_NANCUN);
  // Signed in once the app has moved on to the resident's page (never navigate while it signs in).
  await expect(resident.page).toHaveURL(/\/me$/);
  await resident.page.goto(`${baseUrl()}/units/${nancun}`);
  await resident.page.getByRole('link', { name: title }).click();
  await expect(resident.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(resident.page.getByText('村道修缮费用分摊')).toBeVisible();
  await expect(resident.page.getByText('这类会议不设法定到会人数。现在到会 1 人。')).toBeVisible();
  await expectNoHorizontalScroll(resident.page);
  await resident.context.close();
});

test('the room’s screen at 1920×1080 follows check-ins live, and a member checks in on his phone by its QR code', async ({ browser }) => {
  test.setTimeout(120_000);
  // The convenor, on the projector's browser.
  const { context: screen, page: room, problems } = await desktop(browser, CONVENOR_NANCUN, { width: 1920, height: 1080 });
  const api = await apiOf(room);
  const nancun = api.nodeNamed('南村经济社', 'convenor');
  const title = `投屏测试议事会 ${Date.now().toString(36)}`;
  const session = await api.post<{ id: string }>(`/api/nodes/${nancun}/sessions`, {
    kind: 'consultative',
    title,
    place: '南村经济社党支部组织生活馆',
    startsAt: new Date(Date.now() + 20 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
  });
  await api.post(`/api/sessions/${session.id}/announce`);
  await api.post(`/api/sessions/${session.id}/agenda`, { kind: 'free', title: '村道修缮方案宣讲', urgentReason: '暴雨冲坏村道，需本次会议商定修缮方案和分工' });

  await room.goto(`${baseUrl()}/console/sessions/${session.id}/screen`);
  await expect(room.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(room.getByText('村道修缮方案宣讲')).toBeVisible();
  await expect(room.getByText('这类会议不设法定到会人数。现在到会 0 人。')).toBeVisible();
  const qr = room.getByRole('img', { name: '签到二维码' });
  await expect(qr).toBeVisible();
  // Readable from the back of the room: the title is large, and nothing scrolls sideways.
  expect(await room.getByRole('heading', { level: 1 }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize))).toBeGreaterThanOrEqual(48);
  await expectNoHorizontalScroll(room);

  // Someone is checked in at the desk: the screen says so without being reloaded.
  const [first] = await api.get<{ personType: string; personId: string }[]>(`/api/sessions/${session.id}/people?q=NC-001`);
  await api.post(`/api/sessions/${session.id}/check-ins`, { personType: first!.personType, personId: first!.personId });
  await expect(room.getByText('这类会议不设法定到会人数。现在到会 1 人。')).toBeVisible({ timeout: 5000 });

  // The member scans the code the screen shows now, on his phone, and checks in with one tap.
  const { code } = await api.get<{ code: string }>(`/api/sessions/${session.id}/check-in-code`);
  const phone = await freshContext(browser);
  await phone.page.goto(`${baseUrl()}/login`);
  await signIn(phone.page, RESIDENT_NANCUN);
  await expect(phone.page).toHaveURL(/\/me$/);
  await phone.page.goto(`${baseUrl()}/sessions/${session.id}/check-in?c=${code}`);
  await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await phone.page.getByRole('button', { name: '我已到会场，签到' }).click();
  await expect(phone.page.getByText(/^签到成功：/)).toBeVisible();
  await expectNoHorizontalScroll(phone.page);
  await expect(room.getByText('这类会议不设法定到会人数。现在到会 2 人。')).toBeVisible({ timeout: 5000 });

  // A code from the past (a photo sent home) is refused in plain words.
  await phone.page.goto(`${baseUrl()}/sessions/${session.id}/check-in?c=0000deadbeef`);
  await phone.page.getByRole('button', { name: '我已到会场，签到' }).click();
  await expect(phone.page.getByRole('alert')).toHaveText('签到码已经换了：请扫会场屏幕上现在显示的二维码。');
  await phone.context.close();
  expect(problems).toEqual([]);
  await screen.close();
});
