/**
 * The result notice checked from paper, at phone size. An owners' vote of 御水岸 closes seconds
 * after opening and is counted by the closing job. The owner's result notice — as shown and as
 * printed — carries a QR code and the address written out beside it; the QR code holds exactly
 * that address, on the origin the notice was served from. A phone with no cookies at all opens
 * it: the verdict, the conditions, the explanation, the rule, the hashes and the recount kit (the
 * same bytes as the signed-in kit), and a plain word that the board of receipts is the
 * residents'. The convenor publishes the board from the console, after a warning; the phone
 * then finds the owner's receipt on it. The address typed in capitals without dashes still opens
 * it; a wrong one says plainly there is no such notice. Large text and English fit at 360 px.
 *
 * The vote and its title are this test's own: the app is shared by the run.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import { apiAs, baseUrl, expectNoHorizontalScroll, freshContext, openWithApproval, SHORTENING_REASON, signIn, STAFF_DAXU, watchConsole } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** Owner in 御水岸 of two flats, a shop and a parking space. */
const OWNER_YUSHUIAN = '13800000012';

/**
 * What a phone's camera reads from a drawn QR code (one SVG path of unit squares, its quiet zone
 * included): the drawing rendered at 4 pixels a module and decoded by jsQR.
 */
async function readQr(qr: Locator): Promise<string | undefined> {
  const [viewBox, path] = await Promise.all([qr.getAttribute('viewBox'), qr.locator('path').getAttribute('d')]);
  const size = Number(viewBox!.split(' ')[2]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of path!.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [x, y, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py += 1) {
      for (let px = x * scale; px < (x + run) * scale; px += 1) {
        const at = (py * width + px) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}

async function expectLargeTextFits(page: Page): Promise<void> {
  await page.getByRole('button', { name: '大字模式' }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '大字模式' }).click();
}

test('the QR code on the result notice opens its public page on a phone with no account; the kit is the same; the board appears once the convenor publishes it', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `门禁更换表决 ${Date.now().toString(36)}`;
  const convenor = await apiAs(CONVENOR_YUSHUIAN);
  const vote = await convenor.post<{ id: string }>(`/api/units/${convenor.nodeNamed('御水岸', 'convenor')}/votes`, {
    title,
    question: '是否同意更换小区门禁系统？',
    ruleSet: 'cc278-ordinary',
    matterKinds: ['owners-other'],
    opensAt: new Date().toISOString(),
    // The closer runs every 5 s (sealing.service.ts): counted within seconds after closing.
    closesAt: new Date(Date.now() + 20_000).toISOString(),
    // Opening at once and for seconds: only with the approval of 大圩社区's staff.
    shorteningReason: SHORTENING_REASON,
  });
  await openWithApproval(convenor, await apiAs(STAFF_DAXU), vote.id);
  const owner = await apiAs(OWNER_YUSHUIAN);
  const { receipt } = await owner.post<{ receipt: string }>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
  await expect
    .poll(async () => (await convenor.get<{ status: string }>(`/api/votes/${vote.id}`)).status, { timeout: 45_000, intervals: [1000] })
    .toBe('closed');

  // The owner's result notice: the QR code, and the same address written out for typing.
  const resident = await freshContext(browser);
  const residentProblems = watchConsole(resident.page);
  await resident.page.goto(`${baseUrl()}/login`);
  await signIn(resident.page, OWNER_YUSHUIAN);
  await expect(resident.page).toHaveURL(/\/me$/);
  await resident.page.goto(`${baseUrl()}/votes/${vote.id}/result`);
  await expect(resident.page.getByRole('heading', { level: 1 })).toHaveText(title);
  const scan = resident.page.getByRole('region', { name: '扫码核对' });
  const qr = scan.getByRole('img', { name: '本公示的公开核对页面的二维码' });
  await expect(qr).toBeVisible();
  const address = scan.getByRole('link');
  const url = (await address.textContent())!.trim();
  expect(await address.getAttribute('href')).toBe(url);
  expect(url).toMatch(new RegExp(`^${baseUrl()}/r/([0-9a-hjkmnp-tv-z]{4}-){6}[0-9a-hjkmnp-tv-z]{4}$`));
  expect(await readQr(qr)).toBe(url);
  const closingHash = (await resident.page.getByRole('region', { name: '核验' }).locator('.hash').first().textContent())!.trim();
  await expectNoHorizontalScroll(resident.page);
  // On paper too: the QR code and the address are part of the printed notice.
  await resident.page.emulateMedia({ media: 'print' });
  await expect(qr).toBeVisible();
  await expect(address).toBeVisible();
  await resident.page.emulateMedia({ media: 'screen' });
  const signedInKit = await resident.page.request.get(`${baseUrl()}/api/votes/${vote.id}/recount-kit`);
  expect(signedInKit.status()).toBe(200);

  // A phone that has never signed in opens the address from the QR code.
  const phone = await freshContext(browser);
  const phoneProblems = watchConsole(phone.page);
  expect(await phone.context.cookies()).toEqual([]);
  const opened = await phone.page.goto(url);
  expect(opened!.headers()['x-robots-tag']).toContain('noindex');
  const page = phone.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.getByRole('link', { name: '登录', exact: true })).toBeVisible();
  await expect(page.locator('.page-header__kind')).toContainText('大圩社区 · 御水岸');
  const verdict = page.getByRole('region', { name: '计票结果（公示中，尚未最终确定）' });
  await expect(verdict).toContainText('未通过：参与表决未达到法定要求');
  await expect(verdict).toContainText('前本单位的居民可以提出异议');
  await expect(page.getByRole('region', { name: '各项条件' }).getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('region', { name: '结果说明' }).getByRole('listitem').first()).toContainText('参与表决的专有部分面积');
  await expect(page.getByRole('region', { name: '全部数字' })).toContainText('网上 1 张，纸质 0 张，会议现场 0 张');
  const facts = page.getByRole('region', { name: '关于本次表决' });
  await expect(facts).toContainText('业主大会（一般事项）');
  await expect(facts).toContainText('依据：《民法典》第二百七十八条');
  // Opened before its notice and for seconds: why, who asked, and the supervisor who approved it.
  await expect(facts).toContainText(`理由：${SHORTENING_REASON}`);
  await expect(facts).toContainText('批准：大圩社区工作人员');
  const verify = page.getByRole('region', { name: '自己核对' });
  await expect(verify.locator('.public-closing-hash')).toHaveText(closingHash);
  await expect(verify.locator('.verify-steps__command')).toHaveText(`npm run recount -- yishi-vote-${vote.id}`);
  // Nothing personal: the owner's name is nowhere on the page, nor the receipt before the board is public.
  const ownerName = (await owner.get<{ user: { displayName: string } }>('/api/auth/session')).user.displayName;
  await expect(page.locator('main')).not.toContainText(ownerName);
  await expect(page.locator('main')).not.toContainText(receipt);
  const board = page.getByRole('region', { name: '收据公示栏' });
  await expect(board).toContainText('只对本单位已登录的居民开放');
  await expectNoHorizontalScroll(page);
  await expectLargeTextFits(page);

  // The kit from the page, by keyboard: the same bytes as the signed-in resident's.
  const kitLink = verify.getByRole('link', { name: '下载计票材料（zip）' });
  await kitLink.focus();
  await expect(kitLink).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe(`yishi-vote-${vote.id}.zip`);
  const kit = await page.request.get(new URL((await kitLink.getAttribute('href'))!, baseUrl()).toString());
  expect(kit.status()).toBe(200);
  expect((await kit.body()).equals(await signedInKit.body())).toBe(true);

  // The convenor publishes the board from the console, after being told it cannot be withdrawn.
  const console_ = await freshContext(browser);
  await console_.page.goto(`${baseUrl()}/login`);
  await signIn(console_.page, CONVENOR_YUSHUIAN);
  await expect(console_.page).toHaveURL(/\/console$/);
  await console_.page.goto(`${baseUrl()}/console/votes/${vote.id}`);
  await expect(console_.page.getByRole('heading', { level: 1 })).toHaveText(title);
  const panel = console_.page.getByRole('region', { name: '公开核对页面' });
  await expect(panel.getByRole('link')).toHaveText(url);
  await panel.getByRole('button', { name: '在公开页面公开收据公示栏' }).click();
  await expect(panel).toContainText('公开的公示不能撤回');
  await panel.getByRole('button', { name: '确认公开' }).click();
  await expect(panel).toContainText('收据公示栏已于');
  await expect(panel.getByRole('button', { name: '在公开页面公开收据公示栏' })).toHaveCount(0);
  await expectNoHorizontalScroll(console_.page);
  await console_.context.close();

  // The phone reloads: the board is there, and the owner's receipt is found on it.
  await page.reload();
  await expect(board).toContainText('召集人于');
  await page.getByLabel('我的收据码').fill(receipt);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('status').filter({ hasText: '找到了' })).toContainText(`找到了：收据码 ${receipt} 在公示栏上。`);
  await expect(page.locator('.board-list')).toContainText(receipt);
  await expectNoHorizontalScroll(page);

  // In English: the title as given, the steps in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Check it yourself' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '中文' }).click();

  // Typed from paper in capitals without dashes, it still opens; a wrong address says so.
  const key = new URL(url).pathname.split('/').pop()!;
  await page.goto(`${baseUrl()}/r/${key.replace(/-/g, '').toUpperCase()}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goto(`${baseUrl()}/r/${key.replace(/^..../, 'zzzz')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这份公示');
  await expect(page.getByText('纸质公示上二维码旁印有完整地址')).toBeVisible();
  await expectNoHorizontalScroll(page);

  expect(residentProblems).toEqual([]);
  expect(phoneProblems).toEqual([]);
  await phone.context.close();
  await resident.context.close();
  await owner.api.dispose();
  await convenor.api.dispose();
});
