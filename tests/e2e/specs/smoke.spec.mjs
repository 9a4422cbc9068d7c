import { test, expect } from '@playwright/test';

test('the app opens in Vietnamese with no error in the console', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00+07:00'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tự đánh giá chất lượng sinh hoạt chi bộ');
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await page.screenshot({ path: '../../target/smoke.png', fullPage: true });
  expect(errors).toEqual([]);
});
