// The Content-Security-Policy: no outside origin, no inline script but the hashed loader, and
// no violation while the app is used.
import { test as base, expect } from '@playwright/test';
import { openApp, setUpCell, fillMeeting } from './helpers.mjs';

// Every violation of every page the test opens, kept on the test's side: a list on the page would
// start empty again at each navigation (the cell page, the district page and back are separate
// documents), and only the last page's violations would be checked.
const test = base.extend({
  violations: async ({ page }, use) => {
    const seen = [];
    await page.exposeFunction('cspViolated', (v) => { seen.push(v); });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolated(`${e.violatedDirective} ${e.blockedURI} on ${location.pathname}`));
    });
    await use(seen);
  },
});

test('the policy allows no outside origin and no inline code', async ({ page, violations }) => {
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(policy).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'|data:[^;]*script/);

  // An injected inline script and a script from elsewhere are both refused. An inline script
  // runs (or is refused) as it is inserted, so the flag can be read at once; the refusals are
  // reported as events, waited for below.
  const ran = await page.evaluate(() => {
    const inline = document.createElement('script');
    inline.textContent = 'window.__injected = true;';
    document.body.append(inline);
    const outside = document.createElement('script');
    outside.src = 'https://example.com/evil.js';
    document.body.append(outside);
    return window.__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.some((v) => v.startsWith('script-src') && v.includes(' inline '))).toBe(true);
  await expect.poll(() => violations.some((v) => v.includes('example.com'))).toBe(true);

  // What a page reported outlives it: the test below relies on this to check every page it opens.
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await expect(page.getByTestId('status-counts')).toBeVisible();
  expect(violations.filter((v) => v.endsWith(' on /')).length).toBeGreaterThanOrEqual(2);
});

test('using the app (sheet, export box, district, training, print) causes no policy violation', async ({ page, violations }) => {
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
  expect(violations).toEqual([]);
});
