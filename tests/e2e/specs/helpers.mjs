// Shared steps, written as a user does them: clicks and typing only.
import { expect } from '@playwright/test';

/** Opens the app with the device clock set to 28 December 2026 (quarter 4, every meeting of the
 * quarter held: a result is exported only then). */
export async function openApp(page) {
  await page.clock.setFixedTime(new Date('2026-12-28T09:00:00+07:00'));
  await page.goto('/');
  await expect(page.getByTestId('quarter-title')).toBeVisible();
}

export async function setUpCell(page) {
  await page.getByLabel('Tên chi bộ').fill('Chi bộ Thôn Đông Hà');
  await page.getByLabel('Loại hình chi bộ').selectOption({ label: 'Thôn, tổ dân phố' });
  await page.getByLabel('Đảng bộ cấp trên').fill('Đảng bộ xã Hòa Bình');
  await page.getByLabel('Bí thư chi bộ').fill('Nguyễn Văn An');
  await page.getByLabel('Cấp ủy của chi bộ').selectOption({ label: 'Có chi ủy' });
  await page.getByLabel('Số đảng viên chính thức').fill('24');
  await page.getByLabel('Số đảng viên dự bị').fill('2');
  await page.getByLabel('Số đảng viên được miễn sinh hoạt').fill('2');
}

/** The `details` element of meeting `id`, opened. */
export async function openMeeting(page, id) {
  const sheet = page.getByTestId(`meeting-${id}`);
  if (!(await sheet.evaluate((d) => d.open))) {
    await sheet.locator('summary').click();
  }
  return sheet;
}

/**
 * Fills a meeting as a secretary would: facts typed, every judgement "Đạt" except `no`, the
 * level of the last resolution's results chosen.
 */
export async function fillMeeting(page, id, facts, { no = [], level = 'tu_90' } = {}) {
  const sheet = await openMeeting(page, id);
  await sheet.getByLabel('Ngày họp').fill(facts.date);
  await sheet.getByLabel('Thời lượng (phút)').fill(String(facts.minutes));
  await sheet.getByLabel('Số đảng viên phải dự').fill(String(facts.required));
  await sheet.getByLabel('Có mặt').fill(String(facts.present));
  await sheet.getByLabel('Vắng có lý do').fill(String(facts.withReason));
  await sheet.getByLabel('Vắng không lý do').fill(String(facts.withoutReason));
  await sheet.getByLabel('Số đảng viên phát biểu').fill(String(facts.speakers));
  await sheet.locator(`#m${id}-repeated-${facts.repeated ? 'yes' : 'no'}`).check();
  const toggles = sheet.locator('[data-testid^="item-"] input[id$="-yes"]:not([disabled])');
  const n = await toggles.count();
  for (let i = 0; i < n; i++) {
    const box = toggles.nth(i);
    const itemId = (await box.getAttribute('id')).replace(`m${id}-`, '').replace(/-yes$/, '');
    await sheet.locator(`#m${id}-${itemId}-${no.includes(itemId) ? 'no' : 'yes'}`).check();
  }
  const levelInput = sheet.locator(`#m${id}-ket_qua_nghi_quyet-${level}`);
  if (await levelInput.isEnabled()) await levelInput.check();
  return sheet;
}

/** Fills October–December as good meetings (November combined with the thematic one), all complete. */
export async function fillGoodQuarter(page) {
  const facts = { required: 24, repeated: false, minutes: 125, present: 23, withReason: 1, withoutReason: 0, speakers: 14 };
  for (const [id, date] of [[1, '2026-10-05'], [2, '2026-11-06'], [3, '2026-12-04']]) {
    if (id === 2) {
      const sheet = await openMeeting(page, 2);
      await sheet.locator('#m2-kind').selectOption('combined');
    }
    const sheet = await fillMeeting(page, id, { ...facts, date });
    await sheet.getByLabel('Đánh dấu phiếu đã hoàn thành').check();
  }
}

/** In the training workspace: fills the practice quarter's two blank meetings and marks them complete. */
export async function finishTrainingQuarter(page) {
  const facts = { required: 24, repeated: false, minutes: 125, present: 23, withReason: 1, withoutReason: 0, speakers: 14 };
  for (const [id, date] of [[2, '2026-11-06'], [3, '2026-12-04']]) {
    const sheet = await fillMeeting(page, id, { ...facts, date });
    await sheet.getByLabel('Đánh dấu phiếu đã hoàn thành').check();
  }
}
