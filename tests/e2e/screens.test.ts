/**
 * The explorer on three screens (1440×900, 1024×768, 390×844) in headless
 * Chromium, on the demo: the graph has a real width and is fitted to it on
 * load and after a filter; no two drawn labels overlap; selecting someone
 * keeps them and their neighbours in view; search lists its matches and
 * keeps its text; the legend opens a community and hides it separately;
 * community colours survive a filter; play steps through the sessions;
 * focus stays on the control used; Escape ends a replay wherever focus is.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, type GraphPayload } from '../../shared/index.js';
import { drawnText, launchBrowser, overlappingPairs, RECORD_CANVAS_TEXT } from '../support/browser.js';
import { startDemoServer } from '../support/e2e-server.js';
import { waitForGraph } from '../support/graph-ready.js';

let browser: Browser;
let baseUrl = '';
let close: () => Promise<void>;
let demo: GraphPayload;

beforeAll(async () => {
  const server = await startDemoServer();
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  const list = (await (await fetch(`${baseUrl}/api/datasets`)).json()) as { datasets: { id: string }[] };
  demo = GraphPayloadSchema.parse(await (await fetch(`${baseUrl}/api/datasets/${list.datasets[0]!.id}/graph`)).json());
  close = async () => {
    await browser.close();
    await server.close();
  };
}, 120_000);
afterAll(async () => close?.());

interface Inspect {
  people(): { key: string; x: number; y: number }[];
  canvas(): { width: number; height: number };
  neighbours(key: string): string[];
}
declare global {
  interface Window {
    __chatAtlas?: Inspect;
  }
}

const SCREENS = [
  { name: 'wide', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type Screen = (typeof SCREENS)[number];
const narrow = (s: Screen) => s.width <= 1100;

async function open(screen: Screen, path = '/') {
  const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(RECORD_CANVAS_TEXT);
  await page.goto(`${baseUrl}${path}`);
  await waitForGraph(page);
  await settle(page);
  return { page, errors };
}

/** Waits for the camera to come to rest (animations are 400 ms) and a frame to be drawn. */
const settle = (page: Page) => page.waitForTimeout(900);

async function sheet(page: Page, screen: Screen, which: 'filters' | 'details') {
  if (narrow(screen) && (await page.getAttribute(`#open-${which}`, 'aria-expanded')) !== 'true') await page.click(`#open-${which}`);
}

const inspect = (page: Page) =>
  page.evaluate(() => {
    const hook = window.__chatAtlas!;
    return { people: hook.people(), canvas: hook.canvas() };
  });

/** People drawn outside the canvas. */
async function outside(page: Page, keys?: string[]) {
  const { people, canvas } = await inspect(page);
  return people
    .filter((p) => (!keys || keys.includes(p.key)) && (p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height))
    .map((p) => p.key);
}

const labels = (page: Page) => drawnText(page, '#graph .sigma-labels, #graph .sigma-atlasCommunityLabels');
const hub = () => demo.attributes.meta.communities[0]!.topMembers[0]!;

describe.each(SCREENS)('the explorer at $width×$height', (screen) => {
  it('gives the graph a real width and fits everyone in it, on load and after a filter', async () => {
    const { page, errors } = await open(screen);
    const box = (await page.locator('#graph').boundingBox())!;
    expect(box.width).toBeGreaterThan(screen.width * (narrow(screen) ? 0.9 : 0.5));
    expect(box.height).toBeGreaterThan(screen.height * 0.4);
    expect((await inspect(page)).people).toHaveLength(demo.nodes.length);
    expect(await outside(page)).toEqual([]);
    await sheet(page, screen, 'filters');
    await page.locator('#filters input[name="chats"][value="#lawlibsnet"]').uncheck();
    await page.waitForFunction((n) => !document.querySelector('#summary')?.textContent?.startsWith(`${n} people`), demo.nodes.length);
    await settle(page);
    expect(await outside(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('never scrolls sideways: the document is no wider than the window', async () => {
    const { page, errors } = await open(screen);
    const widths = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, window: window.innerWidth }));
    const loaded = await widths();
    expect(loaded.scroll).toBeLessThanOrEqual(loaded.window);
    // With both panels open too (a sheet on a phone or tablet).
    await sheet(page, screen, 'details');
    const details = await widths();
    expect(details.scroll).toBeLessThanOrEqual(details.window);
    expect(errors).toEqual([]);
  });

  it('draws labels, community names among them, and never two over each other', async () => {
    const { page, errors } = await open(screen);
    const drawn = await labels(page);
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    expect(overlappingPairs(drawn)).toEqual([]);
    // Community names are labels ("#k12libchat · reluctant readers"), or their first part where the whole does not fit.
    expect(drawn.map((b) => b.text)).toContainEqual(expect.stringMatching(/^#k12libchat( · |$)/));
    // Zoomed in, people's names take over, still apart.
    const graph = (await page.locator('#graph').boundingBox())!;
    const centre = (await inspect(page)).people.find((p) => p.key === hub().key)!;
    await page.mouse.move(graph.x + centre.x, graph.y + centre.y);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -250);
    await settle(page);
    const closer = await labels(page);
    expect(closer.length).toBeGreaterThan(0);
    expect(overlappingPairs(closer)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps a selected person and their neighbours in view', async () => {
    const { page, errors } = await open(screen);
    await sheet(page, screen, 'filters');
    await page.fill('#search', hub().label);
    await page.press('#search', 'Enter');
    await page.waitForSelector('#panel-title');
    await settle(page);
    const around = await page.evaluate((key) => [key, ...window.__chatAtlas!.neighbours(key)], hub().key);
    expect(around.length).toBeGreaterThan(5);
    expect(await outside(page, around)).toEqual([]);
    expect(overlappingPairs(await drawnText(page, '#graph .sigma-labels'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lists the people a search matches, first names first, and keeps the text', async () => {
    const { page, errors } = await open(screen);
    await sheet(page, screen, 'filters');
    await page.fill('#search', 'Priya');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#search-results li');
    const found = await page.locator('#search-results li button').allTextContents();
    const priyas = demo.nodes.filter((n) => /priya/i.test(n.attributes.label) || /priya/i.test(n.attributes.handle));
    expect(found).toHaveLength(priyas.length);
    expect(found.length).toBeGreaterThan(1);
    expect(found[0]).toMatch(/^Priya/);
    expect(await page.inputValue('#search')).toBe('Priya');
    expect(await page.locator('#panel-title').count()).toBe(0);
    // Opening one keeps the list and the text.
    await page.locator('#search-results li button').nth(1).click();
    await page.waitForSelector('#panel-title');
    expect(await page.locator('#search-results li').count()).toBe(priyas.length);
    expect(await page.inputValue('#search')).toBe('Priya');
    expect(errors).toEqual([]);
  });

  it('opens a community from the legend, hides it with its own control, and keeps its colour across a filter', async () => {
    const { page, errors } = await open(screen);
    await sheet(page, screen, 'details');
    const k12 = page.locator('#legend li', { hasText: '#k12libchat · ' });
    const colour = await k12.locator('.swatch').getAttribute('style');
    await k12.locator('.legend-open').click();
    await page.waitForFunction(() => /^#k12libchat · /.test(document.querySelector('#panel-title')?.textContent ?? ''));
    expect(await page.locator('#legend .legend-toggle[aria-pressed="false"]').count()).toBe(0);
    await k12.locator('.legend-toggle').click();
    expect(await page.locator('#legend li', { hasText: '#k12libchat · ' }).locator('.legend-toggle').getAttribute('aria-pressed')).toBe(
      'false',
    );
    await page.locator('#legend li', { hasText: '#k12libchat · ' }).locator('.legend-toggle').click();
    await sheet(page, screen, 'filters');
    await page.locator('#filters input[name="chats"][value="#archivesfedi"]').uncheck();
    await page.waitForFunction((n) => !document.querySelector('#summary')?.textContent?.startsWith(`${n} people`), demo.nodes.length);
    expect(await page.locator('#legend li', { hasText: '#k12libchat · ' }).locator('.swatch').getAttribute('style')).toBe(colour);
    expect(errors).toEqual([]);
  });

  it('plays through the sessions day by day, announced, with focus kept on Play, and Escape pauses', async () => {
    const { page, errors } = await open(screen);
    await sheet(page, screen, 'filters');
    await page.selectOption('#play-speed', { label: 'Fast' });
    await page.focus('#play');
    await page.keyboard.press('Enter');
    // Playing has begun once a step is announced: before that the slider still shows the whole range (to = last day),
    // which a busy machine left on screen long enough for a "to ≥ 2" wait to read the full graph as the first step.
    await page.waitForFunction(
      () => {
        const to = document.querySelector('#sessions-to') as HTMLInputElement | null;
        return (
          /^Up to \d{4}-\d{2}-\d{2}:/.test(document.querySelector('#announcer')?.textContent ?? '') && Number(to?.value) < Number(to?.max)
        );
      },
      null,
      { timeout: 60_000 },
    );
    const sessions = () =>
      page.evaluate(() => Number(/in (\d+) sessions/.exec(document.querySelector('#summary')?.textContent ?? '')?.[1]));
    const before = await sessions();
    // The next steps: more session days, more sessions in the graph (each step waits for its graph, slow on a busy machine).
    await page.waitForFunction(
      (n) =>
        Number(/in (\d+) sessions/.exec(document.querySelector('#summary')?.textContent ?? '')?.[1]) > n &&
        Number((document.querySelector('#sessions-to') as HTMLInputElement | null)?.value) >= 3,
      before,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('play');
    // Each step's load clears the announcer and says the step again once its graph is up (a 50 ms later write).
    await page.waitForFunction(() => /^Up to \d{4}-\d{2}-\d{2}: \d+ people/.test(document.querySelector('#announcer')?.textContent ?? ''));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#play')?.textContent?.includes('Play'));
    expect(new URL(page.url()).searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\.999Z$/);
    expect(errors).toEqual([]);
  }, 150_000);

  it('keeps focus on a filter checkbox used by keyboard after the graph reloads', async () => {
    const { page, errors } = await open(screen);
    await sheet(page, screen, 'filters');
    const box = '#filters input[name="sectors"][value="school"]';
    await page.focus(box);
    await page.keyboard.press('Space');
    await page.waitForFunction((n) => !document.querySelector('#summary')?.textContent?.startsWith(`${n} people`), demo.nodes.length);
    await settle(page);
    expect(
      await page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        return `${a?.name}=${a?.value}`;
      }),
    ).toBe('sectors=school');
    expect(errors).toEqual([]);
  });

  it('ends a replay with Escape while focus is elsewhere', async () => {
    const { page, errors } = await open(screen);
    await sheet(page, screen, 'details');
    await page.locator('#timeline tbody tr').first().locator('button', { hasText: 'Replay' }).click();
    await page.waitForFunction(() => /^Replay: minute \d+/.test(document.querySelector('#status')?.textContent ?? ''));
    await page.locator('#legend .legend-toggle').first().focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '');
    expect(errors).toEqual([]);
  });
});

describe('the header on a phone', () => {
  it('is one row, with the other controls behind Menu', async () => {
    const { page, errors } = await open(SCREENS[2]);
    const tops = await page.evaluate(() =>
      ['.brand', '#peers-button', '#bar-menu'].map((s) => document.querySelector(s)!.getBoundingClientRect().top),
    );
    const header = (await page.locator('header.bar').boundingBox())!;
    // One row: the name, the people finder and Menu side by side, the header no taller than the two-line finder button.
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(16);
    expect(header.height).toBeLessThan(72);
    expect(await page.isVisible('#colour-by')).toBe(false);
    await page.click('#bar-menu');
    expect(await page.getAttribute('#bar-menu', 'aria-expanded')).toBe('true');
    for (const control of ['#dataset-picker', '#upload-button', '#colour-by', '#share-button', '#help-button'])
      expect(await page.isVisible(control)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#colour-by')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bar-menu');
    expect(errors).toEqual([]);
  });
});

describe('the header on a laptop and a tablet', () => {
  /** The header's rows: its shown controls' vertical centres, grouped where they lie within 12 px of each other. */
  const rows = (page: Page) =>
    page.evaluate(() => {
      const centres = [...document.querySelectorAll('header.bar h1, header.bar button, header.bar select')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => r.top + r.height / 2)
        .sort((a, b) => a - b);
      return centres.filter((c, i) => i === 0 || c - centres[i - 1]! > 12).length;
    });

  it('is one row at 1440×900 and two at 1024×768, with every control in sight or behind Display', async () => {
    for (const [screen, most] of [
      [SCREENS[0], 1],
      [SCREENS[1], 2],
    ] as const) {
      const { page, errors } = await open(screen);
      expect(await rows(page)).toBeLessThanOrEqual(most);
      for (const control of [
        '#help-button',
        '#peers-button',
        '#dataset-picker',
        '#upload-button',
        '#collect-button',
        '#mode-health',
        '#share-button',
      ])
        expect(await page.isVisible(control), control).toBe(true);
      expect(await page.isVisible('#colour-by')).toBe(false);
      expect(await page.getAttribute('#help-button', 'aria-label')).toBe('Help: what am I looking at?');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('opens Display from the keyboard, its controls first in focus, and closes it with Escape', async () => {
    const { page, errors } = await open(SCREENS[0]);
    const display = page.getByRole('button', { name: 'Display', exact: true });
    await display.focus();
    await page.keyboard.press('Enter');
    expect(await display.getAttribute('aria-expanded')).toBe('true');
    for (const control of ['#colour-by', '#size-by', '#refine-layout']) expect(await page.isVisible(control), control).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('colour-by');
    await page.selectOption('#colour-by', 'sector');
    await page.waitForFunction(() => document.querySelector('#legend-title')?.textContent?.startsWith('Sectors'));
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#colour-by')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('display-button');
    expect(errors).toEqual([]);
  });
});

describe('touch on a phone', () => {
  it('opens a person with a tap on their dot', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto(`${baseUrl}/`);
    await waitForGraph(page);
    await settle(page);
    const graph = (await page.locator('#graph').boundingBox())!;
    // The person drawn farthest from anyone else, so the tap can only mean them.
    const { people } = await inspect(page);
    const apart = (p: { x: number; y: number }) => Math.min(...people.filter((q) => q !== p).map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
    const target = people.reduce((best, p) => (apart(p) > apart(best) ? p : best));
    const label = demo.nodes.find((n) => n.key === target.key)!.attributes.label;
    await page.touchscreen.tap(graph.x + target.x, graph.y + target.y);
    await page.waitForSelector('#panel-title');
    expect(await page.textContent('#panel-title')).toBe(label);
    expect(await page.isVisible('#panel-title')).toBe(true);
  });
});

describe('the first run', () => {
  it('shows one big Upload and the formats on an empty store, and nothing that needs a graph', async () => {
    const empty = await startDemoServer({}, { demo: false });
    try {
      for (const screen of SCREENS) {
        const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height } });
        await page.goto(`${empty.baseUrl}/`);
        await page.waitForSelector('#empty-upload', { state: 'visible' });
        expect(await page.textContent('#empty-state')).toContain('Mastodon');
        for (const hidden of ['#share-button', '#colour-by', '#refine-layout', '#graph-view'])
          expect(await page.isVisible(hidden)).toBe(false);
        await page.click('#empty-upload');
        // The upload dialog's code loads on first use.
        await page.waitForSelector('#upload-dialog input[type="file"]', { state: 'attached' });
        expect(await page.locator('#upload-dialog input[type="file"]').count()).toBe(1);
        await page.close();
      }
    } finally {
      await empty.close();
    }
  });

  it('says what this is, and helps', async () => {
    const { page } = await open(SCREENS[0]);
    expect(await page.textContent('.tagline')).toMatch(/who talks with whom/i);
    await page.click('#help-button');
    expect(await page.textContent('#help-dialog')).toContain('Bridges');
  });
});
