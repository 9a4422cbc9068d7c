// Printing the quarter report: the customary A4 form, nothing else on the paper.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { openApp, setUpCell, fillGoodQuarter, finishTrainingQuarter } from './helpers.mjs';

const OUT = '../../target/e2e-downloads/print';

/** Clicks the print button with the browser's dialog replaced by a flag. */
async function print(page) {
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: 'In báo cáo (A4)' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  // A4 at 96 dpi, so the screenshot looks like the paper.
  await page.setViewportSize({ width: 794, height: 1123 });
}

test('the printout has the customary header, one table per meeting, totals, narrative and signature, and nothing else', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  await setUpCell(page);
  await fillGoodQuarter(page);
  await page.getByLabel('Ưu điểm').fill('Sinh hoạt đều đặn, đúng giờ.');
  await print(page);
  const paper = page.getByTestId('print-report');
  await expect(paper).toBeVisible();
  await expect(paper).toContainText('ĐẢNG CỘNG SẢN VIỆT NAM');
  // In capitals as printed (the style makes them so): the rendered text, not the source's.
  await expect(paper).toContainText('ĐẢNG BỘ XÃ HÒA BÌNH', { useInnerText: true });
  await expect(paper).toContainText('CHI BỘ THÔN ĐÔNG HÀ', { useInnerText: true });
  await expect(paper).toContainText('ngày 28 tháng 12 năm 2026');
  await expect(paper).toContainText('BÁO CÁO TỰ ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ');
  await expect(paper).toContainText('Quý IV năm 2026');
  await expect(paper.locator('.paper-meeting')).toHaveCount(3);
  await expect(paper.locator('.paper-meeting tfoot').first()).toContainText('100/100 điểm – Tốt');
  await expect(paper).toContainText('Điểm bình quân quý: 100,0');
  await expect(paper).toContainText('Sinh hoạt đều đặn, đúng giờ.');
  await expect(paper).toContainText('T/M CHI ỦY');
  await expect(paper).toContainText('BÍ THƯ');
  await expect(paper).toContainText('Nguyễn Văn An');
  await expect(paper).toContainText('Chưa xuất tệp kết quả đã ký');
  // No navigation, no buttons, no form on paper.
  await expect(page.locator('nav')).toBeHidden();
  for (const b of await page.getByRole('button').all()) await expect(b).toBeHidden();
  await expect(page.getByLabel('Tên chi bộ')).toBeHidden();
  await page.screenshot({ path: `${OUT}/print.png`, fullPage: true });
});

test('after an export the printout carries the result id, the file hash and a QR code; a later edit marks it stale', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  await page.getByTestId('enter-training').click();
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await finishTrainingQuarter(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp kết quả' }).click();
  const path = `${OUT}/${(await download).suggestedFilename()}`;
  await (await download).saveAs(path);
  const bytes = readFileSync(path);
  const id = JSON.parse(bytes.toString('utf8')).id;
  const hash = createHash('sha256').update(bytes).digest('hex');

  await print(page);
  const paper = page.getByTestId('print-report');
  await expect(paper).toContainText('TẬP HUẤN');
  await expect(paper).toContainText('khớp với tệp kết quả đã ký');
  await expect(paper).toContainText(id);
  await expect(paper).toContainText(hash.slice(0, 16).match(/.{4}/g).join(' '));
  await expect(paper.locator('.paper-qr svg')).toBeVisible();
  await page.screenshot({ path: `${OUT}/print-training.png`, fullPage: true });
  await page.screenshot({ path: `${OUT}/print-training-end.png`, fullPage: true, clip: { x: 0, y: (await page.evaluate(() => document.body.scrollHeight)) - 1123, width: 794, height: 1123 } });
  await page.screenshot({ path: `${OUT}/print-training-start.png`, fullPage: true, clip: { x: 0, y: 0, width: 794, height: 1123 } });

  // An edit after the export: the paper no longer claims to match the file.
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Kiến nghị').fill('Thêm một kiến nghị.');
  await print(page);
  await expect(paper).toContainText('đã sửa sau lần xuất tệp gần nhất');
  await expect(paper.locator('.paper-qr svg')).toHaveCount(0);
});
