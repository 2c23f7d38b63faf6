import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { OrgTreeNode } from '@yishi/contracts';
import { formatArea } from '@yishi/domain';

const baseUrl = (): string => {
  const url = process.env['YISHI_E2E_BASE_URL'];
  if (!url) throw new Error('the global setup did not start Yishi');
  return url;
};

function find(nodes: OrgTreeNode[], name: string): OrgTreeNode {
  for (const node of nodes) {
    if (node.name === name) return node;
    const below = node.children.length ? find(node.children, name) : undefined;
    if (below) return below;
  }
  return undefined as unknown as OrgTreeNode;
}

/** Problems a resident would not see but that break the page: script errors, CSP refusals. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Tabs through the page, as a keyboard user would, until `name` has the focus. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name.test(focused)) return;
  }
  throw new Error(`could not reach ${String(name)} with the Tab key`);
}

test('a resident opens Yishi in Chinese, sees the tree, and switches to English by keyboard', async ({ page }) => {
  const problems = watchConsole(page);
  const tree = (await (await page.request.get(`${baseUrl()}/api/organizations/tree`)).json()) as OrgTreeNode[];
  const cooperative = find(tree, '南村经济社');
  const compound = find(tree, '御水岸');

  await page.goto(`${baseUrl()}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('议事');
  await expect(page).toHaveTitle(/议事/);

  const coop = page.locator('[data-kind=cooperative]', { hasText: '南村经济社' });
  await expect(coop).toContainText('经济社');
  await expect(coop).toContainText(`${cooperative.stats!.households} 户`);
  await expect(coop).toContainText(`${cooperative.stats!.members} 名成员（其中 ${cooperative.stats!.fullCapacityMembers} 名完全民事行为能力人）`);
  const cmp = page.locator('[data-kind=compound]', { hasText: '御水岸' });
  await expect(cmp).toContainText('3 栋楼');
  await expect(cmp).toContainText(`${compound.stats!.exclusiveUnits} 套房屋、车位和商铺`);
  await expect(cmp).toContainText(`总面积 ${formatArea(compound.stats!.totalAreaCentiM2!)}㎡`);
  await expect(page.locator('[data-kind=community]')).toHaveCount(2);
  await expectNoHorizontalScroll(page);

  await tabTo(page, /English/);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yishi');
  await expect(coop).toContainText('Cooperative');
  await expect(coop).toContainText(`${cooperative.stats!.households} households`);
  await expect(cmp).toContainText(`${compound.stats!.exclusiveUnits} homes, parking spaces and shops`);
  await expect(cmp).toContainText(`${formatArea(compound.stats!.totalAreaCentiM2!)} m² in all`);
  await expect(page).toHaveTitle(/Yishi/);
  await expectNoHorizontalScroll(page);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: /中文/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('large text makes the page bigger, still fits a 360 px phone, and is remembered', async ({ page }) => {
  await page.goto(`${baseUrl()}/`);
  await expect(page.locator('[data-kind=compound]')).toBeVisible();
  const rootSize = (): Promise<number> => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const headingHeight = async (): Promise<number> => (await page.locator('[data-kind=compound] h3, [data-kind=compound] h4, [data-kind=compound] h5, [data-kind=compound] h6').first().boundingBox())!.height;
  const [sizeBefore, heightBefore] = [await rootSize(), await headingHeight()];

  const toggle = page.getByRole('button', { name: /大字模式/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await rootSize()).toBeGreaterThanOrEqual(sizeBefore * 1.2);
  expect(await headingHeight()).toBeGreaterThan(heightBefore);
  await expectNoHorizontalScroll(page);

  await page.reload();
  await expect(page.getByRole('button', { name: /大字模式/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await rootSize()).toBeGreaterThanOrEqual(sizeBefore * 1.2);
});

test('every interactive element is big enough to tap, and the skip link leads to the content', async ({ page }) => {
  await page.goto(`${baseUrl()}/`);
  await expect(page.locator('[data-kind=street]')).toBeVisible();
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ text: el.textContent?.trim(), ...el.getBoundingClientRect().toJSON() as { width: number; height: number } }))
      .filter((r) => r.height < 44 || r.width < 44),
  );
  expect(small).toEqual([]);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(/跳到主要内容/);
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toHaveAttribute('id', /.+/);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
});

test('an unknown address shows a translated page, and the page is cached safely', async ({ page }) => {
  const res = await page.goto(`${baseUrl()}/no/such/page`);
  expect(res?.status()).toBe(200);
  expect(res?.headers()['cache-control']).toBe('no-cache');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面未找到');
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page).toHaveURL(`${baseUrl()}/`);

  const script = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src*="/assets/"]')?.src);
  const asset = await page.request.get(script!);
  expect(asset.headers()['cache-control']).toContain('immutable');
  const api = await page.request.get(`${baseUrl()}/api/nothing-here`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
});
