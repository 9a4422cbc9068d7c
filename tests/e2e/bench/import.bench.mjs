// District import of N signed results (default 5,000) in headless Chromium. Prints the time the
// app reports (read, verify, classify, store) and the time until the table shows them.
import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';

const DIR = process.env.BENCH_DIR ?? '../../target/bench/results';
const N = Number(process.env.BENCH_COUNT ?? 5000);

test(`district import of ${N} results`, async ({ page }) => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => `${DIR}/${f}`);
  expect(files).toHaveLength(N);
  await page.goto('/#cap-tren');
  await page.getByLabel('Nhập danh bạ (CSV hoặc JSON)').setInputFiles(`${DIR}/registry.csv`);
  await expect(page.getByTestId('registry-count')).toHaveText(`${N} khóa trong danh bạ.`);
  await page.getByLabel('Năm').fill('2026');
  await page.getByLabel('Năm').dispatchEvent('change');
  await page.getByLabel('Quý', { exact: true }).selectOption('4');
  const t0 = Date.now();
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(files);
  await expect(page.getByTestId('district-message')).toHaveText(new RegExp(`^Đã nhận ${N} tệp`), { timeout: 1_500_000 });
  await expect(page.getByTestId('table-summary')).toHaveText(`${N} chi bộ đã nộp hợp lệ, 0 chi bộ chưa nộp.`, { timeout: 600_000 });
  const wall = (Date.now() - t0) / 1000;
  const reported = await page.getByTestId('district-message').textContent();
  console.log(`BENCH import ${N} files: app reports "${reported}"; until the table shows them: ${wall.toFixed(1)} s`);
  const t1 = Date.now();
  await page.reload();
  await expect(page.getByTestId('table-summary')).toHaveText(`${N} chi bộ đã nộp hợp lệ, 0 chi bộ chưa nộp.`, { timeout: 600_000 });
  console.log(`BENCH reopen with ${N} stored results: ${((Date.now() - t1) / 1000).toFixed(1)} s`);
});
