/**
 * The demo server and a headless Chromium for one e2e test file: started
 * before its tests (the first build of a server is slow), closed after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startDemoServer } from './e2e-server.js';

export interface DemoBrowser {
  /** Set once the file's beforeAll has run. */
  readonly browser: Browser;
  readonly baseUrl: string;
}

export function useDemoBrowser(): DemoBrowser {
  const ready = { browser: undefined as unknown as Browser, baseUrl: '' };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await startDemoServer();
    ready.baseUrl = server.baseUrl;
    ready.browser = await launchBrowser();
    close = async () => {
      await ready.browser.close();
      await server.close();
    };
  }, 120_000);
  afterAll(async () => close?.());
  return ready;
}
