/**
 * The page in a real headless Chromium: it opens the demo dataset and draws
 * its graph, with no page or console error.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, paintedShare } from '../support/browser.js';
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

describe('first view', () => {
  it('opens the demo dataset and draws its graph', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/`);
    await page.waitForFunction(() => /people, \d+ ties/.test(document.querySelector('#summary')?.textContent ?? ''), null, {
      timeout: 30_000,
    });
    const summary = await page.textContent('#summary');
    expect(summary).toMatch(/^\d{3,} people, \d{3,} ties, \d+ communities/);
    await page.waitForTimeout(500);
    const share = await paintedShare(page, '#graph', [250, 250, 250]);
    expect(share).toBeGreaterThan(0.02);
    expect(await page.locator('#legend li').count()).toBe(6);
    expect(new URL(page.url()).searchParams.get('dataset')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(errors).toEqual([]);
  });

  it('opens the dataset named in the URL', async () => {
    const list = (await (await fetch(`${baseUrl}/api/datasets`)).json()) as { datasets: { id: string; name: string }[] };
    const demo = list.datasets[0]!;
    const { page, errors } = await openPage(browser, `${baseUrl}/?dataset=${demo.id}`);
    await page.waitForFunction(() => /ties/.test(document.querySelector('#summary')?.textContent ?? ''), null, { timeout: 30_000 });
    expect(await page.inputValue('#dataset-picker')).toBe(demo.id);
    expect(errors).toEqual([]);
  });
});
