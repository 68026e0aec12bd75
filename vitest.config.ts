// Vitest has its own config: vite.config.ts roots at client/, which would hide tests/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start a server and Chromium each; two cores, so not too many at once.
    maxWorkers: 2,
    globalSetup: ['./tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/count-reporter.ts'],
    env: { TZ: 'UTC' },
  },
});
