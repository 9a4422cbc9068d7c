// The Content-Security-Policy: no outside origin, no inline script but the hashed loader, and
// no violation while the app is used.
import { test, expect } from '@playwright/test';
import { openApp, setUpCell, fillMeeting } from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test('the policy allows no outside origin and no inline code', async ({ page }) => {
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(policy).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'|data:[^;]*script/);

  // An injected inline script and a script from elsewhere are both refused.
  const ran = await page.evaluate(async () => {
    const inline = document.createElement('script');
    inline.textContent = 'window.__injected = true;';
    document.body.append(inline);
    const outside = document.createElement('script');
    outside.src = 'https://example.com/evil.js';
    document.body.append(outside);
    await new Promise((r) => setTimeout(r, 200));
    return window.__injected === true;
  });
  expect(ran).toBe(false);
  const violations = await page.evaluate(() => window.__csp);
  expect(violations.some((v) => v.startsWith('script-src') && v.includes('inline'))).toBe(true);
  expect(violations.some((v) => v.includes('example.com'))).toBe(true);
});

test('using the app (sheet, export box, district, training, print) causes no policy violation', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  await fillMeeting(page, 1, { date: '2026-10-05', minutes: 125, required: 24, present: 23, withReason: 1, withoutReason: 0, speakers: 14, repeated: false });
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await expect(page.getByTestId('status-counts')).toBeVisible();
  await page.getByRole('link', { name: 'Chi bộ tự đánh giá' }).click();
  await page.getByTestId('enter-training').click();
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByRole('button', { name: 'In báo cáo (A4)' }).click();
  await expect(page.getByTestId('print-report')).toBeAttached();
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await page.getByRole('button', { name: 'Tạo và nhận tệp mẫu' }).click();
  await expect(page.getByTestId('district-message')).toContainText('Đã nhận 15 tệp');
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
});
