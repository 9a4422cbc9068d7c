// First-load size and time to interactive of the built app (dist/), against a SurveyJS peer of the
// same HD 42 sheet (bench/peer/, built by `make bench`), in the same run and the same browser.
//
// Size: every response the browser receives on a first visit (fresh context, no cache, service
// workers blocked), recorded with page.on('response'), each compressed here with gzip -9 and
// brotli 11 (node:zlib). The service worker's precache, which follows a first visit of our app,
// is measured apart (informational, not in the total).
//
// Time to interactive (TTI), as defined for this bench: from navigation start (performance.now()
// in the page) until the first judgement item of the first meeting's sheet has been answered
// "Đạt" and the sheet's total shows it. A probe injected before any page script checks on every
// animation frame; once the first contentful paint has been reported (nothing is clicked
// before: as in Lighthouse, a page is not interactive before it shows something) and the item's
// "Đạt" control is rendered, visible and enabled, it clicks the control's label. For our app a
// new user lands on the current quarter, whose meeting sheets are closed <details>: the probe
// first taps the summary "Tháng N · Thường kỳ" of meeting 1, as a user must. A MutationObserver
// takes the time at which the total's text changes (5 → 8 in both apps: 3 points for "Nội dung
// chuẩn bị"). Also printed: first contentful paint, and the time from the click to the total.
// Headless Chromium, phone viewport, CPU throttling 1× and 4× (CDP Emulation.setCPUThrottlingRate),
// a fresh context per run (no HTTP cache, service workers blocked), runs of the two apps
// interleaved, one unrecorded warm-up load of each first; median of BENCH_TTI_RUNS (5) runs.
// Also on a weak connection, as many secretaries have: a cheap phone (4× CPU) on
// 400 kbit/s down, 200 kbit/s up, 400 ms round trip (CDP Network.emulateNetworkConditions; the
// files served compressed as a host would), median of BENCH_NET_RUNS (3) runs. For each run: the
// bytes that came over the wire before the sheet was usable (the Resource Timing entries that
// ended before the total changed), so what the page defers shows.
//
// Budget (issue 6): our first load must be at most 128 KiB (131,072 B) gzip. Checked last, after
// every figure is printed; BENCH_ALLOW_OVER_BUDGET=1 turns the failure into a warning.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import config from '../playwright.config.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const PEER_PORT = Number(process.env.BENCH_PEER_PORT ?? PORT + 1);
const PEER_DIST = fileURLToPath(new URL('../../../bench/peer/dist/', import.meta.url));
const SERVE = fileURLToPath(new URL('../serve.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_TTI_RUNS ?? 5);
const RATES = [1, 4];
const NET_RUNS = Number(process.env.BENCH_NET_RUNS ?? 3);
// A weak mobile connection (about Chrome DevTools' "Slow 3G", a little faster).
const WEAK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 200_000 / 8 };
const BUDGET_GZIP = 128 * 1024;
const ALLOW_OVER = process.env.BENCH_ALLOW_OVER_BUDGET === '1';

const APPS = {
  ours: {
    label: 'chibo (Leptos, wasm)',
    url: `http://127.0.0.1:${PORT}/`,
    probe: {
      // A new user lands on the current quarter; its meetings are closed <details>.
      open: '[data-testid="meeting-1"] > summary',
      control: '[data-testid="meeting-1"] [data-testid^="item-"] input[type="radio"][id$="-yes"]:not(:disabled)',
      total: '[data-testid="meeting-1"] [data-testid="meeting-total"]',
    },
  },
  peer: {
    label: 'SurveyJS (survey-core + survey-js-ui 2.5.38)',
    url: `http://127.0.0.1:${PEER_PORT}/`,
    probe: {
      open: null,
      control: '[data-name="noi_dung_chuan_bi"] input[type="radio"][value="true"]:not(:disabled)',
      total: '[data-name="tong_diem"] .sd-expression',
    },
  },
};

const contextOptions = {
  viewport: config.use.viewport,
  locale: config.use.locale,
  timezoneId: config.use.timezoneId,
  serviceWorkers: 'block',
};

// Runs in the page before any of its scripts (addInitScript).
function probe(cfg) {
  if (window.top !== window) return;
  const r = (window.__tti = { fcp: null, opened: null, clicked: null, done: null, before: null, after: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') r.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const q = (s) => document.querySelector(s);
  const shown = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const check = () => {
    if (r.done !== null || r.clicked === null) return;
    const text = q(cfg.total)?.textContent ?? null;
    if (text !== null && text !== r.before) {
      r.done = performance.now();
      r.after = text;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const frame = () => {
    // Nothing is clicked before the first contentful paint has been reported (as in Lighthouse,
    // an app is not interactive before it has shown something).
    if (r.clicked === null && r.fcp !== null) {
      const control = q(cfg.control);
      const total = q(cfg.total);
      if (control && total) {
        const target = control.closest('label') ?? control;
        if (!shown(target) && cfg.open && r.opened === null) {
          const open = q(cfg.open);
          if (open) { open.click(); r.opened = performance.now(); }
        }
        if (shown(target)) {
          r.before = total.textContent;
          r.clicked = performance.now();
          target.click();
        }
      }
    }
    check();
    if (r.done === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n) => n.toLocaleString('en-US');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (Number.isFinite(n) ? `${fmt(Math.round(n))} ms` : '—');
const ratio = (peer, ours) => (Number.isFinite(peer / ours) ? `${(peer / ours).toFixed(2)}×` : '—');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const sizes = {};
const sw = {};
const tti = { ours: {}, peer: {} };

let peerServer;
test.beforeAll(async () => {
  if (!existsSync(`${PEER_DIST}index.html`)) throw new Error(`${PEER_DIST} is missing: run \`make bench\` (npm ci + node build.mjs in bench/peer)`);
  peerServer = spawn(process.execPath, [SERVE, PEER_DIST, String(PEER_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    peerServer.stdout.once('data', resolve);
    peerServer.once('exit', (code) => reject(new Error(`peer server exited (${code})`)));
  });
});
test.afterAll(() => { peerServer?.kill(); });

test.describe.configure({ mode: 'serial' });

/** Waits until no response has arrived for `quiet` ms. */
async function settle(last, quiet = 1_500) {
  while (Date.now() - last() < quiet) await new Promise((r) => setTimeout(r, 100));
}

async function firstLoad(browser, app) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const bodies = new Map();
  let last = Date.now();
  page.on('response', (res) => {
    last = Date.now();
    const url = res.url();
    if (!url.startsWith('http') || !res.ok() || bodies.has(url)) return;
    bodies.set(url, res.body().then((b) => ({ url, type: res.request().resourceType(), body: b })).catch(() => null));
  });
  await page.goto(app.url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await settle(() => last);
  const files = (await Promise.all(bodies.values())).filter(Boolean);
  await context.close();
  return files.map(({ url, type, body }) => ({
    path: new URL(url).pathname,
    type,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  }));
}

const sum = (files, k) => files.reduce((a, f) => a + f[k], 0);

test('first-load size: ours and the SurveyJS peer', async ({ browser }) => {
  for (const [key, app] of Object.entries(APPS)) {
    const files = await firstLoad(browser, app);
    expect(files.length, `${app.label}: nothing was downloaded`).toBeGreaterThan(0);
    sizes[key] = files;
    for (const f of files) console.log(`BENCH size ${key} ${f.path} (${f.type}): raw ${fmt(f.raw)} B, gzip ${fmt(f.gzip)} B, br ${fmt(f.br)} B`);
    console.log(`BENCH size ${key} total (${files.length} files): raw ${fmt(sum(files, 'raw'))} B, gzip ${fmt(sum(files, 'gzip'))} B, br ${fmt(sum(files, 'br'))} B`);
  }

  // What our service worker downloads after the first visit (its precache), apart.
  const context = await browser.newContext({ ...contextOptions, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const pending = [];
  let last = Date.now();
  context.on('response', (res) => {
    last = Date.now();
    // Only what came over the network: files the service worker takes from the HTTP cache (those
    // the first load has just fetched) cost nothing more.
    if (res.request().serviceWorker() && res.ok()) {
      pending.push(res.request().sizes().then(async (z) => (z.responseBodySize > 0 ? res.body() : null)).catch(() => null));
      sw.asked = (sw.asked ?? 0) + 1;
    }
  });
  await page.goto(APPS.ours.url, { waitUntil: 'load' });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await settle(() => last);
  const bodies = (await Promise.all(pending)).filter(Boolean);
  await context.close();
  sw.requests = bodies.length;
  sw.raw = bodies.reduce((a, b) => a + b.length, 0);
  sw.gzip = bodies.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
  console.log(`BENCH size ours service-worker precache after the first visit (not in the total): ${sw.asked ?? 0} requests, ${sw.requests} over the network, raw ${fmt(sw.raw)} B, gzip ${fmt(sw.gzip)} B`);
});

async function measure(browser, app, rate, network = null) {
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(probe, app.probe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__tti && window.__tti.done !== null, null, { polling: 100, timeout: 120_000 });
  const r = await page.evaluate(() => {
    const done = window.__tti.done;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const wire = entries.filter((e) => e.responseEnd <= done).reduce((a, e) => a + e.encodedBodySize, 0);
    return { ...window.__tti, wire };
  });
  await context.close();
  expect(errors, `${app.label}: page errors`).toEqual([]);
  expect(r.after, `${app.label}: the total did not change as expected (${r.before} → ${r.after})`).not.toBe(r.before);
  return r;
}

test('time to interactive: ours and the SurveyJS peer, 1× and 4× CPU', async ({ browser }) => {
  console.log(`BENCH tti machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average before ${load()}`);
  for (const app of Object.values(APPS)) await measure(browser, app, 1); // warm-up, not recorded
  for (const rate of RATES) {
    const runs = { ours: [], peer: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const key of Object.keys(APPS)) runs[key].push(await measure(browser, APPS[key], rate));
    }
    for (const key of Object.keys(APPS)) {
      const rs = runs[key];
      const t = { tti: median(rs.map((r) => r.done)), click: median(rs.map((r) => r.done - r.clicked)), fcp: median(rs.map((r) => r.fcp)), all: rs.map((r) => Math.round(r.done)) };
      tti[key][rate] = t;
      console.log(`BENCH tti ${key} ${rate}x CPU: median ${ms(t.tti)} (runs ${t.all.join(', ')} ms); first contentful paint ${ms(t.fcp)}; click → total shown ${ms(t.click)}; total ${rs[0].before} → ${rs[0].after}`);
    }
  }
  console.log(`BENCH tti load average after ${load()}`);
});

test('time to interactive on a weak connection: ours and the SurveyJS peer, 4× CPU', async ({ browser }) => {
  const runs = { ours: [], peer: [] };
  for (let i = 0; i < NET_RUNS; i++) {
    for (const key of Object.keys(APPS)) runs[key].push(await measure(browser, APPS[key], 4, WEAK));
  }
  for (const key of Object.keys(APPS)) {
    const rs = runs[key];
    const t = { tti: median(rs.map((r) => r.done)), fcp: median(rs.map((r) => r.fcp)), wire: median(rs.map((r) => r.wire)), all: rs.map((r) => Math.round(r.done)) };
    tti[key].weak = t;
    console.log(`BENCH tti ${key} weak network, 4x CPU: median ${ms(t.tti)} (runs ${t.all.join(', ')} ms); first contentful paint ${ms(t.fcp)}; over the wire before interactive ${fmt(t.wire)} B`);
  }
});

test('results table and budget', async () => {
  expect(sizes.ours && sizes.peer, 'the size test did not run').toBeTruthy();
  const lines = [];
  for (const [key, app] of Object.entries(APPS)) {
    lines.push('', `#### First load: ${app.label}`, '', '| file | type | raw | gzip -9 | brotli 11 |', '|---|---|---:|---:|---:|');
    for (const f of [...sizes[key]].sort((a, b) => b.raw - a.raw)) lines.push(`| \`${f.path}\` | ${f.type} | ${fmt(f.raw)} B | ${fmt(f.gzip)} B | ${fmt(f.br)} B |`);
    lines.push(`| **total** (${sizes[key].length} files) | | ${fmt(sum(sizes[key], 'raw'))} B | **${fmt(sum(sizes[key], 'gzip'))} B** | ${fmt(sum(sizes[key], 'br'))} B |`);
  }
  const row = (what, o, p, f) => `| ${what} | ${f(o)} | ${f(p)} | ${ratio(p, o)} |`;
  lines.push('', `#### Side by side (time to interactive: median of ${RUNS} runs)`, '', `| measure | ${APPS.ours.label} | ${APPS.peer.label} | peer/ours |`, '|---|---:|---:|---:|');
  lines.push(row('files on first load', sizes.ours.length, sizes.peer.length, String));
  for (const [k, name] of [['raw', 'raw'], ['gzip', 'gzip -9'], ['br', 'brotli 11']]) {
    lines.push(row(`first load, ${name}`, sum(sizes.ours, k), sum(sizes.peer, k), (n) => `${fmt(n)} B (${kb(n)})`));
  }
  for (const rate of RATES) {
    if (!tti.ours[rate] || !tti.peer[rate]) continue;
    lines.push(row(`time to interactive, ${rate}× CPU`, tti.ours[rate].tti, tti.peer[rate].tti, ms));
    lines.push(row(`first contentful paint, ${rate}× CPU`, tti.ours[rate].fcp, tti.peer[rate].fcp, ms));
    lines.push(row(`first click → total shown, ${rate}× CPU`, tti.ours[rate].click, tti.peer[rate].click, ms));
  }
  if (tti.ours.weak && tti.peer.weak) {
    const w = (k) => `${k} (400 kbit/s, 400 ms RTT, 4× CPU)`;
    lines.push(row(w('time to interactive, weak connection'), tti.ours.weak.tti, tti.peer.weak.tti, ms));
    lines.push(row(w('first contentful paint, weak connection'), tti.ours.weak.fcp, tti.peer.weak.fcp, ms));
    lines.push(row('bytes over the wire before interactive (as served, compressed)', tti.ours.weak.wire, tti.peer.weak.wire, (n) => `${fmt(n)} B`));
  }
  for (const l of lines) console.log(l);

  const total = sum(sizes.ours, 'gzip');
  const verdict = `our first load is ${fmt(total)} B gzip (${kb(total)}), budget ${fmt(BUDGET_GZIP)} B (128 KiB)`;
  if (total <= BUDGET_GZIP) {
    console.log(`BENCH budget ok: ${verdict}`);
  } else if (ALLOW_OVER) {
    console.log(`BENCH budget WARNING (BENCH_ALLOW_OVER_BUDGET=1): over budget, ${verdict}`);
  } else {
    console.log(`BENCH budget FAILED: ${verdict} (BENCH_ALLOW_OVER_BUDGET=1 to only warn)`);
    expect(total, `first load over budget: ${verdict}`).toBeLessThanOrEqual(BUDGET_GZIP);
  }
});
