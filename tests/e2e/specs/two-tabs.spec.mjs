// Two tabs on the same quarter never silently overwrite each other: each sees the other's
// changes at once (storage events), so an edit always applies on top of the latest data.
import { test, expect } from '@playwright/test';
import { openApp, setUpCell, openMeeting } from './helpers.mjs';

test('edits in one tab appear in the other, and neither tab overwrites the other', async ({ page: a, context }) => {
  await openApp(a);
  await setUpCell(a);
  const b = await context.newPage();
  await openApp(b);
  await expect(b.getByLabel('Tên chi bộ')).toHaveValue('Chi bộ Thôn Đông Hà');

  await (await openMeeting(a, 1)).getByLabel('Thời lượng (phút)').fill('95');
  const sheetB = await openMeeting(b, 1);
  await expect(sheetB.getByLabel('Thời lượng (phút)')).toHaveValue('95');
  await expect(b.getByTestId('sync-notice')).toBeVisible();

  await sheetB.getByLabel('Có mặt').fill('20');
  await b.getByLabel('Kiến nghị').fill('Từ thẻ thứ hai.');
  const sheetA = await openMeeting(a, 1);
  await expect(sheetA.getByLabel('Có mặt')).toHaveValue('20');
  await expect(a.getByLabel('Kiến nghị')).toHaveValue('Từ thẻ thứ hai.');

  // A's next edit keeps B's changes.
  await sheetA.getByLabel('Số đảng viên phát biểu').fill('12');
  for (const p of [a, b]) {
    await p.reload();
    const s = await openMeeting(p, 1);
    await expect(s.getByLabel('Thời lượng (phút)')).toHaveValue('95');
    await expect(s.getByLabel('Có mặt')).toHaveValue('20');
    await expect(s.getByLabel('Số đảng viên phát biểu')).toHaveValue('12');
    await expect(p.getByLabel('Kiến nghị')).toHaveValue('Từ thẻ thứ hai.');
  }
});

test('a value written by a newer version in another tab is neither moved nor overwritten here', async ({ page: a, context }) => {
  await openApp(a);
  await setUpCell(a);
  await (await openMeeting(a, 1)).getByLabel('Thời lượng (phút)').fill('95');
  const b = await context.newPage();
  await openApp(b);
  const key = 'chibo/v1/quarter/2026-Q4';
  const future = JSON.stringify({ format: 'chibo-store', schema: 9, data: { quarter: '2026-Q4', meetings: [] } });
  // The other tab runs a newer version, which writes the quarter in its own format.
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [key, future]);
  await expect(a.getByTestId('storage-notice')).toContainText('phiên bản mới hơn');
  expect(await a.evaluate((k) => localStorage.getItem(k), key)).toBe(future);
  // This tab's next edit of that quarter is refused, not written over the newer data.
  await (await openMeeting(a, 1)).getByLabel('Có mặt').fill('20');
  await expect(a.getByTestId('save-error')).toBeVisible();
  expect(await a.evaluate((k) => localStorage.getItem(k), key)).toBe(future);
  expect(await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('chibo/backup/')))).toEqual([]);
  // The newer tab writes again (at each keystroke): one notice, not one per write.
  await b.evaluate(([k, v]) => localStorage.setItem(k, v.replace('"meetings":[]', '"meetings":[],"x":1')), [key, future]);
  // The count was already 1 before that write: it says something only once this tab has taken
  // the write's storage event. The events of one tab's writes come in the order written, so a
  // later change from B that shows here (the cell's name) proves the quarter's came first.
  await b.getByRole('heading', { name: 'Thông tin chi bộ', exact: true }).click(); // folded: the profile is complete
  await b.getByLabel('Tên chi bộ').fill('Chi bộ Thôn Tây Hà');
  await expect(a.getByTestId('profile-summary')).toHaveText('Chi bộ Thôn Tây Hà');
  await expect(a.getByTestId('storage-notice').locator('li')).toHaveCount(1);
  // Nothing here can make that value good, so nothing waits for it: a drafts backup is saved.
  const saved = a.waitForEvent('download');
  await a.getByRole('button', { name: 'Lưu tệp sao lưu dữ liệu' }).click();
  await saved;
});
