/**
 * Community labels in the page (issue 19, item 3), on the demo at three
 * screens: the legend names each community by its label, the canvas draws
 * the largest communities' labels (chat and first term) at their centres
 * when zoomed out, and the community's panel is titled by it and lists its
 * distinctive terms and stability. SCREENSHOT_DIR=/tmp/… keeps a picture of
 * each screen to look at.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { drawnText, RECORD_CANVAS_TEXT } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';

const demo = useDemoBrowser();

/** What the canvas draws of a label: its chat and first term (client/sigma/labels-layer.ts; the client is typed apart). */
const canvasName = (label: string) => {
  const [first, second] = label.split(' · ');
  return second ? `${first} · ${second.split(', ')[0]}` : first!;
};

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
      await page.waitForFunction(() => /^\d+ people, \d+ ties/.test(document.querySelector('#summary')?.textContent ?? ''), null, {
        timeout: 30_000,
      });
      await page.waitForTimeout(900);

      const legend = await page.locator('#legend .legend-label').allTextContents();
      for (const c of communities) expect(legend).toContain(`${c.id + 1}. ${c.label}`);

      // Zoomed out on load: the largest communities' names at their centres, cut to two parts.
      const drawn = (await drawnText(page, '#graph .sigma-atlasCommunityLabels')).map((b) => b.text);
      const short = communities.map((c) => canvasName(c.label!));
      expect(drawn.length).toBeGreaterThanOrEqual(screen.width > 1100 ? 3 : 1);
      // Each drawn name is a label as the canvas shortens it, or its first part where that does not fit.
      for (const text of drawn) expect([...short, ...short.map((x) => x.split(' · ')[0]!)]).toContain(text);
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
