// Unreadable stored data never crashes the app, is kept under a backup key, and is reported.
import { test, expect } from '@playwright/test';
import { openApp, setUpCell } from './helpers.mjs';

test('garbage in the stored quarter is set aside under a backup key and the app starts clean', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  const garbage = '{"format":"chibo-store","schema":1,"data":{"quarter": GARBAGE';
  await page.evaluate((g) => localStorage.setItem('chibo/v1/quarter/2026-Q4', g), garbage);
  await page.reload();
  const notice = page.getByTestId('storage-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('chibo/v1/quarter/2026-Q4');
  await expect(notice).toContainText('không đọc được');
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  // The profile (a different key) was untouched.
  await expect(page.getByLabel('Tên chi bộ')).toHaveValue('Chi bộ Thôn Đông Hà');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('chibo/backup/')).map((k) => [k, localStorage.getItem(k)]));
  expect(backups).toHaveLength(1);
  expect(backups[0][0]).toMatch(/^chibo\/backup\/\d+\/chibo\/v1\/quarter\/2026-Q4$/);
  expect(backups[0][1]).toBe(garbage);
  // The live key now holds a fresh, readable quarter.
  const live = await page.evaluate(() => JSON.parse(localStorage.getItem('chibo/v1/quarter/2026-Q4')));
  expect(live.schema).toBe(1);
  await notice.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(notice).toHaveCount(0);
});

test('data from a newer app version is left where that version reads it, and never overwritten', async ({ page }) => {
  await openApp(page);
  const future = JSON.stringify({ format: 'chibo-store', schema: 7, data: { name: 'from the future' } });
  await page.evaluate((f) => localStorage.setItem('chibo/v1/profile', f), future);
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toContainText('phiên bản mới hơn');
  await expect(page.getByTestId('storage-notice')).toContainText('tải lại trang');
  await page.getByLabel('Tên chi bộ').fill('Chi bộ Thôn Đông Hà');
  await expect(page.getByTestId('save-error')).toContainText('Không ghi đè');
  expect(await page.evaluate(() => localStorage.getItem('chibo/v1/profile'))).toBe(future);
  const moved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('chibo/backup/')));
  expect(moved).toEqual([]);
});

test('a foreign value and a non-JSON value under our keys never crash the app', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openApp(page);
  await page.evaluate(() => {
    localStorage.setItem('chibo/v1/settings', 'not json at all');
    localStorage.setItem('chibo/v1/profile', '[1,2,3]');
  });
  await page.reload();
  await expect(page.getByTestId('storage-notice').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('quarter-title')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a quarter record found under another quarter\'s key is kept aside, not overwritten by a blank one', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  await page.getByLabel('Quý', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Bắt đầu quý này' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 3/2026');
  const q3 = await page.evaluate(() => localStorage.getItem('chibo/v1/quarter/2026-Q3'));
  await page.evaluate((v) => localStorage.setItem('chibo/v1/quarter/2026-Q4', v), q3);
  await page.getByTestId('saved-quarters').locator('li', { hasText: 'Quý 4/2026' }).getByRole('button', { name: 'Mở' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await expect(page.getByTestId('storage-notice')).toContainText('bản ghi của một quý khác');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('chibo/backup/')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual([q3]);
});
