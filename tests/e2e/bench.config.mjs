// `make bench`: long measurements, not tests. Same browser setup as the tests.
import base from './playwright.config.mjs';

export default { ...base, testDir: './bench', testMatch: '**/*.bench.mjs', timeout: 1_800_000, reporter: [['list']] };
