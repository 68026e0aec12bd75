/**
 * The first picture (issue 21, item 7): the page's first graph is drawn as
 * dots from its JSON before sigma exists, with the summary line already
 * written, and the picture goes once sigma has drawn. Timing is the bench's
 * (bench/browser.ts); this checks the order and that the picture has ink.
 */
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../support/demo-browser.js';

const e2e = useDemoBrowser();

/** Runs before the page's scripts: notes each canvas added or removed, and the first picture's painted pixels. */
const WATCH_CANVASES = `(() => {
  window.__canvases = [];
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.tagName !== 'CANVAS') continue;
        const entry = { added: n.className, summary: document.querySelector('#summary')?.textContent ?? '' };
        if (n.className === 'first-picture') {
          const data = n.getContext('2d').getImageData(0, 0, n.width, n.height).data;
          let inked = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
          entry.inked = inked;
        }
        window.__canvases.push(entry);
      }
      for (const n of r.removedNodes) if (n.tagName === 'CANVAS') window.__canvases.push({ removed: n.className });
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

interface Seen {
  added?: string;
  removed?: string;
  summary?: string;
  inked?: number;
}

describe('the first picture', () => {
  it('draws the people before sigma, with the summary, and leaves once sigma has drawn', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript({ content: WATCH_CANVASES });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/`);
    await page.waitForFunction(
      () => (window as unknown as { __canvases: Seen[] }).__canvases.some((c) => c.removed === 'first-picture'),
      null,
      {
        timeout: 30_000,
      },
    );
    const seen = await page.evaluate(() => (window as unknown as { __canvases: Seen[] }).__canvases);
    const picture = seen.findIndex((c) => c.added === 'first-picture');
    const sigma = seen.findIndex((c) => c.added === 'sigma-nodes');
    const gone = seen.findIndex((c) => c.removed === 'first-picture');
    expect(picture).toBeGreaterThanOrEqual(0);
    expect(picture).toBeLessThan(sigma);
    expect(gone).toBeGreaterThan(sigma);
    // Every person is a dot of at least a pixel; the demo's 357 people ink far more than 357 pixels.
    expect(seen[picture]!.inked).toBeGreaterThan(1000);
    expect(seen[picture]!.summary).toMatch(/^\d+ people, \d+ ties/);
    expect(await page.locator('canvas.first-picture').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
