/**
 * "Meet beyond your context" in the page (issue 20): each suggestion links to
 * the person's profile on their platform and quotes what they said.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../support/browser.js';
import { startDemoServer } from '../support/e2e-server.js';

let browser: Browser;
let baseUrl = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const server = await startDemoServer();
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  close = async () => {
    await browser.close();
    await server.close();
  };
}, 120_000);

afterAll(async () => close?.());

describe('peers in the person panel', () => {
  it('links Priya Reyes’s first suggestion, Keisha Kelly, to her profile and quotes her', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/?person=${encodeURIComponent('twitter:preyes')}`);
    await page.waitForSelector('#peers ol.peers li', { timeout: 60_000 });
    const first = page.locator('#peers ol.peers > li').first();
    expect(await first.locator('button.link').textContent()).toBe('Keisha Kelly');
    const profile = first.locator('a[target="_blank"]');
    expect(await profile.getAttribute('href')).toBe('https://x.com/keishakelly');
    expect(await profile.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await first.locator('blockquote.peer-said').textContent()).toMatch(/^“.+” #critlibchat, \d{4}-\d{2}-\d{2}$/);
    expect(errors).toEqual([]);
  }, 90_000);
});
