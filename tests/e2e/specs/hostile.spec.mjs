// Hostile files in the district view: each gets the right status, nothing is rendered as HTML,
// and the page stays responsive. The corpus is made by the native test `tests/hostile.rs`.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openApp } from './helpers.mjs';

const DIR = '../../target/hostile-corpus';

test.beforeAll(() => {
  if (!existsSync(`${DIR}/21-fifty-megabytes.json`)) {
    execFileSync('cargo', ['test', '-q', '--test', 'hostile'], { cwd: '../..', stdio: 'inherit' });
  }
});

test('a corpus of hostile files gets the right statuses, renders no HTML, and never freezes the page', async ({ page }) => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  expect(names).toHaveLength(22);
  const valid = JSON.parse(readFileSync(`${DIR}/00-valid.json`, 'utf8'));
  writeFileSync(`${DIR}/../hostile-registry.csv`, `cell_name,did\n"${valid.credentialSubject.cell.name}",${valid.issuer}\n`);

  await openApp(page);
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await page.getByLabel('Nhập danh bạ (CSV hoặc JSON)').setInputFiles(`${DIR}/../hostile-registry.csv`);
  await expect(page.getByTestId('registry-count')).toHaveText('1 khóa trong danh bạ.');

  // A heartbeat: the longest gap between timer ticks while the files are checked.
  await page.evaluate(() => {
    window.__gap = 0; let last = performance.now();
    window.__beat = setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 20);
  });
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(names.map((n) => `${DIR}/${n}`));
  await expect(page.getByTestId('district-message')).toContainText('Đã nhận 22 tệp');
  const gap = await page.evaluate(() => { clearInterval(window.__beat); return window.__gap; });
  console.log(`longest main-thread stall during the hostile import: ${Math.round(gap)} ms`);
  expect(gap).toBeLessThan(1000);

  const row = (file) => page.locator('[data-testid="file-row"]', { hasText: file });
  const expected = {
    '00-valid.json': 'valid',
    '01-tampered-number.json': 'bad_signature', '02-tampered-rating.json': 'bad_signature',
    '03-proof-removed.json': 'bad_signature', '04-proof-duplicated.json': 'bad_signature',
    '05-wrong-suite.json': 'bad_signature', '06-bad-base58.json': 'bad_signature',
    '07-wrong-key-length.json': 'bad_signature', '08-not-json.json': 'unreadable',
    '09-truncated.json': 'unreadable', '10-deeply-nested.json': 'unreadable',
    '11-duplicate-keys.json': 'unreadable', '12-float.json': 'unreadable',
    '13-beyond-2-53.json': 'unreadable', '14-lone-surrogate.json': 'unreadable',
    '15-unknown-rubric.json': 'rubric_problem', '16-rubric-hash-mismatch.json': 'rubric_problem',
    '17-points-do-not-match-facts.json': 'mismatch', '18-html-in-every-string.json': 'key_cell_mismatch',
    '19-html-everywhere-unsigned.json': 'bad_signature', '20-issuer-not-signer.json': 'bad_signature',
    '21-fifty-megabytes.json': 'unreadable',
  };
  for (const [file, status] of Object.entries(expected)) {
    await expect(row(file), file).toHaveAttribute('data-status', status);
  }
  await expect(row('11-duplicate-keys.json')).toContainText('xuất hiện hai lần');
  await expect(row('21-fifty-megabytes.json')).toContainText('quá lớn');
  await expect(row('12-float.json')).toContainText('số nguyên an toàn');

  // The markup in the signed file is shown as text, never as elements, and never runs.
  await expect(row('18-html-in-every-string.json')).toContainText('<img src=x onerror=');
  expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
  await expect(page.getByTestId('table-summary')).toHaveText(/^1 chi bộ đã nộp hợp lệ/);
});
