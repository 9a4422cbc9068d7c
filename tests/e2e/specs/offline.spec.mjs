// After one visit a page opens and works with no network, and says so.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, setUpCell, openMeeting, finishTrainingQuarter } from './helpers.mjs';

test('after one visit the app reloads, works, keeps changes and exports with the network cut; the district page, once opened, too', async ({ page, context }) => {
  await openApp(page);
  await expect(page.getByTestId('offline-status')).toContainText('dùng được cả khi mất mạng');
  await expect(page.getByTestId('persist-status')).not.toContainText('Đang hỏi');
  // The service worker is active once its install has cached the whole shell; no second online
  // visit is needed.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // A secretary's first visit caches the cell's page only: the district's code (~700 KB) is not
  // downloaded to the phone.
  const cachedUrls = () => page.evaluate(async () => (await Promise.all((await caches.keys())
    .map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)))).flat());
  let cached = await cachedUrls();
  expect(cached.some((u) => /chibo-app-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  // With the chunk of the rarely used panels (export, key, file check, printout), which only the
  // chunk loader names.
  expect(cached.some((u) => /cell_extras-[0-9a-f]{16}_bg\.wasm$/.test(u))).toBe(true);
  expect(cached.filter((u) => /chibo-(district|verify)-/.test(u))).toEqual([]);
  // Opened once online, the district's page is cached as it loads, with its workers' module.
  await page.goto('/district.html');
  await expect(page.getByLabel('Chọn tệp (được chọn nhiều)')).toBeVisible();
  await expect.poll(async () => (await cachedUrls()).some((u) => /chibo-verify-[0-9a-f]+_bg\.wasm$/.test(u)), { timeout: 15_000 }).toBe(true);
  cached = await cachedUrls();
  expect(cached.some((u) => /chibo-district-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  await page.goto('/');
  await expect(page.getByTestId('quarter-title')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await setUpCell(page);
  const sheet = await openMeeting(page, 1);
  await sheet.getByLabel('Thời lượng (phút)').fill('95');
  await page.reload();
  await expect(page.getByLabel('Tên chi bộ')).toHaveValue('Chi bộ Thôn Đông Hà');
  const again = await openMeeting(page, 1);
  await expect(again.getByLabel('Thời lượng (phút)')).toHaveValue('95');

  // Still offline: switch to the training workspace (a reload), fill the rest and export.
  await page.getByTestId('enter-training').click();
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await finishTrainingQuarter(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp kết quả' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tap-huan_tu-danh-gia_chi-bo-thon-tap-huan_2026-Q4\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  expect(JSON.parse(text).proof.cryptosuite).toBe('eddsa-jcs-2022');

  // The district page (opened once online, above) checks it, offline too (its workers load the
  // cached wasm).
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(await file.path());
  await expect(page.locator('[data-testid="file-row"][data-status="training"]')).toHaveCount(1);
  await context.setOffline(false);
});

test('the web app manifest and its icons are served', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(href)).json();
  expect(manifest.lang).toBe('vi');
  expect(manifest.display).toBe('standalone');
  // Some icons first: the loop below checks nothing if there are none.
  expect(manifest.icons?.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).ok()).toBe(true);
});
