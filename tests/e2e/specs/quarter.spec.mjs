// A secretary sets up the cell, fills a whole quarter, and finds everything again after a reload.
import { test, expect } from '@playwright/test';
import { openApp, setUpCell, fillMeeting, openMeeting, fillGoodQuarter } from './helpers.mjs';

const people = { required: 24, repeated: false };

test('a secretary fills a full quarter and the scores match hand-computed values, also after a reload', async ({ page }) => {
  await openApp(page);
  // The quarter defaults to the device clock's quarter.
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await expect(page.getByTestId('profile-summary')).toContainText('Chưa đủ thông tin');
  await setUpCell(page);
  await expect(page.getByTestId('profile-summary')).toHaveText('Chi bộ Thôn Đông Hà');
  // Untouched sheets show no score (their not-applicable items alone would read "5 · Kém").
  const summary = page.getByTestId('quarter-summary');
  await expect(page.getByTestId('meeting-summary-score')).toHaveText(['Chưa chấm', 'Chưa chấm', 'Chưa chấm']);
  await expect(summary.getByTestId('quarter-score')).toHaveText('—');
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Chưa xếp loại');
  await expect(summary.getByTestId('summary-row').first()).toContainText('Chưa chấm');

  // October: 95 ≥ 90 min; 22/24 = 91.7% present; 12/22 = 54.5% spoke; everything met → 100, Tốt.
  let m = await fillMeeting(page, 1, { ...people, date: '2026-10-05', minutes: 95, present: 22, withReason: 2, withoutReason: 0, speakers: 12 });
  await expect(m.getByTestId('attendance-pct')).toHaveText('91,6%');
  await expect(m.getByTestId('speakers-pct')).toHaveText('54,5%');
  await expect(m.getByTestId('needed-minutes')).toHaveText('90 phút');
  await expect(m.getByTestId('meeting-total')).toHaveText('100');
  await expect(m.getByTestId('meeting-rating')).toHaveText('Tốt');
  await m.getByLabel('Đánh dấu phiếu đã hoàn thành').check();
  await expect(m.getByTestId('not-held-yet')).toHaveCount(0);
  // With November and December blank the quarter has no score yet (not "35,0 · Kém").
  await expect(summary.getByTestId('quarter-score')).toHaveText('—');
  await expect(summary.getByTestId('quarter-pending')).toContainText('còn 2 phiếu chưa chấm');

  // November: 80 min (−1), one absent without reason (attendance 4 → 1: −3), 8/20 = 40% spoke
  // (−1), minutes incomplete (−1), results 80–90% (−3): 91 points, but Tốt needs full marks on
  // duration, attendance, speakers and minutes → Khá.
  m = await fillMeeting(page, 2, { ...people, date: '2026-11-06', minutes: 80, present: 20, withReason: 3, withoutReason: 1, speakers: 8 }, { no: ['bien_ban'], level: '80_90' });
  await expect(m.getByTestId('meeting-total')).toHaveText('91');
  await expect(m.getByTestId('meeting-rating')).toHaveText('Khá');
  await expect(m.getByTestId('meeting-result')).toContainText('Đủ điểm Tốt nhưng chưa đạt điểm tối đa');
  await expect(m.getByTestId('group-thoi_gian').getByTestId('group-points')).toHaveText('4/5');
  await expect(m.getByTestId('group-du_hop').getByTestId('group-points')).toHaveText('2/5');
  await expect(m.getByTestId('losses')).toContainText('Tỷ lệ đảng viên dự họp: −3');
  await m.getByLabel('Đánh dấu phiếu đã hoàn thành').check();

  // December: 6/24 = 25% spoke (−3), no steering (−4), no earnest criticism (−2), results 70–80% (−6): 85, Khá.
  m = await fillMeeting(page, 3, { ...people, date: '2026-12-04', minutes: 100, present: 24, withReason: 0, withoutReason: 0, speakers: 6 }, { no: ['dinh_huong', 'tu_phe_binh'], level: '70_80' });
  // The device's day is 28 December: a meeting dated the 30th is flagged, not refused.
  await m.getByLabel('Ngày họp').fill('2026-12-30');
  await expect(m.getByTestId('not-held-yet')).toHaveText('Ngày này chưa đến: chỉ chấm và gửi buổi sinh hoạt đã họp.');
  await m.getByLabel('Ngày họp').fill('2026-12-04');
  await expect(m.getByTestId('not-held-yet')).toHaveCount(0);
  await expect(m.getByTestId('meeting-total')).toHaveText('85');
  await expect(m.getByTestId('meeting-rating')).toHaveText('Khá');
  await m.getByLabel('Đánh dấu phiếu đã hoàn thành').check();

  // Without a thematic meeting the quarter average (100 + 91 + 85) / 3 = 92.0 is capped at Khá.
  await expect(summary.getByTestId('quarter-score')).toHaveText('92,0');
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Khá');
  await expect(summary.getByTestId('shortfalls')).toContainText('Quý không có buổi sinh hoạt chuyên đề');

  // Add the thematic meeting in November: the regular-only items leave the sheet (60/60 → 100).
  await page.getByLabel('Loại buổi', { exact: true }).last().selectOption({ label: 'Chuyên đề' });
  await page.locator('#add-month').selectOption('11');
  await page.getByRole('button', { name: 'Thêm buổi' }).click();
  m = await fillMeeting(page, 4, { ...people, date: '2026-11-20', minutes: 90, present: 23, withReason: 1, withoutReason: 0, speakers: 12 });
  await expect(m.getByTestId('item-ket_qua_nghi_quyet').getByTestId('item-points')).toHaveText('không tính');
  await expect(m.getByTestId('meeting-total')).toHaveText('100');
  await m.getByLabel('Đánh dấu phiếu đã hoàn thành').check();

  // The average is ≥ 90, but November and December missed full marks on items Tốt requires
  // (duration, attendance, speakers, minutes): under HD 42 version 2 the quarter stays Khá.
  await expect(summary.getByTestId('quarter-score')).toHaveText('92,0');
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Khá');
  await expect(summary.getByTestId('shortfalls')).not.toContainText('chuyên đề');
  await expect(summary.getByTestId('shortfalls')).toContainText('Buổi sinh hoạt thường kỳ tháng 11 chưa đạt điểm tối đa ở tiêu chí bắt buộc để xếp loại Tốt');
  await expect(summary.getByTestId('shortfalls')).toContainText('Buổi sinh hoạt thường kỳ tháng 12 chưa đạt điểm tối đa');
  await expect(summary.getByTestId('shortfalls')).not.toContainText('tháng 10');
  await expect(summary).toContainText('Đã hoàn thành 4/4 phiếu.');
  await expect(page.getByTestId('progress').first()).toContainText('(100%)');

  await page.getByLabel('Ưu điểm').fill('Sinh hoạt đều đặn, nội dung sát thực tế.');
  await page.getByLabel('Kiến nghị').fill('Đề nghị tập huấn thêm về Sổ tay đảng viên.');

  // Reload: everything is exactly as it was.
  await page.reload();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await expect(page.getByLabel('Tên chi bộ')).toHaveValue('Chi bộ Thôn Đông Hà');
  await expect(page.getByLabel('Số đảng viên chính thức')).toHaveValue('24');
  await expect(page.getByLabel('Ưu điểm')).toHaveValue('Sinh hoạt đều đặn, nội dung sát thực tế.');
  await expect(page.getByLabel('Kiến nghị')).toHaveValue('Đề nghị tập huấn thêm về Sổ tay đảng viên.');
  await expect(summary.getByTestId('quarter-score')).toHaveText('92,0');
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Khá');
  await expect(summary.getByTestId('summary-row')).toHaveCount(4);
  m = await openMeeting(page, 2);
  await expect(m.getByLabel('Thời lượng (phút)')).toHaveValue('80');
  await expect(m.getByLabel('Vắng không lý do')).toHaveValue('1');
  await expect(m.locator('#m2-bien_ban-no')).toBeChecked();
  await expect(m.locator('#m2-ket_qua_nghi_quyet-80_90')).toBeChecked();
  await expect(m.getByLabel('Đánh dấu phiếu đã hoàn thành')).toBeChecked();
  await expect(m.getByTestId('meeting-total')).toHaveText('91');
  if (process.env.SCREENSHOT_DIR) {
    // `make screenshot` refreshes the README's pictures from this real session.
    await m.getByTestId('group-tien_hanh').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/sheet-phone.png` });
    await page.setViewportSize({ width: 1100, height: 900 });
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/quarter-desktop.png` });
  }
});

test('an empty profile field is not marked wrong before the secretary reaches it', async ({ page }) => {
  await openApp(page);
  const name = page.getByLabel('Tên chi bộ');
  await expect(page.getByTestId('profile-summary')).toHaveText('Chưa đủ thông tin — hãy điền trước khi chấm');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(page.locator('#cell-name-msg')).toHaveText('');
  // Leaving it empty marks it; typing clears the mark.
  await name.focus();
  await name.blur();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#cell-name-msg')).toHaveText('Cần nhập tên chi bộ');
  await name.fill('Chi bộ Thôn Đông Hà');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  // A wrong stored value is marked at once after a reload.
  await page.getByLabel('Số đảng viên chính thức').fill('abc');
  await page.reload();
  await expect(page.getByLabel('Số đảng viên chính thức')).toHaveAttribute('aria-invalid', 'true');
});

test('inconsistent numbers get a message next to the field and block completion, but are kept as typed', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  const m = await fillMeeting(page, 1, { ...people, date: '2026-10-05', minutes: 95, present: 22, withReason: 2, withoutReason: 0, speakers: 12 });
  const complete = m.getByLabel('Đánh dấu phiếu đã hoàn thành');
  await expect(complete).toBeEnabled();

  // 24 official + 2 probationary − 2 exempt = 24 by the profile: 27 is flagged, not refused.
  await expect(m.getByTestId('required-mismatch')).toHaveCount(0);
  await m.getByLabel('Số đảng viên phải dự').fill('27');
  await expect(m.getByTestId('required-mismatch')).toContainText('số phải dự là 24');
  await m.getByLabel('Số đảng viên phải dự').fill('24');
  await expect(m.getByTestId('required-mismatch')).toHaveCount(0);

  await m.getByLabel('Có mặt').fill('30');
  await expect(m.locator('#m1-present-msg')).toHaveText('Có mặt + vắng có lý do + vắng không lý do = 32, phải bằng số phải dự (24)');
  await expect(m.locator('#m1-speakers-msg')).toHaveText('Số người, không phải số ý kiến: mỗi đảng viên tính một lần.');
  await expect(complete).toBeDisabled();

  await m.getByLabel('Số đảng viên phát biểu').fill('31');
  await expect(m.locator('#m1-speakers-msg')).toHaveText('Số đảng viên phát biểu (31) không thể lớn hơn số có mặt (30)');

  await m.getByLabel('Vắng có lý do').fill('-2');
  await expect(m.locator('#m1-absent_with_reason-msg')).toHaveText('Không được là số âm');

  await m.getByLabel('Ngày họp').fill('2026-12-01');
  await expect(m.locator('.field.invalid').first()).toBeVisible();
  await expect(m).toContainText('Ngày họp phải thuộc tháng 10/2026');

  // The draft keeps exactly what was typed, even the wrong values.
  await page.reload();
  const again = await openMeeting(page, 1);
  await expect(again.getByLabel('Vắng có lý do')).toHaveValue('-2');
  await expect(again.getByLabel('Có mặt')).toHaveValue('30');
  await expect(again.locator('#m1-absent_with_reason-msg')).toHaveText('Không được là số âm');
  await expect(again.getByLabel('Đánh dấu phiếu đã hoàn thành')).toBeDisabled();
});

test('a month without a regular meeting is shown as a shortfall and caps the quarter', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  const sheet = await openMeeting(page, 2);
  await sheet.getByRole('button', { name: 'Xoá buổi này' }).click();
  await sheet.getByRole('button', { name: 'Xoá hẳn' }).click();
  await expect(page.getByTestId('meeting-2')).toHaveCount(0);
  await expect(page.getByTestId('shortfalls')).toContainText('Tháng 11 không có buổi sinh hoạt thường kỳ');
  await fillMeeting(page, 1, { ...people, date: '2026-10-05', minutes: 95, present: 22, withReason: 2, withoutReason: 0, speakers: 12 });
  await fillMeeting(page, 3, { ...people, date: '2026-12-05', minutes: 95, present: 22, withReason: 2, withoutReason: 0, speakers: 12 });
  await expect(page.getByTestId('quarter-score')).toHaveText('100,0');
  await expect(page.getByTestId('quarter-rating')).toHaveText('Khá');
});

test('saved quarters can be reopened and deleted after a confirmation', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  await page.getByLabel('Quý', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Bắt đầu quý này' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 3/2026');
  const list = page.getByTestId('saved-quarters');
  await expect(list.locator('li')).toHaveCount(2);
  await expect(list.locator('li').first()).toContainText('Quý 4/2026');
  // The open quarter is marked, not offered again.
  await expect(list.locator('li', { hasText: 'Quý 3/2026' })).toContainText('đang mở');
  await expect(list.locator('li', { hasText: 'Quý 3/2026' }).getByRole('button', { name: 'Mở' })).toHaveCount(0);

  await list.locator('li', { hasText: 'Quý 4/2026' }).getByRole('button', { name: 'Mở' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');

  const q3 = list.locator('li', { hasText: 'Quý 3/2026' });
  await q3.getByRole('button', { name: 'Xoá' }).click();
  await q3.getByRole('button', { name: 'Huỷ' }).click();
  await expect(list.locator('li')).toHaveCount(2);
  await q3.getByRole('button', { name: 'Xoá' }).click();
  await expect(q3).toContainText('Không thể hoàn tác');
  await q3.getByRole('button', { name: 'Xoá hẳn' }).click();
  await expect(list.locator('li')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('saved-quarters').locator('li')).toHaveCount(1);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarter/')));
  expect(keys).toEqual(['chibo/v1/quarter/2026-Q4']);
});

test('a new quarter is offered the guidance in force then, and only the newest version of each', async ({ page }) => {
  await openApp(page);
  const rubric = page.getByLabel('Bộ tiêu chí (cho quý mới)');
  await page.getByLabel('Năm', { exact: true }).selectOption('2026');
  await page.getByLabel('Quý', { exact: true }).selectOption('3');
  await expect(rubric.locator('option')).toHaveText(['hd42-2025 (phiên bản 2)', 'hd12-2018 (phiên bản 2)']);
  await expect(rubric).toHaveValue(await rubric.locator('option').first().getAttribute('value'));
  // HD 42 was issued on 28 October 2025: a quarter that ended before starts with HD 12.
  await page.getByLabel('Năm', { exact: true }).selectOption('2025');
  await expect(rubric).toHaveValue(await rubric.locator('option').nth(1).getAttribute('value'));
  await page.getByRole('button', { name: 'Bắt đầu quý này' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 3/2025');
  await expect(page.locator('.rubric-name')).toContainText('12-HD/BTCTW');
  await page.getByLabel('Quý', { exact: true }).selectOption('4');
  await expect(rubric).toHaveValue(await rubric.locator('option').first().getAttribute('value'));
});

test('a quarter started with version 1 of the rubric is offered version 2: the change is shown, confirmed, and every answer kept', async ({ page }) => {
  await openApp(page);
  await setUpCell(page);
  await fillGoodQuarter(page);
  // October's minutes incomplete: 99 points, but Tốt needs full marks on the minutes.
  const october = await openMeeting(page, 1);
  await october.locator('#m1-bien_ban-no').check();
  await expect(october.getByTestId('meeting-total')).toHaveText('99');
  const summary = page.getByTestId('quarter-summary');
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Khá');
  await expect(page.getByTestId('rubric-upgrade')).toHaveCount(0);
  // As an earlier version of the app started it: the quarter names version 1 of HD 42, which
  // rates the quarter by its average alone.
  await page.evaluate(() => {
    const key = 'chibo/v1/quarter/2026-Q4';
    const stored = JSON.parse(localStorage.getItem(key));
    stored.data.rubric = { id: 'hd42-2025', version: 1, sha256: '5a9da39eb5a575915abd5631f0013df67cf24508a7657dd37eb6c1d4ff6ccd5f' };
    localStorage.setItem(key, JSON.stringify(stored));
  });
  await page.reload();
  await expect(summary.getByTestId('quarter-score')).toHaveText('99,7');
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Tốt');
  const offer = page.getByTestId('rubric-upgrade');
  await expect(offer).toContainText('Bộ tiêu chí này đã có phiên bản 2; quý này đang chấm theo phiên bản 1.');
  await expect(page.locator('.quarter .muted.small').first()).toContainText('phiên bản 1');

  // The first click only shows what the move changes; cancelling leaves everything as it was.
  await offer.getByRole('button', { name: 'Chuyển quý này sang phiên bản 2' }).click();
  await expect(offer.getByTestId('rubric-upgrade-preview')).toHaveText('Kết quả quý: 99,7 · Tốt → 99,7 · Khá');
  await expect(offer.getByRole('button', { name: 'Xác nhận chuyển' })).toBeFocused();
  await offer.getByRole('button', { name: 'Huỷ' }).click();
  await expect(offer.getByTestId('rubric-upgrade-preview')).toHaveCount(0);
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Tốt');

  await offer.getByRole('button', { name: 'Chuyển quý này sang phiên bản 2' }).click();
  await offer.getByRole('button', { name: 'Xác nhận chuyển' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('quarter-title')).toBeFocused();
  await expect(page.locator('.quarter .muted.small').first()).toContainText('phiên bản 2');
  await expect(summary.getByTestId('quarter-rating')).toHaveText('Khá');
  await expect(summary.getByTestId('shortfalls')).toContainText('tháng 10');
  const m = await openMeeting(page, 1);
  await expect(m.getByTestId('meeting-total')).toHaveText('99');
  await expect(m.locator('#m1-bien_ban-no')).toBeChecked();
  await page.reload();
  await expect(page.getByTestId('rubric-upgrade')).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('chibo/v1/quarter/2026-Q4')));
  expect(stored.data.rubric).toEqual({ id: 'hd42-2025', version: 2, sha256: '57966a78f9f558b08881ea88a72bf6313c4fed17df315f007d1baca92e10cdeb' });
});
