/**
 * Collecting in the page, against the replay server: the Collect dialog
 * starts a Mastodon collection into the dataset on screen, shows it running
 * (pages and posts so far), pauses it mid-run and resumes it, shows the
 * run's history (17 posts kept, what was left out), collects again (nothing
 * new), and deletes it; the graph takes the new posts in; axe finds no
 * serious violation in the dialog. With COLLECT_SCREENSHOTS=<folder> it also
 * saves the bar and the dialog at three sizes.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser, openPage } from '../support/browser.js';
import { startDemoServer } from '../support/e2e-server.js';
import { graphReady } from '../support/graph-ready.js';
import { ReplayServer } from '../support/replay-server.js';

let browser: Browser;
let server: { baseUrl: string; close(): Promise<void> };
let replay: ReplayServer;
beforeAll(async () => {
  server = await startDemoServer({ COLLECT_ALLOW_PRIVATE_HOSTS: true, RATE_LIMIT_WRITES_PER_MINUTE: 10_000 });
  replay = await ReplayServer.start();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await replay?.close();
  await server?.close();
});

const shots = process.env.COLLECT_SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
};
const card = (page: Page) => page.locator('.collection-card').first();

it('collects a hashtag from the Collect dialog: progress, pause, resume, history, collect again, delete', async () => {
  // bypassCSP only to inject axe (see tests/support/axe.ts).
  const { page, errors } = await openPage(browser, server.baseUrl, { viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await page.waitForFunction(graphReady);
  const before = await page.textContent('#summary');
  if (shots)
    for (const [width, height] of [
      [390, 844],
      [1024, 768],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      await shoot(page, `bar-${width}`);
    }
  await page.click('#collect-button');
  await page.waitForSelector('#collect-dialog[open]');
  expect(await page.textContent('#collect-list')).toContain('No collection yet');

  const release = replay.hold('/api/v1/timelines/tag/mastodon?limit=40&max_id=701736');
  await page.fill('#collect-instance', replay.baseUrl);
  await page.fill('#collect-tag', '#mastodon');
  await page.fill('#collect-schedule', 'Tuesdays 22:00 Europe/London');
  await page.click('#collect-submit');
  await page.waitForFunction(() =>
    /Collecting… 2 pages, \d+ posts so far/.test(document.querySelector('.collect-state')?.textContent ?? ''),
  );
  expect(await card(page).locator('h3').textContent()).toBe(`Mastodon · ${replay.baseUrl.replace('http://', '')} · #mastodon`);
  expect(await card(page).locator('progress').count()).toBe(1);
  await shoot(page, 'collect-1440-running');

  await card(page).locator('[data-action="pause"]').click();
  await page.waitForSelector('.collection-card[data-status="paused"]');
  expect(await page.textContent('.collect-state')).toMatch(/^Paused mid-run \(2 pages, \d+ posts so far\)/);
  release();
  await card(page).locator('[data-action="resume"]').click();
  await page.waitForFunction(() => document.querySelectorAll('.collect-history tbody tr').length === 1);
  const row = await card(page).locator('.collect-history tbody tr').first().locator('td').allTextContents();
  expect(row.slice(1)).toEqual(['created', '17', '17', '2 opted out, 1 not public']);
  expect(await page.textContent('.collect-state')).toMatch(/^Next run .* \(Tuesdays 22:00 Europe\/London\)\.$/);
  await page.waitForFunction((old) => document.querySelector('#summary')?.textContent !== old, before);
  expect(await seriousViolations(page, '#collect-dialog')).toEqual([]);
  await shoot(page, 'collect-1440');
  for (const [width, height] of [
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await shoot(page, `collect-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await card(page).locator('[data-action="run"]').click();
  await page.waitForFunction(() => document.querySelectorAll('.collect-history tbody tr').length === 2);
  expect((await card(page).locator('.collect-history tbody tr').first().locator('td').allTextContents()).slice(1, 4)).toEqual([
    'manual',
    '0',
    '0',
  ]);

  page.once('dialog', (d) => void d.accept());
  await card(page).locator('[data-action="delete"]').click();
  await page.waitForFunction(() => document.querySelector('#collect-list')?.textContent?.includes('No collection yet'));
  expect(errors).toEqual([]);
}, 120_000);
