// Browser tests against the built app (dist/), in Debian's Chromium: Playwright never downloads one.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './specs',
  outputDir: '../../target/e2e-results',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A phone-sized screen first: secretaries mostly use phones.
    viewport: { width: 390, height: 844 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // E2E_CHROME_ARGS: extra switches for an experiment (space-separated), e.g. V8 flags.
        ...(process.env.E2E_CHROME_ARGS ?? '').split(' ').filter(Boolean),
      ],
    },
    trace: 'off',
  },
  webServer: {
    // E2E_DIST: another build to measure against (make bench compares builds this way).
    command: `node serve.mjs ${process.env.E2E_DIST ?? '../../dist'} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
