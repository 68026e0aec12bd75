/**
 * Community labels in the page (issue 19, item 3), on the demo at three
 * screens: the legend names each community by its label, the canvas draws
 * the largest communities' canvas names (chat and first term) at their
 * centres when zoomed out, and the community's panel is titled by it and
 * lists its distinctive terms and stability. On a real mix where one chat
 * (an #ubuntu IRC day) has most communities, the canvas writes that chat
 * once above them and leaves it out of their names. SCREENSHOT_DIR=/tmp/…
 * keeps a picture of each screen to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shorterNames } from '../../client/sigma/canvas-names.js';
import { GraphPayloadSchema } from '../../shared/index.js';
import { drawnText, overlappingPairs, RECORD_CANVAS_TEXT } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';
import { waitForGraph } from '../support/graph-ready.js';
import { REAL_MIX as MIX } from '../support/real-mix.js';

const demo = useDemoBrowser();

const SCREENS = [
  { name: 'wide', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('community labels in the explorer', () => {
  for (const screen of SCREENS) {
    it(`${screen.width}×${screen.height}: legend, canvas and panel name communities by their labels`, async () => {
      const list = (await (await fetch(`${demo.baseUrl}/api/datasets`)).json()) as { datasets: { id: string }[] };
      const payload = GraphPayloadSchema.parse(await (await fetch(`${demo.baseUrl}/api/datasets/${list.datasets[0]!.id}/graph`)).json());
      const communities = payload.attributes.meta.communities;
      expect(communities.every((c) => c.label && c.terms.length > 0)).toBe(true);

      const page = await demo.browser.newPage({ viewport: { width: screen.width, height: screen.height } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(RECORD_CANVAS_TEXT);
      await page.goto(demo.baseUrl);
      await waitForGraph(page);
      await page.waitForTimeout(900);

      const legend = await page.locator('#legend .legend-label').allTextContents();
      for (const c of communities) expect(legend).toContain(`${c.id + 1}. ${c.label}`);

      // Zoomed out on load: the largest communities' canvas names at their centres (each chat and its first term).
      const drawn = (await drawnText(page, '#graph .sigma-atlasCommunityLabels')).map((b) => b.text);
      expect(communities.map((c) => c.canvasLabel)).toContain('#k12libchat · reluctant readers');
      expect(drawn.length).toBeGreaterThanOrEqual(screen.width > 1100 ? 3 : 1);
      // Each drawn name is a canvas name, or a shorter form of it where that does not fit.
      for (const text of drawn) expect(communities.flatMap((c) => shorterNames(c.canvasLabel!))).toContain(text);
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `labels-${screen.name}.png`) });

      if (screen.width <= 1100 && (await page.getAttribute('#open-details', 'aria-expanded')) !== 'true') await page.click('#open-details');
      await page.locator('#legend .legend-open').first().click();
      await page.waitForSelector('#panel-title');
      expect(await page.textContent('#panel-title')).toBe(communities[0]!.label);
      const panel = (await page.textContent('#panel'))!;
      expect(panel).toContain('Distinctive terms');
      expect(panel).toContain(communities[0]!.terms[0]!.term);
      expect(panel).toMatch(/Stability\d+ % alike under 4 other seeds/);
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `panel-${screen.name}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }, 90_000);
  }
});

const REAL = new URL('../fixtures/real/', import.meta.url).pathname;

describe('community names on the canvas of a real mix where one chat dominates', () => {
  for (const screen of [SCREENS[0], SCREENS[2]]) {
    it(`${screen.width}×${screen.height}: the shared chat is written once, above its communities, and left out of their names`, async () => {
      const form = new FormData();
      form.append('name', `Real mix ${screen.name}`);
      for (const file of MIX) form.append('file', new Blob([fs.readFileSync(REAL + file)]), file.split('/').pop()!);
      const created = await fetch(`${demo.baseUrl}/api/datasets`, { method: 'POST', body: form });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const payload = GraphPayloadSchema.parse(await (await fetch(`${demo.baseUrl}/api/datasets/${id}/graph`)).json());
      const communities = payload.attributes.meta.communities;
      expect(communities.filter((c) => c.canvasOmitsChat === 'irc log 19 dec 2016')).toHaveLength(10);

      const page = await demo.browser.newPage({ viewport: { width: screen.width, height: screen.height } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(RECORD_CANVAS_TEXT);
      await page.goto(`${demo.baseUrl}/?dataset=${id}`);
      await waitForGraph(page, 60_000);
      await page.waitForTimeout(900);
      const boxes = await drawnText(page, '#graph .sigma-atlasCommunityLabels');
      const drawn = boxes.map((b) => b.text);
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `mix-labels-${screen.name}.png`) });
      // The chat once, and in no community's name; the other communities' names as the server gave them (or shorter).
      expect(drawn.filter((t) => t.includes('irc log'))).toEqual(['irc log 19 dec 2016']);
      const names = communities.flatMap((c) => shorterNames(c.canvasLabel!));
      for (const text of drawn.filter((t) => t !== 'irc log 19 dec 2016')) expect(names).toContain(text);
      // At least one of the #ubuntu day's communities is named beside it, and a small chat keeps its own name.
      const irc = communities.filter((c) => c.canvasOmitsChat).flatMap((c) => shorterNames(c.canvasLabel!));
      expect(drawn.some((t) => irc.includes(t))).toBe(true);
      expect(drawn.some((t) => t.startsWith('#docnowcommunity'))).toBe(true);
      // The chat is drawn above the names of its communities (or below them all where there is no room above).
      const middle = (b: { y0: number; y1: number }) => (b.y0 + b.y1) / 2;
      const title = boxes.find((b) => b.text === 'irc log 19 dec 2016')!;
      const named = boxes.filter((b) => irc.includes(b.text));
      expect(named.every((b) => middle(b) > middle(title)) || named.every((b) => middle(b) < middle(title))).toBe(true);
      expect(overlappingPairs(boxes)).toEqual([]);
      // The legend keeps whole labels, the shared chat in a quieter colour (the tenth, CarlFK's pair, is the chat alone).
      const legend = await page.locator('#legend .legend-label').allTextContents();
      for (const c of communities) expect(legend).toContain(`${c.id + 1}. ${c.label}`);
      expect(await page.locator('#legend .legend-lead').allTextContents()).toEqual(Array(9).fill('irc log 19 dec 2016 · '));
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
