// The UI in English: a switch in the header, kept on the device across reloads; the rubric's own
// texts stay in its language (Vietnamese), and switching back restores the Vietnamese UI.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openApp, setUpCell, openMeeting } from './helpers.mjs';

test('the UI switches to English, stays English after a reload, and switches back', async ({ page }) => {
  await openApp(page);
  // Vietnamese by default.
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tự đánh giá chất lượng sinh hoạt chi bộ');
  const toEnglish = page.getByRole('button', { name: 'English' });
  await expect(toEnglish.locator('[lang="en"]')).toHaveText('English');
  await setUpCell(page);
  const sheet = await openMeeting(page, 1);
  await sheet.getByLabel('Ngày họp').fill('2026-10-05');
  await sheet.getByLabel('Thời lượng (phút)').fill('95');

  await toEnglish.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Party cell meeting self-assessment');

  // Header.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Self-assessment of party cell meeting quality');
  const nav = page.getByRole('navigation', { name: 'Pages' });
  await expect(nav.getByRole('link', { name: 'Cell self-assessment' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'District' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Guide' })).toBeVisible();
  const toVietnamese = nav.getByRole('button', { name: 'Tiếng Việt' });
  await expect(toVietnamese.locator('[lang="vi"]')).toHaveText('Tiếng Việt');

  // The profile form, with what was typed kept.
  await expect(page.getByLabel('Cell name')).toHaveValue('Chi bộ Thôn Đông Hà');
  await expect(page.getByLabel('Cell type')).toHaveValue('thon_to_dan_pho');
  await expect(page.getByLabel('Cell type').locator('option:checked')).toHaveText('Village, residential group');
  await expect(page.getByLabel('Full members')).toHaveValue('24');
  await expect(page.getByLabel('Members exempt from meetings')).toBeVisible();
  await expect(page.getByLabel('Tên chi bộ')).toHaveCount(0);

  // A meeting sheet: its facts in English, the rubric's item and group titles still Vietnamese.
  await expect(sheet.locator('summary .meeting-title')).toHaveText('Month 10 · Regular');
  await expect(sheet.getByLabel('Meeting date')).toHaveValue('2026-10-05');
  await expect(sheet.getByLabel('Duration (minutes)')).toHaveValue('95');
  await expect(sheet.getByLabel('Members required to attend')).toBeVisible();
  await expect(sheet.getByLabel('Present', { exact: true })).toBeVisible();
  await expect(sheet.getByLabel('Absent with a reason')).toBeVisible();
  await expect(sheet.getByLabel('Members who spoke')).toBeVisible();
  await expect(sheet.getByTestId('needed-minutes')).toHaveText('90 minutes');
  await expect(sheet.getByText('Has any member been absent with a reason more than 3 times in a row this year?')).toBeVisible();
  const item = sheet.getByTestId('item-trinh_tu');
  await expect(item.locator('.item-title')).toHaveText('Thực hiện đủ các bước theo trình tự');
  await expect(item.locator('.item-title')).toHaveAttribute('lang', 'vi');
  await expect(item.getByLabel('Met', { exact: true })).toBeVisible();
  await expect(item.getByLabel('Not met')).toBeVisible();
  await expect(sheet.getByTestId('group-tien_hanh')).toContainText('4. Tiến hành sinh hoạt');
  await expect(sheet.getByTestId('meeting-result')).toContainText('Total: ');
  await expect(sheet.getByLabel('Mark the sheet as complete')).toBeDisabled();

  // The quarter summary.
  const summary = page.getByTestId('quarter-summary');
  await expect(summary.getByRole('heading', { name: 'Quarter result' })).toBeVisible();
  await expect(summary.getByRole('columnheader', { name: 'Meeting type' })).toBeVisible();
  await expect(summary.getByTestId('summary-row').first()).toContainText('Regular');
  await expect(summary.getByTestId('summary-row').first()).toContainText('Draft');
  await expect(summary).toContainText('Quarter score: ');
  await expect(summary.getByTestId('shortfalls')).toHaveText('The quarter has no thematic meeting');
  await expect(page.getByTestId('quarter-title')).toHaveText('Self-assessment, quarter 4/2026');

  // The export box.
  const exportBox = page.getByRole('region', { name: 'Export the signed result' });
  await expect(exportBox).toContainText('The first export creates the cell\'s signing key on this device.');
  await expect(exportBox.getByRole('button', { name: 'Export result file' })).toBeDisabled();
  await expect(exportBox.getByRole('button', { name: 'Print report (A4)' })).toBeVisible();

  // The district page.
  await nav.getByRole('link', { name: 'District' }).click();
  await expect(page.getByRole('heading', { name: 'Receive result files' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quarter summary' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cell key registry' })).toBeVisible();
  await expect(page.getByLabel('Search the registry (cell name or fingerprint)')).toBeVisible();
  await expect(page.getByTestId('table-summary')).toHaveText('0 cells sent a valid file, 0 cells have not sent one.');
  await expect(page.getByRole('columnheader', { name: 'District rating' })).toBeVisible();
  await expect(page.getByLabel('Rating', { exact: true }).locator('option').nth(1)).toHaveText('Good');

  // Reload: still English (and still the district page).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Receive result files' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await nav.getByRole('link', { name: 'Cell self-assessment' }).click();
  await expect(page.getByLabel('Cell name')).toHaveValue('Chi bộ Thôn Đông Hà');

  // Back to Vietnamese, exactly as before, also after a reload.
  await toVietnamese.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page).toHaveTitle('Tự đánh giá sinh hoạt chi bộ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tự đánh giá chất lượng sinh hoạt chi bộ');
  await expect(page.getByLabel('Tên chi bộ')).toHaveValue('Chi bộ Thôn Đông Hà');
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await expect(summary.getByTestId('shortfalls')).toHaveText('Quý không có buổi sinh hoạt chuyên đề');
  await page.reload();
  await expect(page.getByTestId('quarter-title')).toHaveText('Tự đánh giá quý 4/2026');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
});

test('the language is a device preference shared with the training workspace', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('enter-training').click();
  await expect(page.getByTestId('training-mark')).toContainText('TRAINING');
  await expect(page.getByRole('button', { name: 'Leave training' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Leave training' }).click();
  await expect(page.getByTestId('quarter-title')).toHaveText('Self-assessment, quarter 4/2026');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('chibo/v1/language')));
  expect(stored.data).toBe('en');
});

test('messages made by the app follow the language: a field, the export blocker, stored data, a received file', async ({ page }) => {
  const OUT = '../../target/e2e-downloads';
  mkdirSync(OUT, { recursive: true });
  await openApp(page);
  await setUpCell(page);
  const nav = page.getByRole('navigation', { name: 'Chuyển trang' });
  await page.getByRole('button', { name: 'English' }).click();

  // The export blocker.
  await expect(page.getByTestId('export-blocker')).toHaveText('Cannot export yet: 3 sheets are not marked complete yet.');

  // Inconsistent facts: the message next to the field.
  const sheet = await openMeeting(page, 1);
  await sheet.getByLabel('Members required to attend').fill('20');
  await sheet.getByLabel('Present', { exact: true }).fill('25');
  await expect(sheet.locator('#m1-present-msg')).toHaveText('Present (25) cannot be more than the members required to attend (20)');
  await sheet.getByLabel('Absent with a reason').fill('-2');
  await expect(sheet.locator('#m1-absent_with_reason-msg')).toHaveText('Must not be negative');
  await sheet.getByLabel('Absent with a reason').fill('2');
  await sheet.getByLabel('Absent without a reason').fill('0');
  await expect(sheet.locator('#m1-present-msg')).toHaveText(
    'Present + absent with a reason + absent without a reason = 27, it must equal the members required to attend (20)');
  // The same message in Vietnamese after a switch, as it always was; then English again.
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(sheet.locator('#m1-present-msg')).toHaveText('Có mặt + vắng có lý do + vắng không lý do = 27, phải bằng số phải dự (20)');
  await expect(page.getByTestId('export-blocker')).toHaveText('Chưa xuất được: Còn 3 phiếu chưa đánh dấu hoàn thành.');
  await nav.getByRole('button', { name: 'English' }).click();
  await expect(sheet.locator('#m1-present-msg')).toHaveText(/^Present \+ absent with a reason/);

  // The profile: a missing name, and the blocker that follows.
  await page.getByLabel('Cell name').fill('');
  await expect(page.locator('#cell-name-msg')).toHaveText("Enter the cell's name");
  await expect(page.getByTestId('export-blocker')).toHaveText('Cannot export yet: The cell profile is incomplete (name, member counts).');

  // A file that is not JSON, received by the district: its reason is English.
  writeFileSync(`${OUT}/language-not-json.json`, 'this is a meeting note, not a result file');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'District' }).click();
  await page.getByLabel('Choose files (several allowed)').setInputFiles(`${OUT}/language-not-json.json`);
  await expect(page.getByTestId('district-message')).toHaveText(/^Received 1 file\(s\) in \d+\.\d seconds\.$/);
  const row = page.getByTestId('file-row').filter({ hasText: 'language-not-json.json' });
  await expect(row.locator('td').nth(1)).toHaveText('unreadable');
  await expect(row.locator('td').nth(2)).toHaveText('Unreadable: not valid JSON');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(row.locator('td').nth(2)).toHaveText('Không đọc được: không phải JSON hợp lệ');
  await nav.getByRole('button', { name: 'English' }).click();
  await expect(row.locator('td').nth(2)).toHaveText('Unreadable: not valid JSON');

  // Stored data that cannot be read: the notice is English, and stays so after a reload.
  await page.evaluate(() => localStorage.setItem('chibo/v1/district/registry', 'not json at all'));
  await page.reload();
  const notice = page.getByTestId('storage-notice');
  await expect(notice.getByRole('heading')).toHaveText('Some stored data could not be read');
  await expect(notice.locator('li')).toHaveText(
    /^The saved data «chibo\/v1\/district\/registry» could not be read \(the data is not JSON \(it may be damaged\)\)\. The original was kept under the key «chibo\/backup\/[^»]+»; the app starts with empty data for this part\.$/);
  await expect(row.locator('td').nth(2)).toHaveText('Unreadable: not valid JSON');
});
