import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the site when stale, checks for Chromium and starts the portal for the e2e tests.
    globalSetup: ['tests/global-setup.ts'],
    // The default reporter, then the single `N passed, N failed` line CI reads.
    reporters: ['default', './tests/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
