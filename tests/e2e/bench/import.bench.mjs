// District import of N signed results (default 5,000) in headless Chromium.
// The files are first built inside the page (as File objects), then handed to the import input
// at once, so the time measured is the app's (read, verify, classify, store, show), not
// Playwright's transfer of 135 MB over the DevTools protocol.
import { test, expect } from '@playwright/test';

// Wait for a text in the page without Playwright's expect polling: its retries take accessibility
// snapshots of the whole page on the main thread, which more than doubled the measured time.
const waitText = (page, testId, re, timeout = 1_500_000) => page.waitForFunction(
  ([id, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
  [testId, re.source], { polling: 250, timeout });
import { readdirSync, readFileSync } from 'node:fs';

const DIR = process.env.BENCH_DIR ?? '../../target/bench/results';
const N = Number(process.env.BENCH_COUNT ?? 5000);

test(`district import of ${N} results`, async ({ page }) => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  expect(names).toHaveLength(N);
  await page.goto('/district.html');
  await page.getByLabel('Nhập danh bạ (CSV hoặc JSON)').setInputFiles(`${DIR}/registry.csv`);
  await expect(page.getByTestId('registry-count')).toHaveText(`${N} khóa trong danh bạ.`);
  await page.getByLabel('Năm').fill('2026');
  await page.getByLabel('Năm').dispatchEvent('change');
  await page.getByLabel('Quý', { exact: true }).selectOption('4');
  await page.evaluate(() => { window.__benchFiles = []; });
  for (let i = 0; i < names.length; i += 250) {
    const batch = names.slice(i, i + 250).map((n) => [n, readFileSync(`${DIR}/${n}`, 'utf8')]);
    await page.evaluate((b) => { for (const [n, t] of b) window.__benchFiles.push(new File([t], n, { type: 'application/json' })); }, batch);
  }
  const t0 = await page.evaluate(() => {
    const dt = new DataTransfer();
    for (const f of window.__benchFiles) dt.items.add(f);
    const input = document.getElementById('import-files');
    input.files = dt.files;
    const start = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return start;
  });
  await waitText(page, 'district-message', new RegExp(`^Đã nhận ${N} tệp`));
  await waitText(page, 'table-summary', new RegExp(`^${N} chi bộ đã nộp hợp lệ, 0 chi bộ chưa nộp`));
  const shown = await page.evaluate((s) => (performance.now() - s) / 1000, t0);
  const reported = await page.getByTestId('district-message').textContent();
  console.log(`BENCH browser import ${N} files: app reports "${reported}"; until the table shows them: ${shown.toFixed(1)} s`);
  const t1 = Date.now();
  await page.reload();
  await waitText(page, 'table-summary', new RegExp(`^${N} chi bộ đã nộp hợp lệ, 0 chi bộ chưa nộp`));
  console.log(`BENCH browser reopen with ${N} stored results: ${((Date.now() - t1) / 1000).toFixed(1)} s`);
});
