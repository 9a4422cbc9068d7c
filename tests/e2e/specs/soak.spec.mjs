// Reliability soak: random edits of facts, answers and narrative, with reloads and closed tabs
// at random moments; after each reopen every acknowledged change must be on screen.
// SOAK_CYCLES cycles (300 in `make test`, 1,000 in `make bench`); SOAK_SEED for a replay.
import { test, expect } from '@playwright/test';
import { openApp, setUpCell, openMeeting } from './helpers.mjs';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 300);
const FACTS = ['Thời lượng (phút)', 'Số đảng viên phải dự', 'Có mặt', 'Vắng có lý do', 'Vắng không lý do', 'Số đảng viên phát biểu'];
const NARRATIVE = ['Ưu điểm', 'Hạn chế', 'Nguyên nhân', 'Kiến nghị'];

test.setTimeout(CYCLES * 2_000 + 60_000);

test(`soak: ${CYCLES} random edit / reload / close cycles lose nothing`, async ({ page: first, context }) => {
  let seed = Number(process.env.SOAK_SEED ?? 20261123);
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  let page = first;
  await openApp(page);
  await setUpCell(page);
  // The toggle items of a sheet (ids like m1-bien_ban-yes), read once from the page.
  const sheet1 = await openMeeting(page, 1);
  const toggles = await sheet1.locator('[data-testid^="item-"] input[id$="-yes"]:not([disabled])').evaluateAll(
    (els) => els.map((e) => e.id.replace(/^m1-/, '').replace(/-yes$/, '')));
  expect(toggles.length).toBeGreaterThan(10);

  const expected = new Map(); // key -> { kind, meeting, label|item, value }
  let reloads = 0; let closes = 0; let checks = 0;
  const verify = async () => {
    for (const [key, e] of expected) {
      if (e.kind === 'narrative') {
        await expect(page.getByLabel(e.label), key).toHaveValue(e.value);
      } else {
        const sheet = await openMeeting(page, e.meeting);
        if (e.kind === 'fact') await expect(sheet.getByLabel(e.label, { exact: true }), key).toHaveValue(e.value);
        else await expect(sheet.locator(`#m${e.meeting}-${e.item}-${e.value}`), key).toBeChecked();
      }
      checks += 1;
    }
  };

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const op = rand(10);
    const meeting = 1 + rand(3);
    if (op < 5) {
      const label = FACTS[rand(FACTS.length)];
      const value = String(rand(200));
      const sheet = await openMeeting(page, meeting);
      await sheet.getByLabel(label, { exact: true }).fill(value);
      expected.set(`fact ${meeting} ${label}`, { kind: 'fact', meeting, label, value });
    } else if (op < 8) {
      const item = toggles[rand(toggles.length)];
      const value = rand(2) ? 'yes' : 'no';
      const sheet = await openMeeting(page, meeting);
      await sheet.locator(`#m${meeting}-${item}-${value}`).check();
      expected.set(`answer ${meeting} ${item}`, { kind: 'answer', meeting, item, value });
    } else {
      const label = NARRATIVE[rand(NARRATIVE.length)];
      const value = `Lần ${cycle}: ${'đảng viên phát biểu '.repeat(rand(5))}`.trim();
      await page.getByLabel(label).fill(value);
      expected.set(`narrative ${label}`, { kind: 'narrative', label, value });
    }
    const fate = rand(100);
    if (fate < 15) {
      // Reload at once, right after the change was acknowledged.
      await page.reload();
      await expect(page.getByTestId('quarter-title')).toBeVisible();
      reloads += 1;
      await verify();
    } else if (fate < 20) {
      // Close the tab and open the app again in a new one.
      await page.close();
      page = await context.newPage();
      await openApp(page);
      closes += 1;
      await verify();
    }
  }
  await page.reload();
  await expect(page.getByTestId('quarter-title')).toBeVisible();
  await verify();
  console.log(`SOAK ${CYCLES} cycles: ${reloads} reloads, ${closes} closed tabs, ${checks} values checked after reopening, 0 lost`);
});
