// District staff load a registry, import ~50 generated files including bad ones, check every
// status and the totals on screen, register a new key, review a cell and download the CSV.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const CHIBO = process.env.CHIBO_BIN ?? '../../target/debug/chibo';
const ROOT = '../../target/e2e-district';

/** Sample files written by the CLI into `dir`, emptied first: files of an earlier run (whose
 * sample data may differ) would otherwise be counted too. */
function sample(dir, args) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(CHIBO, ['sample', '--quarter', '2026-Q4', '--out', dir, ...args]);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => `${dir}/${f}`);
}

/** `count` real sample files in a fresh `${ROOT}-${name}` folder, in name order. */
function freshSample(name, count, seed) {
  return sample(`${ROOT}-${name}`, ['--count', String(count), '--seed', String(seed), '--real']);
}

/** Serves `body` as the import's worker script; `served.count` says how often it was fetched. */
async function fakeWorker(page, body) {
  const served = { count: 0 };
  await page.context().route('**/public/verify-worker.js', (route) => {
    served.count += 1;
    return route.fulfill({ contentType: 'text/javascript', body });
  });
  return served;
}

/** Chooses `files` for import and waits for the import's message. */
async function importFiles(page, files) {
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(files);
  await expect(page.getByTestId('district-message')).toHaveText(new RegExp(`^Đã nhận ${files.length} tệp`), { timeout: 60_000 });
}

/** Each of `files` shows as a valid file of an unregistered key; the first `shown` rows in the order chosen. */
async function expectAllUnregistered(page, files, shown) {
  await expect(page.getByTestId('status-counts')).toContainText(`Tất cả: ${files.length}`);
  await expect(page.getByTestId('status-counts')).toContainText(`khóa chưa đăng ký: ${files.length}`);
  const names = await page.locator('[data-testid="file-row"] td.file-name').allTextContents();
  expect(names.slice(0, shown)).toEqual(files.slice(0, shown).map((f) => f.split('/').pop()));
}

/** Builds the 50 files and the registry; returns what the screen must show. */
function corpus() {
  rmSync(ROOT, { recursive: true, force: true });
  const inbox = `${ROOT}/inbox`;
  mkdirSync(inbox, { recursive: true });
  const real = sample(`${ROOT}/real`, ['--count', '40', '--seed', '100', '--real']);
  for (const f of real) copyFileSync(f, `${inbox}/${f.split('/').pop()}`);
  const newer = sample(`${ROOT}/newer`, ['--count', '1', '--seed', '100', '--real', '--now', '2026-12-30T08:00:00Z']);
  copyFileSync(newer[0], `${inbox}/moi-hon.json`);
  const stranger = sample(`${ROOT}/stranger`, ['--count', '3', '--seed', '200', '--real']);
  stranger.forEach((f, i) => copyFileSync(f, `${inbox}/la-${i}.json`));
  const training = sample(`${ROOT}/training`, ['--count', '2', '--seed', '300']);
  training.forEach((f, i) => copyFileSync(f, `${inbox}/tap-huan-${i}.json`));
  copyFileSync(real[1], `${inbox}/ban-sao.json`);
  writeFileSync(`${inbox}/bi-sua.json`, readFileSync(real[5], 'utf8').replace(/"speakers": (\d+)/, (_, n) => `"speakers": ${Number(n) + 1}`));
  writeFileSync(`${inbox}/ghi-chu.json`, 'không phải JSON');
  const whole = readFileSync(real[6], 'utf8');
  writeFileSync(`${inbox}/cat-do.json`, whole.slice(0, whole.length / 2));
  // The registry names cell 4 differently: its file is then "khóa không khớp chi bộ".
  const lines = readFileSync(`${ROOT}/real/registry.csv`, 'utf8').trim().split('\n');
  lines[4] = lines[4].replace(/^"[^"]*"/, '"Chi bộ đổi tên"');
  writeFileSync(`${ROOT}/registry.csv`, lines.join('\n') + '\n');
  const files = readdirSync(inbox).sort().map((f) => `${inbox}/${f}`);
  return { files, strangerName: JSON.parse(readFileSync(stranger[0], 'utf8')).credentialSubject.cell.name };
}

test('a district imports a registry and 50 files and sees every status, the totals and the CSV', async ({ page }) => {
  const { files, strangerName } = corpus();
  expect(files).toHaveLength(50);
  await page.clock.setFixedTime(new Date('2027-01-05T09:00:00+07:00'));
  await page.goto('/');
  await page.getByRole('link', { name: 'Cấp trên tổng hợp' }).click();
  await expect(page).toHaveURL(/district\.html$/);

  await page.getByLabel('Nhập danh bạ (CSV hoặc JSON)').setInputFiles(`${ROOT}/registry.csv`);
  await expect(page.getByTestId('registry-count')).toHaveText('40 khóa trong danh bạ.');

  await page.getByLabel('Năm').fill('2026');
  await page.getByLabel('Năm').dispatchEvent('change');
  await page.getByLabel('Quý', { exact: true }).selectOption('4');
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(files);
  await expect(page.getByTestId('district-message')).toHaveText(/^Đã nhận 50 tệp trong \d+,\d giây\.$/);

  const chip = (label) => page.getByTestId('status-counts').getByRole('button', { name: new RegExp(`^${label}: \\d+$`) });
  const expected = {
    'hợp lệ': 39, 'bị thay thế': 1, 'khóa không khớp chi bộ': 1, 'chữ ký không hợp lệ': 1,
    'khóa chưa đăng ký': 3, 'dữ liệu tập huấn': 2, 'trùng lặp': 1, 'không đọc được': 2,
  };
  for (const [label, n] of Object.entries(expected)) await expect(chip(label)).toHaveText(`${label}: ${n}`);
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 50');
  const row = (file) => page.getByTestId('file-row').filter({ has: page.locator('td.file-name', { hasText: file }) });
  await expect(row('bi-sua.json')).toHaveAttribute('data-status', 'bad_signature');
  await expect(row('ghi-chu.json')).toHaveAttribute('data-status', 'unreadable');
  await expect(row('ban-sao.json')).toHaveAttribute('data-status', 'duplicate');
  await expect(row('moi-hon.json')).toHaveAttribute('data-status', 'valid');
  await expect(row('0001_')).toHaveAttribute('data-status', 'superseded');
  await expect(row('0001_')).toContainText('moi-hon.json');
  await expect(row('0004_')).toHaveAttribute('data-status', 'key_cell_mismatch');

  // The table and its totals match the command-line aggregate of the same files.
  const cli = JSON.parse(execFileSync(CHIBO, ['aggregate', `${ROOT}/inbox`, '--registry', `${ROOT}/registry.csv`, '--quarter', '2026-Q4', '--json'], { encoding: 'utf8' }));
  expect(cli.rows).toHaveLength(39);
  await expect(page.getByTestId('table-summary')).toHaveText('39 chi bộ đã nộp hợp lệ, 1 chi bộ chưa nộp.');
  await expect(page.getByTestId('district-row')).toHaveCount(39);
  await expect(page.getByTestId('missing-cells')).toHaveText('Chi bộ đổi tên');
  const first = cli.rows.slice().sort((a, b) => a.cell.toLowerCase().localeCompare(b.cell.toLowerCase()))[0];
  const firstRow = page.getByTestId('district-row').filter({ hasText: first.cell });
  await expect(firstRow).toContainText((first.averageTenths / 10).toFixed(1).replace('.', ','));
  // One bar per rating, each its label then its count, matched whole: «Tốt1» is not «Tốt12».
  const dist = cli.distribution;
  await expect(page.getByTestId('rating-chart').locator('svg g')).toHaveText([`Tốt${dist.tot}`, `Khá${dist.kha}`, `Trung bình${dist.trung_binh}`, `Kém${dist.kem}`]);
  await page.getByLabel('Xếp loại', { exact: true }).selectOption('tot');
  await expect(page.getByTestId('district-row')).toHaveCount(cli.distribution.tot);
  await page.getByLabel('Xếp loại', { exact: true }).selectOption('');

  // Register the key of an unknown cell after checking its fingerprint.
  await row('la-0.json').getByRole('button', { name: 'Đăng ký khóa…' }).click();
  const fp = JSON.parse(execFileSync(CHIBO, ['verify', '--json', `${ROOT}/inbox/la-0.json`], { encoding: 'utf8' })).fingerprint;
  await expect(page.getByTestId('confirm-fingerprint')).toHaveText(fp);
  await expect(page.getByTestId('confirm-key')).toContainText(strangerName);
  await page.getByTestId('confirm-key').getByLabel('Hiệu lực từ ngày').fill('2026-01-01');
  await page.getByRole('button', { name: 'Xác nhận đăng ký' }).click();
  await expect(chip('hợp lệ')).toHaveText('hợp lệ: 40');
  await expect(page.getByTestId('registry-count')).toHaveText('41 khóa trong danh bạ.');

  // The district's own rating and note, kept beside the signed result.
  const reviewed = page.getByTestId('district-row').filter({ hasText: strangerName });
  await reviewed.getByLabel(`Cấp trên xếp loại ${strangerName}`).selectOption('trung_binh');
  await reviewed.getByLabel(`Nhận xét của cấp trên về ${strangerName}`).fill('Cần kiểm tra lại biên bản');
  await reviewed.getByLabel(`Nhận xét của cấp trên về ${strangerName}`).dispatchEvent('change');

  await reviewed.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByTestId('result-detail')).toContainText(`${strangerName} — quý 4/2026`);
  await expect(page.getByTestId('result-detail')).toContainText('Ưu điểm');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất bảng CSV (Excel)' }).click();
  const csvPath = `${ROOT}/tong-hop.csv`;
  await (await download).saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Chi bộ,Loại hình,Đảng bộ cấp trên,Quý,Số buổi,Điểm bình quân,Tự xếp loại,Thiếu sót,Cấp trên xếp loại,Nhận xét của cấp trên,Dấu vân tay khóa,Tệp');
  expect(lines).toHaveLength(1 + 40 + 1);
  expect(lines.find((l) => l.startsWith(strangerName))).toContain('Trung bình,Cần kiểm tra lại biên bản');
  expect(lines[lines.length - 1]).toContain('Chi bộ đổi tên');

  if (process.env.SCREENSHOT_DIR) {
    await page.getByTestId('result-detail').getByRole('button', { name: 'Đóng' }).click();
    await page.setViewportSize({ width: 1100, height: 1000 });
    await page.getByTestId('table-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/district-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
  }

  // Everything is still there after a reload (IndexedDB + localStorage).
  await page.reload();
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 50');
  await expect(chip('hợp lệ')).toHaveText('hợp lệ: 40');
  await expect(page.getByTestId('district-row').filter({ hasText: strangerName }).getByLabel(`Cấp trên xếp loại ${strangerName}`)).toHaveValue('trung_binh');

  // Clearing the quarter asks first.
  await page.getByRole('button', { name: 'Xoá dữ liệu quý này…' }).click();
  await page.getByRole('button', { name: 'Xoá hẳn' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 0');
  await expect(page.getByTestId('table-summary')).toHaveText('0 chi bộ đã nộp hợp lệ, 41 chi bộ chưa nộp.');
});

test('files dropped on the drop zone are imported', async ({ page }) => {
  const [file] = sample(`${ROOT}-drop`, ['--count', '1', '--seed', '500', '--real']);
  await page.goto('/district.html');
  // The page is drawn by the wasm after the load event: wait for the zone before dropping on it.
  await expect(page.getByTestId('dropzone')).toBeVisible();
  const text = readFileSync(file, 'utf8');
  await page.evaluate(([t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'tha-vao.json', { type: 'application/json' }));
    dt.items.add(new File(['rác'], 'rac.json', { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="dropzone"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [text]);
  await expect(page.getByTestId('district-message')).toHaveText(/^Đã nhận 2 tệp/);
  const row = (name) => page.getByTestId('file-row').filter({ has: page.locator('td.file-name', { hasText: name }) });
  await expect(row('tha-vao.json')).toHaveAttribute('data-status', 'unregistered_key');
  await expect(row('rac.json')).toHaveAttribute('data-status', 'unreadable');
});

test('the results inside a ZIP archive are imported as files, and an archive that is not one is named', async ({ page }) => {
  const files = freshSample('zip', 3, 800);
  const dir = `${ROOT}-zip`;
  // Zipped as an e-mail attachment often is: deflated, in a folder, with the macOS extras.
  execFileSync('python3', ['-c', `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for f in sys.argv[2:]:
        z.write(f, 'ket-qua/' + f.split('/')[-1])
    z.writestr('__MACOSX/ket-qua/._x.json', b'junk')
`, `${dir}/quy-4.zip`, ...files]);
  writeFileSync(`${dir}/hong.zip`, 'không phải tệp nén');
  await page.goto('/district.html');
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles([`${dir}/quy-4.zip`, `${dir}/hong.zip`]);
  const message = page.getByTestId('district-message');
  await expect(message).toContainText('Đã nhận 4 tệp', { timeout: 60_000 });
  await expect(message).toContainText('không mở được tệp nén «hong.zip»');
  const names = await page.locator('[data-testid="file-row"] td.file-name').allTextContents();
  expect(names).toEqual([...files.map((f) => `quy-4.zip/ket-qua/${f.split('/').pop()}`), 'hong.zip']);
  const statuses = await page.getByTestId('file-row').evaluateAll((rows) => rows.map((r) => r.dataset.status).join(','));
  expect(statuses).toBe('unregistered_key,unregistered_key,unregistered_key,unreadable');
});

test('files are verified in Web Workers, and on the page with the same result when workers are unavailable', async ({ page }) => {
  const files = sample(`${ROOT}-workers`, ['--count', '3', '--seed', '700', '--real']);
  const statuses = async () => page.getByTestId('file-row').evaluateAll((rows) => rows.map((r) => r.dataset.status).join(','));

  await page.goto('/district.html');
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(files);
  await expect(page.getByTestId('district-message')).toHaveText(/^Đã nhận 3 tệp/);
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/public/verify-worker.js')))).toBe(true);
  const inWorkers = await statuses();
  expect(inWorkers).toBe('unregistered_key,unregistered_key,unregistered_key');

  // Same files on a page without workers: verified on the page, same statuses.
  await page.getByRole('button', { name: 'Xoá dữ liệu quý này…' }).click();
  await page.getByRole('button', { name: 'Xoá hẳn' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 0');
  await page.evaluate(() => { window.Worker = undefined; });
  await page.getByLabel('Chọn tệp (được chọn nhiều)').setInputFiles(files);
  await expect(page.getByTestId('district-message')).toHaveText(/^Đã nhận 3 tệp/);
  expect(await statuses()).toBe(inWorkers);
});

test('when workers answer nonsense or fail mid-import, the page verifies those files itself and each file is stored once', async ({ page }) => {
  // Chunks of 100 files (CHUNK in src/ui/import_workers.js): 0–99, 100–199 and 200–209.
  const files = freshSample('broken', 210, 710);
  // A worker that answers every chunk with text that is not a stored file, except that the
  // chunk holding file 0151 (the second) fails outright, which breaks the whole pool: the first
  // chunk's nonsense is taken and verified again on the page, the rest is verified on the page.
  // Each answer is also told on a channel, for the test to see which path the import took.
  const served = await fakeWorker(page, `const told = new BroadcastChannel('fake-worker');
  self.onmessage = (e) => {
    const { files, start } = e.data;
    if (!files) return;
    const fails = files.some((f) => f.name.startsWith("0151"));
    told.postMessage({ start, fails });
    if (fails) self.postMessage({ ok: false, error: "broken", start });
    else self.postMessage({ ok: true, out: files.map(() => 'not a stored file'), start });
  };`);
  const answers = [];
  await page.exposeFunction('fakeWorkerAnswered', (a) => { answers.push(a); });
  await page.addInitScript(() => {
    window.fakeWorkerChannel = new BroadcastChannel('fake-worker');
    window.fakeWorkerChannel.onmessage = (e) => window.fakeWorkerAnswered(e.data);
  });
  await page.goto('/district.html');
  await importFiles(page, files);
  // The import really went through the broken workers: nonsense for the first chunk, then the
  // failure (a worker answers its chunks in the order given).
  expect(served.count).toBeGreaterThan(0);
  await expect.poll(() => answers.slice(0, 2)).toEqual([{ start: 0, fails: false }, { start: 100, fails: true }]);
  await expectAllUnregistered(page, files, 3);
  await page.reload();
  await expectAllUnregistered(page, files, 3);
});

test('a worker that answers its chunks out of order, without naming them, labels no file wrongly', async ({ page }) => {
  const files = freshSample('reorder', 210, 720);
  // A worker script of the earlier kind: real answers from the real verifier, but none names its
  // chunk, and the first chunk's answer comes last. Taken in the order they come, the second
  // chunk's results would be filed under the first chunk's files.
  const served = await fakeWorker(page, `let loaded = null; let first = true;
  self.onmessage = async (e) => {
    const { glue, wasm, files } = e.data;
    loaded ??= import(glue).then(async (m) => { await m.default({ module_or_path: wasm }); return m; });
    if (!files) return;
    const api = await loaded;
    const delay = first ? 1500 : 0;
    first = false;
    const out = [];
    for (const f of files) out.push(api.chibo_receive(f.name, new Uint8Array(await f.arrayBuffer()), ''));
    setTimeout(() => self.postMessage({ ok: true, out }), delay);
  };`);
  await page.goto('/district.html');
  await importFiles(page, files);
  expect(served.count).toBeGreaterThan(0);
  await expectAllUnregistered(page, files, 100);
});

test('a collection stored by the first version (whole results in one store) is moved to the current layout and still opens', async ({ page }) => {
  const dir = `${ROOT}-legacy`;
  const files = sample(dir, ['--count', '2', '--seed', '720', '--real']);
  const docs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  // The stored form of 2026-11: each value held the whole subject.
  const values = docs.map((d, i) => JSON.stringify({
    format: 'chibo-store', schema: 1,
    data: {
      fileName: files[i].split('/').pop(), sha256: String(i).repeat(64),
      outcome: { kind: 'verified', id: d.id, issuer: d.issuer, fingerprint: `z6Mk-cu-${i}`, created: d.proof.created, subject: d.credentialSubject },
    },
  }));
  // Written on the same origin before the district page ever opens its database.
  await page.goto('/verify.html');
  await page.evaluate((vals) => new Promise((resolve, reject) => {
    const req = indexedDB.open('chibo-district', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('received', { autoIncrement: true });
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('received', 'readwrite');
      for (const v of vals) tx.objectStore('received').add(v);
      tx.oncomplete = () => { db.close(); resolve(); };
    };
  }), values);

  await page.goto('/district.html');
  await page.getByLabel('Nhập danh bạ (CSV hoặc JSON)').setInputFiles(`${dir}/registry.csv`);
  await page.getByLabel('Năm').fill('2026');
  await page.getByLabel('Năm').dispatchEvent('change');
  await page.getByLabel('Quý', { exact: true }).selectOption('4');
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 2');
  await expect(page.getByTestId('status-counts')).toContainText('hợp lệ: 2');
  const name = docs[0].credentialSubject.cell.name;
  await page.getByTestId('district-row').filter({ hasText: name }).getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByTestId('result-detail')).toContainText(`${name} — quý 4/2026`);
  await expect(page.getByTestId('result-detail')).toContainText(docs[0].credentialSubject.narrative.strengths);

  // Moved, not copied: the old store is empty and a reload reads the new layout.
  const left = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('chibo-district');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['received', 'batches'], 'readonly');
      const out = {};
      tx.objectStore('received').count().onsuccess = (e) => { out.received = e.target.result; };
      tx.objectStore('batches').count().onsuccess = (e) => { out.batches = e.target.result; };
      tx.oncomplete = () => { db.close(); resolve(out); };
    };
  }));
  expect(left).toEqual({ received: 0, batches: 1 });
  await page.reload();
  await expect(page.getByTestId('status-counts')).toContainText('Tất cả: 2');
  await page.getByTestId('district-row').filter({ hasText: name }).getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByTestId('result-detail')).toContainText(`${name} — quý 4/2026`);
});

test('the cell page never downloads the district code (nor its import workers), and an old #cap-tren bookmark opens the district page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('quarter-title')).toBeVisible();
  // What the page fetches once idle counts too: its lazy chunk (src/ui/lazy_panel.rs) is there,
  // and nothing more is on its way.
  await expect(page.getByTestId('extras-pending')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(loaded.some((u) => /chibo-app-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  expect(loaded.some((u) => /cell_extras-[0-9a-f]{16}_bg\.wasm$/.test(u))).toBe(true);
  expect(loaded.some((u) => u.includes('chibo-district-'))).toBe(false);
  // Nor the import's worker pool: only the snippets the page's glue imports are preloaded.
  expect(loaded.some((u) => u.endsWith('/import_workers.js'))).toBe(false);
  await page.goto('about:blank');
  await page.goto('/#cap-tren');
  await expect(page).toHaveURL(/district\.html$/);
  await expect(page.getByLabel('Chọn tệp (được chọn nhiều)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cấp trên tổng hợp' })).toHaveAttribute('aria-current', 'page');
});

test('two district tabs share the registry: a key removed in one does not come back from the other', async ({ page: a, context }) => {
  corpus();
  await a.goto('/district.html');
  const b = await context.newPage();
  await b.goto('/district.html');
  await expect(b.getByTestId('registry-count')).toHaveText('0 khóa trong danh bạ.');

  await a.getByLabel('Nhập danh bạ (CSV hoặc JSON)').setInputFiles(`${ROOT}/registry.csv`);
  await expect(a.getByTestId('registry-count')).toHaveText('40 khóa trong danh bạ.');
  // The other tab takes it at once, without a reload.
  await expect(b.getByTestId('registry-count')).toHaveText('40 khóa trong danh bạ.');

  const first = b.getByTestId('registry-table').locator('tbody tr').first();
  await first.getByRole('button', { name: 'Xoá' }).click();
  await b.getByRole('button', { name: 'Xoá hẳn' }).click();
  await expect(b.getByTestId('registry-count')).toHaveText('39 khóa trong danh bạ.');
  await expect(a.getByTestId('registry-count')).toHaveText('39 khóa trong danh bạ.');

  // A's next change of the registry applies on top of B's: the removed key stays removed.
  const second = a.getByTestId('registry-table').locator('tbody tr').first();
  await second.getByRole('button', { name: 'Xoá' }).click();
  await a.getByRole('button', { name: 'Xoá hẳn' }).click();
  await expect(a.getByTestId('registry-count')).toHaveText('38 khóa trong danh bạ.');
  for (const p of [a, b]) {
    await p.reload();
    await expect(p.getByTestId('registry-count')).toHaveText('38 khóa trong danh bạ.');
  }
});
