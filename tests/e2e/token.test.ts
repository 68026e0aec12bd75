/** With ATLAS_TOKEN set, the page reads freely, and asks for the token when an upload is refused. */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../support/browser.js';
import { startDemoServer } from '../support/e2e-server.js';

const TOKEN = 'a-long-enough-test-token-123';
let browser: Browser;
let baseUrl = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const server = await startDemoServer({ ATLAS_TOKEN: TOKEN });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  close = async () => {
    await browser.close();
    await server.close();
  };
}, 120_000);
afterAll(async () => close?.());

describe('a server with a write token', () => {
  it('asks for the token when an upload is refused, then uploads with it', async () => {
    const { page } = await openPage(browser, `${baseUrl}/`);
    await page.waitForFunction(() => /^\d+ people/.test(document.querySelector('#summary')?.textContent ?? ''));
    await page.click('#upload-button');
    await page.setInputFiles('#upload-files', path.resolve(import.meta.dirname, '..', 'fixtures', 'real', 'mastodon', 'tag_timeline.json'));
    await page.click('#upload-submit');
    await page.waitForSelector('#token-input');
    expect(await page.textContent('#upload-message')).toContain('Not imported');
    await page.fill('#token-input', TOKEN);
    await page.click('.token-form button[type="submit"]');
    await page.waitForSelector('#upload-results');
    expect(await page.textContent('#upload-results')).toContain('read as mastodon, 20 messages');
  });
});
