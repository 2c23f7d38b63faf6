/**
 * Accounts in the browser, at phone size: staff print invitation letters, a resident signs up
 * with a letter's code and sees their household, the code works once; wrong passwords and
 * throttling are told in Chinese; the console stays closed (and undownloaded) for residents;
 * "sign out on all devices" reaches the other devices.
 */
import type { Frame } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { apiOf, baseUrl, expectNoHorizontalScroll, freshContext, PASSWORD, RESIDENT_NANCUN, signIn, signUpWithLetter, signUpWithoutLetter, smsCodeFor, STAFF_ZHONGQU, watchConsole } from './support';

test('staff print letters; a resident signs up with a code, proves it is theirs and sees the household; the code works only once', async ({ page, browser }) => {
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, STAFF_ZHONGQU);
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作台');
  await expect(page.getByRole('button', { name: /中区社区 黄敏/ })).toBeVisible();

  await page.getByRole('link', { name: /南村经济社/ }).click();
  // A unit's page opens on its roll; the letters are one tab away.
  await expect(page).toHaveURL(/\/console\/nodes\/[\w-]+\/roll$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('南村经济社');
  await page.getByRole('link', { name: '邀请函', exact: true }).click();
  await expect(page).toHaveURL(/\/console\/nodes\/[\w-]+\/letters$/);
  await expect(page.getByRole('link', { name: '角色' })).toBeVisible();
  await expect(page.getByRole('link', { name: '审计' })).toBeVisible();
  await page.getByRole('button', { name: '生成邀请函' }).click();

  const alert = page.getByRole('alert').filter({ hasText: '已生成' });
  await expect(alert).toContainText(/已生成 \d+ 个邀请码。/);
  await expect(alert).toContainText('邀请码只印在这份邀请函上');
  await expect(alert.getByRole('button', { name: '打印' })).toBeVisible();
  // The letters are the sheet the API printed, in a frame of their own: the codes are nowhere else.
  const letters = page.frameLocator('iframe[title="邀请函预览"]');
  const sheets = letters.locator('.letter-sheet');
  const sheetCount = await sheets.count();
  expect(sheetCount).toBeGreaterThan(10);
  const first = sheets.first();
  await expect(first).toContainText('南村经济社');
  await expect(first).toContainText(/户号 NC-\d{3}/);
  await expect(first).toContainText(/有效期至 \d{4}年\d{1,2}月\d{1,2}日/);
  await expect(first).toContainText(`打开 ${baseUrl()}`);
  await expect(first.locator('svg[role=img]').first()).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The letter's person, household and code, as a building head would hand them over.
  const person = first.locator('.letter-person').first();
  const name = (await person.locator('.letter-person__name').evaluate((el) => el.firstChild?.textContent ?? '')).trim();
  const household = ((await first.locator('.letter-sheet__label span').first().textContent()) ?? '').trim();
  const code = (await person.locator('.letter-person__code').getAttribute('data-code')) ?? '';
  expect(code).toMatch(/^\d{12}$/);
  await expect(person.locator('.letter-person__code')).toHaveText(code.replace(/(\d{4})(?=\d)/g, '$1 '));

  // Leaving with unprinted letters asks first.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  const leave = page.getByRole('dialog', { name: '邀请函还没有打印' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: '留在本页' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/\/letters$/);

  // On paper (打印 prints the frame's document alone): one A5 page per letter.
  const frame = page.frames().find((f: Frame) => f.url() === 'about:srcdoc');
  expect(frame).toBeDefined();
  const paper = await page.context().newPage();
  await paper.setContent(await frame!.content());
  await paper.emulateMedia({ media: 'print' });
  const pdf = (await paper.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  await paper.close();
  const pages = [...pdf.matchAll(/\/Type\s*\/Page[^s]/g)].length;
  expect(pages).toBe(sheetCount);
  const [, width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf) ?? [];
  expect(Math.round((Number(width) * 25.4) / 72)).toBe(148);
  expect(Math.round((Number(height) * 25.4) / 72)).toBe(210);

  // The phone number the roll holds for the letter's person, as staff see it on the roll.
  const roll = await (await apiOf(page)).get<{ items: { members: { name: string; phone: string | null }[] }[] }>(
    `/api/units/${/\/console\/nodes\/([\w-]+)\//.exec(page.url())![1]}/roll/households?q=${encodeURIComponent(name)}`,
  );
  const rollPhone = roll.items.flatMap((h) => h.members).find((m) => m.name === name)!.phone!;

  // A resident, on their own phone, opens the letter's QR code and signs up with another number:
  // the account is made, and the letter waits on 「我的」 for proof that it is theirs.
  const resident = await freshContext(browser);
  const residentProblems = watchConsole(resident.page);
  await signUpWithLetter(resident.page, code, '13900000021');
  await expect(resident.page).toHaveURL(/\/me\?code=\d{12}&proof=1/);
  await expect(resident.page.getByRole('status').filter({ hasText: '账号已注册' })).toBeVisible();
  await resident.page.getByRole('button', { name: '下一步' }).click();
  await expect(resident.page.getByText(`这封邀请函是给 南村经济社 ${household.replace('户号 ', '')} 的成员的。`)).toBeVisible();
  const masked = `${rollPhone.slice(0, 3)}****${rollPhone.slice(-4)}`;
  await expect(resident.page.getByText(`发验证码到名册登记的手机 ${masked}`)).toBeVisible();
  // Linking without proof is refused at the first way the roll offers.
  await resident.page.getByRole('button', { name: '关联', exact: true }).click();
  await expect(resident.page.getByLabel('短信验证码')).toHaveAttribute('aria-invalid', 'true');
  await expect(resident.page.getByLabel('短信验证码')).toBeFocused();
  await resident.page.getByRole('button', { name: '发送验证码' }).click();
  await expect(resident.page.getByRole('status').filter({ hasText: `验证码已发到 ${masked}` })).toBeVisible();
  await resident.page.getByLabel('短信验证码').fill(await smsCodeFor(rollPhone));
  await resident.page.getByRole('button', { name: '关联', exact: true }).click();
  await expect(resident.page.getByText('关联成功！')).toBeVisible();
  await expect(resident.page.getByRole('heading', { name: '我的家庭' })).toBeVisible();
  await expect(resident.page.getByRole('heading', { name: household })).toBeVisible();
  const me = resident.page.locator('.member--me');
  await expect(me).toHaveCount(1);
  await expect(me).toContainText(name);
  await expect(me).toContainText('我');
  await expect(resident.page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  await expectNoHorizontalScroll(resident.page);
  await resident.context.close();

  // Someone else tries the same code: refused, in Chinese, at the code's field.
  const other = await freshContext(browser);
  await signUpWithLetter(other.page, code, '13900000022');
  const field = other.page.getByLabel('邀请码（选填）');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await expect(other.page.getByText('邀请码无效：可能输错、已用过或已过期。')).toBeVisible();
  await expect(other.page).toHaveURL(/\/signup/);
  await other.context.close();

  // The audit trail shows the letters and the link, in words. (Nobody pressed 打印 here: leaving asks.)
  await page.getByRole('link', { name: '审计' }).click();
  await page.getByRole('dialog', { name: '邀请函还没有打印' }).getByRole('button', { name: '仍然离开' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.locator('.audit-entry').filter({ hasText: '签发邀请函' }).first()).toBeVisible();
  await expect(page.locator('.audit-entry').filter({ hasText: '关联名册' }).first()).toContainText('邀请函');
  expect(problems).toEqual([]);
  expect(residentProblems).toEqual([]);
});

test('a wrong password is refused in Chinese, and repeated failures say how long to wait', async ({ page }) => {
  await page.goto(`${baseUrl()}/login`);
  await expect(page.getByLabel('手机号')).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByLabel('手机号')).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('密码', { exact: true })).toHaveAttribute('autocomplete', 'current-password');

  // Nothing typed: the errors sit at their fields and the first one has the focus.
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByLabel('手机号')).toBeFocused();
  await expect(page.getByText('请输入手机号。')).toBeVisible();

  // A number with no account (refused exactly like a wrong password), so the lock-out below
  // touches no account another test signs in with.
  await signIn(page, '13900000099', 'not-the-password');
  const refused = page.getByRole('alert');
  await expect(refused).toHaveText('手机号或密码不正确。');
  await expect(refused).toBeFocused();

  await page.getByRole('button', { name: '显示密码' }).click();
  await expect(page.getByLabel('密码', { exact: true })).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: '显示密码' })).toHaveAttribute('aria-pressed', 'true');

  for (let attempt = 2; attempt <= 5; attempt += 1) {
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('手机号或密码不正确。');
  }
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/^操作太频繁了，请 \d+ 分钟后再试。$/);
  await expect(page).toHaveURL(/\/login$/);
});

test('a resident is sent to sign in and back, sees their household, and cannot open the console', async ({ page }) => {
  const consoleChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/console-[\w-]+\.(js|css)$/.test(request.url())) consoleChunks.push(request.url());
  });
  await page.goto(`${baseUrl()}/me`);
  await expect(page).toHaveURL(/\/login\?next=%2Fme$/);
  await expect(page.getByText('请先登录，登录后会回到您刚才要打开的页面。')).toBeVisible();
  await signIn(page, RESIDENT_NANCUN);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { name: '我的家庭' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '户号 NC-007' })).toBeVisible();
  const me = page.locator('.member--me');
  await expect(me).toContainText('户代表');
  await expect(page.locator('.member').filter({ hasText: '户主' })).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' })).toHaveCount(0);

  await page.goto(`${baseUrl()}/console`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('无法打开工作台');
  await page.goto(`${baseUrl()}/console/nodes/00000000-0000-4000-8000-000000000000/roles`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('无法打开工作台');
  expect(consoleChunks).toEqual([]);
  await expectNoHorizontalScroll(page);
});

test('"sign out on all devices" signs out the other phone too, which then asks to sign in again', async ({ page, browser }) => {
  const phone = '13800000012';
  await page.goto(`${baseUrl()}/login`);
  await signIn(page, phone);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { name: '我的房产' })).toBeVisible();
  await expect(page.getByText(/㎡/).first()).toBeVisible();

  const second = await freshContext(browser);
  await second.page.goto(`${baseUrl()}/login`);
  await signIn(second.page, phone);
  await expect(second.page).toHaveURL(/\/me$/);
  // The page is on screen (it arrives in a chunk of its own), its data loaded while still signed in.
  await expect(second.page.getByLabel('邀请码', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '在所有设备上退出' }).click();
  await page.getByRole('button', { name: '确定，全部退出' }).click();
  await expect(page).toHaveURL(`${baseUrl()}/`);
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();

  // The other phone still shows its page; its next request is refused, and it asks to sign in.
  await second.page.getByLabel('邀请码', { exact: true }).fill('1234 5678 9012');
  await second.page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(second.page).toHaveURL(/\/login\?next=%2Fme$/);
  await expect(second.page.getByRole('link', { name: '登录' })).toBeVisible();
  await second.context.close();
});

test('a resident who forgot the password resets it by an SMS code at 360 px and signs in with the new one', async ({ browser }) => {
  const phone = `139${String(Date.now()).slice(-8)}`;
  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await signUpWithoutLetter(page, phone, '忘记密码的住户');
  await expect(page).toHaveURL(/\/me$/);
  await context.clearCookies();

  await page.goto(`${baseUrl()}/login`);
  await page.getByRole('link', { name: '忘记密码？用手机验证码重设' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找回密码');
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('status')).toHaveText('如果这个手机号有议事账号，验证码已经发到手机上。');
  await page.getByLabel('短信验证码').fill(await smsCodeFor(phone));
  await page.getByLabel('新密码').fill('harbour-lamp-73');
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByText('密码已经重设，请用新密码登录。')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await signIn(page, phone, 'harbour-lamp-73');
  await expect(page).toHaveURL(/\/me$/);
  expect(problems).toEqual([]);
  await context.close();
});

test('a building head resets a resident’s password in person at 360 px; the resident uses the code without any SMS', async ({ browser }) => {
  const tenant = '13800000014';
  const head = await freshContext(browser);
  const headProblems = watchConsole(head.page);
  await head.page.goto(`${baseUrl()}/login`);
  await signIn(head.page, '13800000007');
  await expect(head.page).not.toHaveURL(/\/login/);
  await head.page.goto(`${baseUrl()}/console`);
  await head.page.getByRole('link', { name: /御水岸/ }).first().click();
  await head.page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '重置密码' }).click();
  await expect(head.page.getByRole('heading', { name: '当面重置密码' })).toBeVisible();
  // Someone of another building, or nobody: not found here.
  await head.page.getByLabel('居民登录用的手机号').fill('13800000013');
  await head.page.getByRole('button', { name: '查找' }).click();
  await expect(head.page.getByText('名册上（这个楼栋里）没有用这个手机号登录的居民')).toBeVisible();
  // The tenant of 1-301: the roll's name and unit to compare with the identity card, then a code once checked.
  await head.page.getByLabel('居民登录用的手机号').fill(tenant);
  await head.page.getByRole('button', { name: '查找' }).click();
  await expect(head.page.getByRole('listitem').filter({ hasText: '租户' })).toContainText('1-301');
  // Not before the identity card is checked.
  await expect(head.page.getByRole('button', { name: '发验证码' })).toHaveAttribute('aria-disabled', 'true');
  await head.page.getByRole('checkbox', { name: /我已当面核对过本人的身份证件/ }).check();
  await head.page.getByRole('button', { name: '发验证码' }).click();
  const code = (await head.page.locator('.in-person-reset__code').textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await expect(head.page.getByRole('status')).toContainText('只显示这一次');
  await expectNoHorizontalScroll(head.page);
  expect(headProblems).toEqual([]);

  // The tenant, at home: 找回密码 with the code in hand — no SMS asked for.
  const { context, page } = await freshContext(browser);
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}/reset-password`);
  await page.getByLabel('手机号').fill(tenant);
  await page.getByRole('button', { name: '楼长或社区工作人员已经当面给了我验证码' }).click();
  await expect(page.getByRole('status')).toContainText('当面给您的 6 位验证码');
  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('新密码').fill('harbour-lamp-74');
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await signIn(page, tenant, 'harbour-lamp-74');
  await expect(page).toHaveURL(/\/me$/);
  await expectNoHorizontalScroll(page);
  expect(problems).toEqual([]);
  await context.close();

  // Put the demo password back for the other tests: the head gives another code, used over HTTP.
  await head.page.getByRole('button', { name: '完成' }).click();
  await head.page.getByLabel('居民登录用的手机号').fill(tenant);
  await head.page.getByRole('button', { name: '查找' }).click();
  await head.page.getByRole('checkbox', { name: /我已当面核对过本人的身份证件/ }).check();
  await head.page.getByRole('button', { name: '发验证码' }).click();
  const again = (await head.page.locator('.in-person-reset__code').textContent())!.trim();
  const restored = await head.page.request.post(`${baseUrl()}/api/auth/password-reset`, { data: { phone: tenant, smsCode: again, password: PASSWORD } });
  expect(restored.status()).toBe(204);
  await head.context.close();
});
