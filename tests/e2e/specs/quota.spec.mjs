// Storage full: a visible message, the stored data intact, and nothing lost once space is back.
import { test, expect } from '@playwright/test';
import { openApp, setUpCell, openMeeting } from './helpers.mjs';

test('a quota error shows a message, keeps the stored data, and the change is saved once space is back', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  let sheet = await openMeeting(page, 1);
  await sheet.getByLabel('Thời lượng (phút)').fill('95');
  const key = 'chibo/v1/quarter/2026-Q4';
  const before = await page.evaluate((k) => localStorage.getItem(k), key);
  expect(before).toContain('"95"');

  // The device is full: every write of ours throws QuotaExceededError.
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('chibo/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, k, v);
    };
    window.__spaceIsBack = () => { Storage.prototype.setItem = original; };
  });
  await sheet.getByLabel('Thời lượng (phút)').fill('100');
  await expect(page.getByTestId('save-error')).toContainText('Không lưu được');
  await expect(sheet.getByLabel('Thời lượng (phút)')).toHaveValue('100');
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(before);

  // Space is back: the next change saves everything, including the earlier one.
  await page.evaluate(() => window.__spaceIsBack());
  await sheet.getByLabel('Có mặt').fill('20');
  await expect(page.getByTestId('save-error')).toHaveCount(0);
  await page.reload();
  sheet = await openMeeting(page, 1);
  await expect(sheet.getByLabel('Thời lượng (phút)')).toHaveValue('100');
  await expect(sheet.getByLabel('Có mặt')).toHaveValue('20');
});
