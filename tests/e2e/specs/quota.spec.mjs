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

test('an unsaved change stays flagged until it is saved, and nothing that would drop it goes ahead', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  const key = 'chibo/v1/quarter/2026-Q4';
  // Only the quarter cannot be written (a long text on a nearly full device).
  await page.evaluate((k) => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name, v) {
      if (name === k) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, name, v);
    };
    window.__spaceIsBack = () => { Storage.prototype.setItem = original; };
  }, key);
  await page.getByLabel('Kiến nghị').fill('Một nhận xét dài.');
  await expect(page.getByTestId('save-error')).toContainText('Không lưu được');
  // A small write elsewhere succeeds: the quarter's change is still unsaved and still said so.
  await page.getByLabel('Đảng bộ cấp trên').fill('Đảng bộ xã Hòa Bình mới');
  await expect(page.getByTestId('save-error')).toContainText('Không lưu được');

  // Opening another quarter would drop the change from the screen: refused, with the reason.
  await page.getByLabel('Quý', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Bắt đầu quý này' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await expect(page.locator('.picker [role="alert"]')).toContainText('chưa lưu được');
  // A drafts backup would lack it: refused too.
  await page.getByRole('button', { name: 'Lưu tệp sao lưu dữ liệu' }).click();
  await expect(page.getByText('tệp sao lưu sẽ thiếu nó')).toBeVisible();
  // So would entering training (a reload).
  await page.getByTestId('enter-training').click();
  await expect(page.locator('.app-header [role="alert"]')).toContainText('chưa lưu được');
  await expect(page.getByTestId('training-mark')).toHaveCount(0);

  // Space is back: the next edit saves it, and the quarter can be left.
  await page.evaluate(() => window.__spaceIsBack());
  await page.getByLabel('Kiến nghị').fill('Một nhận xét dài, đã lưu.');
  await expect(page.getByTestId('save-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Bắt đầu quý này' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 3/2026');
  await page.reload();
  await page.getByTestId('saved-quarters').locator('li', { hasText: 'Quý 4/2026' }).getByRole('button', { name: 'Mở' }).click();
  await expect(page.getByLabel('Kiến nghị')).toHaveValue('Một nhận xét dài, đã lưu.');
});
