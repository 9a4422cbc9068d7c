// A secretary creates the cell's key, saves its backup, exports a signed result that the CLI
// verifies, and restores the same key on a "new phone".
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openApp, setUpCell, fillGoodQuarter, openMeeting } from './helpers.mjs';

const CHIBO = process.env.CHIBO_BIN ?? '../../target/debug/chibo';
const OUT = '../../target/e2e-downloads';
const PASS = 'chi bộ thôn Đông Hà 2026';

test('export needs a complete quarter, a key and its backup; the signed file verifies with the CLI; the backup restores the key', async ({ page, browser }) => {
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  await setUpCell(page);
  await expect(page.getByTestId('export-blocker')).toContainText('Còn 3 phiếu chưa đánh dấu hoàn thành');
  await expect(page.getByRole('button', { name: 'Xuất tệp kết quả' })).toBeDisabled();
  await fillGoodQuarter(page);
  await expect(page.getByTestId('export-blocker')).toHaveCount(0);

  // A meeting dated after today (28 December) has not been held: no signed result says it was.
  const december = await openMeeting(page, 3);
  await december.getByLabel('Ngày họp').fill('2026-12-30');
  await expect(page.getByTestId('export-blocker')).toContainText('Buổi sinh hoạt tháng 12 ghi ngày họp chưa đến');
  await expect(page.getByRole('button', { name: 'Xuất tệp kết quả' })).toBeDisabled();
  await december.getByLabel('Ngày họp').fill('2026-12-04');
  await expect(page.getByTestId('export-blocker')).toHaveCount(0);

  // First export: the key is made, but the backup must come first.
  await page.getByRole('button', { name: 'Xuất tệp kết quả' }).click();
  await expect(page.getByTestId('export-message')).toContainText('hãy lưu tệp sao lưu khóa');
  const did = await page.getByTestId('key-did').textContent();
  const fingerprint = await page.getByTestId('key-fingerprint').textContent();
  expect(did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
  expect(fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(page.getByTestId('backup-status')).toContainText('Chưa lưu tệp sao lưu');

  await page.getByLabel('Mật khẩu cho tệp sao lưu').fill('ngắn');
  await page.getByLabel('Nhập lại mật khẩu').fill('ngắn');
  await page.getByRole('button', { name: 'Lưu tệp sao lưu khóa' }).click();
  await expect(page.getByTestId('backup-message')).toContainText('ít nhất 10 ký tự');

  await page.getByLabel('Mật khẩu cho tệp sao lưu').fill(PASS);
  await page.getByLabel('Nhập lại mật khẩu').fill(PASS);
  const backupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu tệp sao lưu khóa' }).click();
  const backup = await backupDownload;
  expect(backup.suggestedFilename()).toBe(`khoa-ky_chi-bo-thon-dong-ha_${fingerprint}.json`);
  const backupPath = `${OUT}/backup.json`;
  await backup.saveAs(backupPath);
  await expect(page.getByTestId('backup-status')).toContainText('Đã lưu tệp sao lưu khóa');

  const resultDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp kết quả' }).click();
  const result = await resultDownload;
  expect(result.suggestedFilename()).toBe('tu-danh-gia_chi-bo-thon-dong-ha_2026-Q4.json');
  const resultPath = `${OUT}/${result.suggestedFilename()}`;
  await result.saveAs(resultPath);
  await expect(page.getByTestId('export-message')).toContainText('Đã xuất tệp');

  // The downloaded file verifies with the command-line tool, signed by the key shown on screen.
  const out = execFileSync(CHIBO, ['verify', '--json', resultPath], { encoding: 'utf8' });
  const line = JSON.parse(out.trim());
  expect(line.ok).toBe(true);
  expect(line.issuer).toBe(did);
  expect(line.fingerprint).toBe(fingerprint);
  expect(line.cell).toBe('Chi bộ Thôn Đông Hà');
  expect(line.training).toBe(false);

  // The same check runs in the browser: the file is valid, a tampered copy is not.
  const tamperedPath = `${OUT}/tampered.json`;
  writeFileSync(tamperedPath, readFileSync(resultPath, 'utf8').replace('"present": 23', '"present": 22'));
  await page.getByLabel('Chọn tệp kết quả (.json)').setInputFiles([resultPath, tamperedPath]);
  const checks = page.getByTestId('verify-results').locator('li');
  await expect(checks).toHaveCount(2);
  await expect(checks.nth(0)).toContainText(`Hợp lệ — Chi bộ Thôn Đông Hà, quý 4/2026, xếp loại Tốt; khóa ${fingerprint}`);
  await expect(checks.nth(1)).toContainText('tampered.json: Chữ ký không hợp lệ');

  // A new phone: no data; restoring the backup gives the same key, but only with the passphrase.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page2 = await phone.newPage();
  await openApp(page2);
  await page2.getByText('Khôi phục khóa từ tệp sao lưu').click();
  writeFileSync(`${OUT}/broken.json`, '{"format":"chibo-key-backup","version":1,"did":"x"}');
  await page2.getByLabel('Tệp sao lưu khóa').setInputFiles(`${OUT}/broken.json`);
  await page2.getByLabel('Mật khẩu của tệp').fill(PASS);
  await page2.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page2.getByTestId('restore-message')).toHaveText('Tệp sao lưu bị hỏng');

  await page2.getByLabel('Tệp sao lưu khóa').setInputFiles(backupPath);
  await page2.getByLabel('Mật khẩu của tệp').fill('mật khẩu sai hoàn toàn');
  await page2.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page2.getByTestId('restore-message')).toHaveText('Sai mật khẩu (hoặc tệp đã bị sửa)');
  await expect(page2.getByTestId('key-did')).toHaveCount(0);

  await page2.getByLabel('Mật khẩu của tệp').fill(PASS);
  await page2.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page2.getByTestId('restore-message')).toContainText(`Đã khôi phục khóa ${fingerprint}`);
  await expect(page2.getByTestId('key-did')).toHaveText(did);
  await page2.reload();
  await expect(page2.getByTestId('key-did')).toHaveText(did);
  await phone.close();
});

test('replacing a key needs an explicit confirmation', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Tạo khóa ngay' }).click();
  const did = await page.getByTestId('key-did').textContent();
  await page.getByText('Thay khóa mới').click();
  await page.getByRole('button', { name: 'Tạo khóa mới thay thế' }).click();
  await expect(page.getByTestId('key-message')).toContainText('đánh dấu ô xác nhận');
  await expect(page.getByTestId('key-did')).toHaveText(did);
  await page.getByLabel('Tôi hiểu và muốn thay khóa').check();
  await page.getByRole('button', { name: 'Tạo khóa mới thay thế' }).click();
  await expect(page.getByTestId('key-did')).not.toHaveText(did);
  await expect(page.getByTestId('backup-status')).toContainText('Chưa lưu');
});

test.describe('without a service worker (it would answer the second request from its cache)', () => {
  test.use({ serviceWorkers: 'block' });
  test('the export, key and file-check panels come from a chunk of their own; if it cannot be fetched the page says so and fetches it again on request', async ({ page }) => {
    let refused = 0;
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/cell_extras-[0-9a-f]{16}_bg\.wasm$/, async (route) => {
      if (refused++ > 0) return route.continue();
      await held;
      return route.abort('internetdisconnected');
    });
    await openApp(page);
    // The sheet works without the chunk; while it is on its way, its panels say so.
    await expect(page.getByTestId('meeting-1')).toBeVisible();
    await expect(page.getByTestId('extras-pending').first()).toContainText('Đang tải phần này…');
    release();
    const failed = page.getByTestId('extras-failed');
    await expect(failed.first()).toContainText('Chưa tải được phần này của ứng dụng');
    await expect(page.getByRole('button', { name: 'Xuất tệp kết quả' })).toHaveCount(0);
    await failed.first().getByRole('button', { name: 'Thử lại' }).click();
    await expect(page.getByRole('button', { name: 'Xuất tệp kết quả' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Khóa ký của chi bộ' })).toBeVisible();
    await expect(failed).toHaveCount(0);
    expect(refused).toBe(2);
  });
});
