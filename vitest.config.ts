// Vitest has its own config: vite.config.ts roots at client/, which would hide tests/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // A time limit only stops a hang (speed lives in npm run bench): a file's first test pays its cold start (the context
    // registries, a child CLI), which beside the other files on two cores came near 30 s in a CI run.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests start a server and Chromium each; two cores, so not too many at once.
    maxWorkers: 2,
    globalSetup: ['./tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/count-reporter.ts'],
    env: { TZ: 'UTC' },
  },
});
