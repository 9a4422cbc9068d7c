// Training workshops: a workspace apart from real data, entered and left in one click.
import { test, expect } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { openApp, setUpCell, openMeeting, finishTrainingQuarter } from './helpers.mjs';

const OUT = '../../target/e2e-downloads/training';

/** Every real-workspace value in localStorage (everything under chibo/ except training and the switch). */
const realData = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('chibo/') && !k.startsWith('chibo/v1/training/') && k !== 'chibo/v1/workspace')
  .sort().map((k) => [k, localStorage.getItem(k)])));

test('training round trip: enter, fill, export, the district flags it, demo files, reset; real data untouched', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  await setUpCell(page);
  const real = await openMeeting(page, 1);
  await real.getByLabel('Thời lượng (phút)').fill('95');
  await expect(page.getByTestId('training-mark')).toHaveCount(0);
  const before = await realData(page);
  expect(Object.keys(before).length).toBeGreaterThan(1);

  // A workshop in November: the practice quarter's December meeting is still to come, which
  // holds back a real export but not a practice one.
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00+07:00'));
  // One click in: the practice cell and a half-filled quarter are there.
  await page.getByTestId('enter-training').click();
  await expect(page.getByTestId('training-mark')).toContainText('TẬP HUẤN');
  await expect(page.getByLabel('Tên chi bộ')).toHaveValue('Chi bộ Thôn Tập Huấn');
  await expect(page.getByTestId('export-blocker')).toContainText('Còn 2 phiếu chưa đánh dấu hoàn thành');

  // The trainee fills the two blank meetings and exports; no key backup is asked for.
  await finishTrainingQuarter(page);
  await expect(page.getByTestId('export-blocker')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp kết quả' }).click();
  const file = await download;
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  expect(file.suggestedFilename()).toMatch(/^tap-huan_tu-danh-gia_/);
  await expect(page.getByTestId('export-message')).toContainText('cấp trên nhận sẽ không tính');
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  expect(doc.credentialSubject.training).toBe(true);
  await expect(page.getByTestId('backup-status')).toHaveText('Khóa tập huấn: không cần tệp sao lưu.');

  // A backup of the practice key is marked as such, and the real side will refuse it.
  await page.getByLabel('Mật khẩu cho tệp sao lưu').fill('mật khẩu tập huấn 2026');
  await page.getByLabel('Nhập lại mật khẩu').fill('mật khẩu tập huấn 2026');
  const keyDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu tệp sao lưu khóa' }).click();
  const keyFile = await keyDownload;
  expect(keyFile.suggestedFilename()).toMatch(/^tap-huan_khoa-ky_/);
  const keyPath = `${OUT}/training-key.json`;
  await keyFile.saveAs(keyPath);
  expect(doc.credentialSubject.cell.name).toBe('Chi bộ Thôn Tập Huấn');

  // The (training) district view flags it and never counts it.
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(path);
  await expect(page.locator('[data-testid="file-row"][data-status="training"]')).toHaveCount(1);
  await expect(page.getByTestId('table-summary')).toHaveText(/^0 chi bộ đã nộp hợp lệ/);

  // Sample files for the trainer: every status a district meets.
  await page.getByRole('button', { name: 'Tạo và nhận tệp mẫu' }).click();
  await expect(page.getByTestId('district-message')).toContainText('Đã nhận 15 tệp');
  for (const [status, n] of [['valid', 8], ['superseded', 1], ['duplicate', 1], ['bad_signature', 1],
    ['unregistered_key', 1], ['key_cell_mismatch', 1], ['training', 2], ['unreadable', 1]]) {
    await expect(page.locator(`[data-testid="file-row"][data-status="${status}"]`), status).toHaveCount(n);
  }
  await expect(page.getByTestId('table-summary')).toHaveText(/^8 chi bộ đã nộp hợp lệ/);

  // Reset: everything of the workshop goes, the sample comes back.
  await page.getByRole('button', { name: 'Làm lại từ đầu…' }).click();
  await page.getByRole('button', { name: 'Làm lại', exact: true }).click();
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 0');
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.getByRole('link', { name: 'Chi bộ tự đánh giá' }).click();
  await expect(page.getByTestId('export-blocker')).toContainText('Còn 2 phiếu chưa đánh dấu hoàn thành');

  // One click out: the real data is exactly as it was, and the real collection is empty.
  await page.getByRole('button', { name: 'Thoát tập huấn' }).click();
  await expect(page.getByTestId('training-mark')).toHaveCount(0);
  await expect(page.getByLabel('Tên chi bộ')).toHaveValue('Chi bộ Thôn Đông Hà');
  expect(await realData(page)).toEqual(before);
  await page.getByText('Khôi phục khóa từ tệp sao lưu').click();
  await page.getByLabel('Tệp sao lưu khóa').setInputFiles(keyPath);
  await page.getByLabel('Mật khẩu của tệp').fill('mật khẩu tập huấn 2026');
  await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByTestId('restore-message')).toContainText('chế độ tập huấn');
  await expect(page.getByTestId('key-did')).toHaveCount(0);
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 0');
});

test('the walk-through is offered once, goes through every group, and is reachable again from the help button', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('guide-offer')).toBeVisible();
  await page.getByRole('button', { name: 'Xem hướng dẫn' }).click();
  const guide = page.getByTestId('guide');
  await expect(guide).toContainText('Bước 1/9');
  await expect(guide.getByRole('heading')).toBeFocused();
  await guide.getByRole('button', { name: 'Tiếp →' }).click();
  await expect(guide).toContainText('1. Thời gian, thời lượng (5 điểm)');
  for (let i = 0; i < 7; i++) await guide.getByRole('button', { name: 'Tiếp →' }).click();
  await expect(guide).toContainText('Bước 9/9');
  await guide.getByRole('button', { name: 'Bắt đầu chấm' }).click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('quarter-title')).toBeVisible();
  await expect(page.getByTestId('guide-offer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Hướng dẫn' }).click();
  await expect(page.getByTestId('guide')).toContainText('Bước 1/9');
  await page.getByRole('button', { name: 'Đóng hướng dẫn' }).click();
  await expect(page.getByTestId('guide')).toHaveCount(0);
});
