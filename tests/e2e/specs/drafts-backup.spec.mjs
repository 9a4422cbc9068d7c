// A secretary saves every quarter of her phone to a file and restores it on a new phone; on the
// same phone, a quarter edited since the backup is replaced only when she ticks it, and the
// phone's version is kept aside.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openApp, setUpCell, fillMeeting, openMeeting } from './helpers.mjs';

const OUT = '../../target/e2e-downloads';
const facts = { date: '2026-10-05', minutes: 95, required: 24, present: 22, withReason: 2, withoutReason: 0, speakers: 12, repeated: false };

test('a drafts backup moves the quarters to a new phone, and a restore never overwrites unseen', async ({ page, browser }) => {
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  await setUpCell(page);
  let sheet = await fillMeeting(page, 1, facts);
  await expect(sheet.getByTestId('meeting-total')).toHaveText('100');
  await page.getByTestId('drafts-backup').scrollIntoViewIfNeeded();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu tệp sao lưu dữ liệu' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sao-luu-du-lieu_chi-bo-thon-dong-ha_2026-12-28.json');
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  await expect(page.getByTestId('drafts-save-message')).toContainText('(1 quý)');
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  expect(saved.format).toBe('chibo-drafts');
  expect(saved.training).toBe(false);
  expect(saved.profile.name).toBe('Chi bộ Thôn Đông Hà');
  expect(saved.quarters.map((q) => q.quarter)).toEqual(['2026-Q4']);
  // The profile and the quarters, nothing else (no signing key, ever).
  expect(Object.keys(saved).sort()).toEqual(['appVersion', 'created', 'format', 'formatVersion', 'profile', 'quarters', 'training']);

  // A new phone: its own blank current quarter counts as nothing to lose.
  const phone = await browser.newPage();
  await openApp(phone);
  await expect(phone.getByTestId('meeting-1').getByTestId('meeting-summary-score')).toHaveText('Chưa chấm');
  await phone.getByLabel('Khôi phục từ tệp sao lưu dữ liệu').setInputFiles(path);
  const plan = phone.getByTestId('restore-plan');
  await expect(plan).toContainText('«sao-luu-du-lieu_chi-bo-thon-dong-ha_2026-12-28.json», lưu ngày 28/12/2026, có 1 quý:');
  await expect(plan).toContainText('Thông tin chi bộ: chưa có trên máy, sẽ lấy từ tệp.');
  await expect(plan.getByTestId('restore-quarter')).toHaveText(/Quý 4\/2026: chưa có trên máy: sẽ thêm \(\d+\/\d+ mục đã trả lời\)/);
  await plan.getByRole('button', { name: 'Khôi phục' }).click();
  await expect(phone.getByTestId('drafts-restore-message')).toHaveText('Đã khôi phục: thêm 1 quý, thay 0 quý, lấy thông tin chi bộ trong tệp.');
  await expect(phone.getByTestId('meeting-1').getByTestId('meeting-summary-score')).toHaveText('100 điểm · Tốt');
  await expect(phone.getByTestId('profile-summary')).toHaveText('Chi bộ Thôn Đông Hà');
  await expect(phone.getByLabel('Bí thư chi bộ')).toHaveValue('Nguyễn Văn An');
  await phone.close();

  // The first phone changes an answer after the backup; restoring shows the difference and
  // replaces nothing unless ticked.
  sheet = await openMeeting(page, 1);
  await sheet.locator('#m1-trinh_tu-no').check();
  await expect(sheet.getByTestId('meeting-total')).toHaveText('95');
  await page.getByLabel('Khôi phục từ tệp sao lưu dữ liệu').setInputFiles(path);
  await expect(page.getByTestId('restore-plan')).toContainText('Thông tin chi bộ: giống hệt trên máy.');
  await expect(page.getByTestId('restore-quarter')).toContainText('khác bản trên máy');
  await page.getByTestId('restore-plan').getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByTestId('drafts-restore-message')).toHaveText('Đã khôi phục: thêm 0 quý, thay 0 quý.');
  await expect(sheet.getByTestId('meeting-total')).toHaveText('95');

  await page.getByLabel('Khôi phục từ tệp sao lưu dữ liệu').setInputFiles(path);
  await page.getByLabel('Thay bản trên máy bằng bản trong tệp').check();
  await page.getByTestId('restore-plan').getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByTestId('drafts-restore-message')).toContainText('thêm 0 quý, thay 1 quý');
  await expect(page.getByTestId('meeting-1').getByTestId('meeting-total')).toHaveText('100');
  // The replaced version (95 points) is kept aside under a backup key.
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('/chibo/v1/quarter/2026-Q4')));
  expect(kept).toHaveLength(1);
  const reloaded = await page.evaluate(() => localStorage.getItem('chibo/v1/quarter/2026-Q4'));
  expect(JSON.parse(reloaded).data).toEqual(saved.quarters[0]);
});

test('a file that is not a drafts backup, or one of the training workspace, is refused with its reason', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  const wrong = `${OUT}/not-a-backup.json`;
  writeFileSync(wrong, '{"format":"chibo-key-backup","formatVersion":1}');
  await page.getByLabel('Khôi phục từ tệp sao lưu dữ liệu').setInputFiles(wrong);
  await expect(page.getByTestId('drafts-restore-message')).toContainText('tệp không phải bản sao lưu dữ liệu chấm điểm');
  const training = `${OUT}/training-backup.json`;
  writeFileSync(training, JSON.stringify({ format: 'chibo-drafts', formatVersion: 1, created: 'x', appVersion: '0', training: true, profile: null, quarters: [] }));
  await page.getByLabel('Khôi phục từ tệp sao lưu dữ liệu').setInputFiles(training);
  await expect(page.getByTestId('drafts-restore-message')).toContainText('chế độ tập huấn');
  await expect(page.getByTestId('restore-plan')).toHaveCount(0);
});

test('a restore that cannot be written (storage full) says so and leaves the device as it was', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  await setUpCell(page);
  const sheet = await fillMeeting(page, 1, facts);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu tệp sao lưu dữ liệu' }).click();
  const path = `${OUT}/quota-${(await download).suggestedFilename()}`;
  await (await download).saveAs(path);
  await sheet.locator('#m1-trinh_tu-no').check();
  await expect(sheet.getByTestId('meeting-total')).toHaveText('95');
  const key = 'chibo/v1/quarter/2026-Q4';
  const before = await page.evaluate((k) => localStorage.getItem(k), key);

  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('chibo/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, k, v);
    };
  });
  await page.getByLabel('Khôi phục từ tệp sao lưu dữ liệu').setInputFiles(path);
  await page.getByLabel('Thay bản trên máy bằng bản trong tệp').check();
  await page.getByTestId('restore-plan').getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByTestId('drafts-restore-message')).toContainText('Không ghi hết được vào thiết bị');
  await expect(page.getByTestId('drafts-restore-message')).toContainText('thay 0 quý');
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(before);
  await expect(sheet.getByTestId('meeting-total')).toHaveText('95');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('chibo/backup/')))).toEqual([]);

  // An edit that the full storage refused is on screen only: a restore would drop it, so it waits.
  await sheet.getByLabel('Thời lượng (phút)').fill('100');
  await expect(page.getByTestId('save-error')).toContainText('Không lưu được');
  await page.getByLabel('Khôi phục từ tệp sao lưu dữ liệu').setInputFiles(path);
  await page.getByLabel('Thay bản trên máy bằng bản trong tệp').check();
  await page.getByTestId('restore-plan').getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByTestId('drafts-restore-message')).toContainText('chưa lưu được vào thiết bị');
  await expect(sheet.getByLabel('Thời lượng (phút)')).toHaveValue('100');
});
