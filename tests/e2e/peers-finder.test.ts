/**
 * The people finder (issues 20 and 21, "Peers first"): "Find people beyond
 * your corner" from the header, "me" picked once and remembered by the
 * browser, the list filtered by sector and region, a shortlist kept across
 * visits and downloaded as CSV, one's own sector and region set from the
 * dialog, and a quote that replays its session — with the keyboard's focus
 * kept on the control used, axe clean, at 1440×900, 1024×768 and 390×844.
 * SCREENSHOT_DIR (a folder outside the repository) keeps a picture of each.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { openPage } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';
import { waitForGraph } from '../support/graph-ready.js';

const e2e = useDemoBrowser();
const PHONE = { width: 390, height: 844 };
const SCREENS = [{ width: 1440, height: 900 }, { width: 1024, height: 768 }, PHONE];

async function picture(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The graph and its panels are up: before then the finder's button does nothing (client/app/peers.ts). */
async function graphShown(page: Page): Promise<void> {
  await waitForGraph(page, 60_000);
}

/** Opens the finder from the header and picks `name` as me by typing and choosing the match. */
async function findAsMe(page: Page, name: string): Promise<void> {
  await page.click('#peers-button');
  await page.waitForSelector('#peers-dialog[open] #peers-me-search');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('peers-me-search');
  await page.fill('#peers-me-search', name);
  await page.locator('#peers-me-matches button', { hasText: name }).first().click();
  await page.waitForSelector('#peers-dialog .peer-cards > li', { timeout: 60_000 });
}

const cardNames = (page: Page) => page.locator('#peers-dialog .peer-cards > li h3').allTextContents();

describe('the people finder', () => {
  it('finds a peer from "me" on a phone, and remembers who I am', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: PHONE, bypassCSP: true });
    await graphShown(page);
    expect(await page.isVisible('#peers-button')).toBe(true);
    await findAsMe(page, 'Priya Reyes');
    const first = page.locator('#peers-dialog .peer-cards > li').first();
    expect(await first.locator('h3').textContent()).toBe('Keisha Kelly');
    expect(await first.locator('a[target="_blank"]').getAttribute('href')).toBe('https://x.com/keishakelly');
    expect(await first.locator('a[target="_blank"]').textContent()).toBe('profile on X');
    expect(await first.locator('.reasons li').allTextContents()).toContain(
      'Keisha Kelly works in school libraries too, in Canada; you are in the United States',
    );
    // The dialog takes the phone's screen, and no card is wider than it.
    const box = (await page.locator('#peers-dialog').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    expect(
      await page.evaluate(
        () => document.querySelector('#peers-dialog')!.scrollWidth <= document.querySelector('#peers-dialog')!.clientWidth,
      ),
    ).toBe(true);
    expect(await page.textContent('#peers-me .me-line')).toMatch(/^You are Priya Reyes\b.* @PReyes · School · US/);
    await picture(page, 'peers-me-390');
    expect(await seriousViolations(page, '#peers-dialog')).toEqual([]);

    // Next visit: no picker, straight to the list.
    await page.reload();
    await graphShown(page);
    await page.click('#peers-button');
    await page.waitForSelector('#peers-dialog .peer-cards > li', { timeout: 60_000 });
    expect(await page.isVisible('#peers-me-search')).toBe(false);
    expect((await cardNames(page))[0]).toBe('Keisha Kelly');
    expect(errors).toEqual([]);
  }, 120_000);

  it('says when only a few share something, rather than padding the list with strangers', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: { width: 1024, height: 768 }, bypassCSP: true });
    await graphShown(page);
    await findAsMe(page, 'Rhys Zielinski');
    // Rhys (sector unknown, US) shares a contact or a topic with four people in another region; 156 others share nothing.
    expect(await page.textContent('#peers-status')).toBe(
      'Only 4 people share something with you beyond your corner, most worth meeting first. 156 people in another sector or region have nothing in common with you yet: no topic, conversation, session or contact.',
    );
    expect(await cardNames(page)).toHaveLength(4);
    await picture(page, 'peers-only-1024');
    expect(await seriousViolations(page, '#peers-dialog')).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('filters by sector and region, keeping focus on the filter used', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await graphShown(page);
    await findAsMe(page, 'Priya Reyes');
    const before = await cardNames(page);
    await page.focus('#peers-filter-region');
    await page.selectOption('#peers-filter-region', 'GB');
    // The unfiltered cards stay until the filtered answer arrives (their status line also names people): wait until
    // the cards shown are the filtered ones.
    const allShow = (text: string) =>
      page.waitForFunction(
        (t) => {
          const where = [...document.querySelectorAll('#peers-dialog .peer-where')].map((e) => e.textContent ?? '');
          return where.length > 0 && where.every((w) => w.includes(t));
        },
        text,
        { timeout: 60_000 },
      );
    await allShow(' · GB · ');
    const regions = await page.locator('#peers-dialog .peer-where').allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) expect(r).toContain(' · GB · ');
    expect(await cardNames(page)).not.toEqual(before);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('peers-filter-region');

    await page.selectOption('#peers-filter-region', '');
    await page.selectOption('#peers-filter-sector', 'academic');
    await allShow('Academic · ');
    const where = await page.locator('#peers-dialog .peer-where').allTextContents();
    expect(where.length).toBeGreaterThan(0);
    for (const w of where) expect(w).toContain('Academic · ');
    await picture(page, 'peers-filtered-1440');
    expect(await seriousViolations(page, '#peers-dialog')).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('keeps a shortlist across visits and downloads it as CSV', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: { width: 1024, height: 768 }, bypassCSP: true });
    await graphShown(page);
    await findAsMe(page, 'Priya Reyes');
    const cards = page.locator('#peers-dialog .peer-cards > li');
    const names = (await cardNames(page)).slice(0, 2);
    // Keyboard: Space on Keep keeps, and focus stays on that Keep after the list is drawn again.
    await cards.nth(0).locator('button.keep').focus();
    await page.keyboard.press('Space');
    expect(await cards.nth(0).locator('button.keep').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe('keep:twitter:keishakelly');
    await cards.nth(1).locator('button.keep').click();
    expect(await page.textContent('#peers-shortlist-title')).toBe('Your shortlist (2)');
    // The shortlist below the ten peers is one press away from the filters.
    expect(await page.textContent('#peers-to-shortlist')).toBe('Your shortlist (2)');
    await page.click('#peers-to-shortlist');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('peers-shortlist-title');
    await picture(page, 'peers-shortlist-1024');
    expect(await seriousViolations(page, '#peers-dialog')).toEqual([]);

    await page.reload();
    await graphShown(page);
    await page.click('#peers-button');
    await page.waitForSelector('#peers-dialog .peer-cards > li', { timeout: 60_000 });
    expect(await page.locator('#peers-shortlist li a, #peers-shortlist li > span:first-child').allTextContents()).toEqual(names);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#peers-csv')]);
    expect(download.suggestedFilename()).toBe('chat-atlas-shortlist.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFname,handle,profile,platform,sector,region,chats,reasons');
    expect(lines[1]).toMatch(
      /^"Keisha Kelly","keishakelly","https:\/\/x\.com\/keishakelly","twitter","school","CA","#critlibchat",".*Keisha Kelly works in school libraries too, in Canada; you are in the United States.*"$/,
    );
    expect(lines).toHaveLength(4); // header, two rows, and the last line's end

    // Removing from the shortlist moves focus to the next entry, never to the page.
    await page.locator('#peers-shortlist button.unkeep').first().click();
    expect(await page.textContent('#peers-shortlist-title')).toBe('Your shortlist (1)');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('unkeep'))).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('replays the session a peer’s quote was said in', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: { width: 1440, height: 900 } });
    await graphShown(page);
    await findAsMe(page, 'Priya Reyes');
    const quote = page.locator('#peers-dialog .peer-cards > li').first().locator('blockquote.peer-said');
    const replay = quote.locator('button');
    expect(await replay.getAttribute('aria-label')).toMatch(
      /^#critlibchat, \d+ \w+ \d{4} — replay the session where Keisha Kelly said this$/,
    );
    await replay.click();
    expect(await page.isVisible('#peers-dialog')).toBe(false);
    await page.waitForFunction(() => /^Replay: minute \d+/.test(document.querySelector('#status')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('chats'))).toBe('#critlibchat');
    await page.waitForSelector('#panel-title');
    expect(await page.textContent('#panel-title')).toBe('Keisha Kelly');
    expect(errors).toEqual([]);
  }, 120_000);

  it('opens the finder for a person from their panel', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/?person=${encodeURIComponent('twitter:preyes')}`, {
      viewport: { width: 1440, height: 900 },
    });
    await page.waitForSelector('#panel-open-peers', { timeout: 60_000 });
    await picture(page, 'panel-person-1440');
    await page.click('#panel-open-peers');
    await page.waitForSelector('#peers-dialog .peer-cards > li', { timeout: 60_000 });
    expect(await page.textContent('#peers-results-title')).toMatch(/^Beyond Priya Reyes.*’s corner$/);
    expect((await cardNames(page))[0]).toBe('Keisha Kelly');
    expect(await page.getAttribute('#peers-for-other', 'aria-pressed')).toBe('true');
    // Closed with Escape, focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#peers-dialog')).toBe(false);
    // The browser hands focus back as the dialog's close completes (a few tens of ms after the key on a busy machine).
    await page.waitForFunction(() => document.activeElement?.id === 'panel-open-peers', null, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-open-peers');
    expect(errors).toEqual([]);
  }, 120_000);

  it('finds people beyond a whole community from its panel', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: { width: 1024, height: 768 } });
    await graphShown(page);
    await page.click('#open-details');
    await page.locator('#legend button.legend-open', { hasText: '#k12libchat' }).click();
    await page.click('#panel-community-peers');
    await page.waitForSelector('#peers-dialog .peer-cards > li', { timeout: 60_000 });
    const title = await page.textContent('#peers-results-title');
    expect(title).toMatch(/^Beyond Community \d+’s corner$/);
    expect(await page.textContent('#peers-dialog .peers-note')).toMatch(
      /^Community \d+ as a whole: \d+% of its members with a known sector are in school/,
    );
    // None of the community's own chat alone: its members are never suggested.
    const where = await page.locator('#peers-dialog .peer-where').allTextContents();
    expect(where.filter((w) => !w.includes('#k12libchat')).length).toBeGreaterThanOrEqual(5);
    // Me is one press away.
    expect(await page.getAttribute('#peers-for-other', 'aria-pressed')).toBe('true');
    await page.click('#peers-for-me');
    await page.waitForSelector('#peers-me-search');
    await picture(page, 'peers-community-1024');
    expect(errors).toEqual([]);
  }, 120_000);

  it('looks right on every screen', async () => {
    for (const screen of SCREENS) {
      const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: screen });
      await graphShown(page);
      await picture(page, `header-${screen.width}`);
      await page.click('#peers-button');
      await page.waitForSelector('#peers-me-search');
      await page.fill('#peers-me-search', 'pri');
      await page.waitForSelector('#peers-me-matches button');
      await picture(page, `peers-picker-${screen.width}`);
      const box = (await page.locator('#peers-dialog').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);

  // Last: the edit stays on the server for the rest of the file.
  it('sets my own region from the dialog, and the suggestions use it', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: { width: 1440, height: 900 } });
    await graphShown(page);
    await findAsMe(page, 'Rosa Jones');
    expect(await page.textContent('#peers-dialog .peers-note')).toMatch(/^Your region is unknown/);
    // The form is open when something of one's own context is unknown.
    expect(await page.getAttribute('#peers-own', 'open')).toBe('');
    await page.fill('#peers-own-region', 'Narnia');
    await page.click('#peers-own-save');
    await page.waitForFunction(() => document.querySelector('#peers-own-status')?.textContent?.startsWith('Not saved'));
    expect(await page.textContent('#peers-own-status')).toMatch(/unknown region "Narnia"/);

    await page.fill('#peers-own-region', 'GB');
    await page.click('#peers-own-save');
    await page.waitForFunction(() => /School · GB/.test(document.querySelector('#peers-me .me-line')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    await page.waitForSelector('#peers-dialog .peer-cards > li');
    expect(await page.locator('#peers-dialog .peers-note').count()).toBe(0);
    // School librarians elsewhere are now beyond her through their region.
    const where = await page.locator('#peers-dialog .peer-where').allTextContents();
    expect(where.some((w) => w.includes('School · ') && !w.includes(' · GB · '))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('peers-own-save');
    await picture(page, 'peers-own-context-1440');
    // The one error is the refused "Narnia" (the browser logs every 4xx response).
    expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  }, 120_000);
});
