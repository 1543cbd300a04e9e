import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in a real browser, one file at a time: Chromium
// (.output/chrome-mv3) or Firefox (.output/firefox-mv3), chosen by E2E_BROWSER. Every test runs in
// both, except the files named *.chromium.e2e.ts (see the README's Firefox section).
const browser = process.env.E2E_BROWSER ?? 'chromium';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: browser === 'firefox' ? ['tests/e2e/**/*.chromium.e2e.ts'] : [],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // The counts CI prints for each browser come from these files (in an ignored folder).
    reporters: ['default', 'json'],
    outputFile: { json: `tests/e2e/.artifacts/results-${browser}.json` },
  },
});
