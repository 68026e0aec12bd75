/**
 * The page in a real headless Chromium: it opens the demo dataset and draws
 * its graph, with no page or console error.
 */
import { describe, expect, it } from 'vitest';
import { openPage, paintedShare } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';
import { waitForGraph } from '../support/graph-ready.js';

const e2e = useDemoBrowser();

describe('first view', () => {
  it('opens the demo dataset and draws its graph', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`);
    await waitForGraph(page);
    const summary = await page.textContent('#summary');
    expect(summary).toMatch(/^\d{3,} people, \d{3,} ties, \d+ communities/);
    await page.waitForTimeout(500);
    const share = await paintedShare(page, '#graph', [250, 250, 250]);
    expect(share).toBeGreaterThan(0.02);
    expect(await page.locator('#legend li').count()).toBe(6);
    expect(new URL(page.url()).searchParams.get('dataset')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(errors).toEqual([]);
  });

  it('stays busy (main aria-busy) until the graph can be used: sigma, the legend and the panels are up when it ends', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    // What the page holds at each change of main's aria-busy, recorded in the page as it happens.
    await page.addInitScript({
      content: `window.__busy = [];
        new MutationObserver(() => {
          const main = document.querySelector('main');
          const value = main?.getAttribute('aria-busy');
          if (!main || value === null || value === window.__busy.at(-1)?.value) return;
          window.__busy.push({
            value,
            sigma: !!document.querySelector('#graph canvas.sigma-nodes'),
            legend: !!document.querySelector('#legend-title'),
            status: document.querySelector('#status')?.textContent ?? '',
          });
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });`,
    });
    await page.goto(`${e2e.baseUrl}/`);
    await waitForGraph(page);
    const changes = await page.evaluate(() => (window as unknown as { __busy: { value: string }[] }).__busy);
    expect(changes[0]).toMatchObject({ value: 'true', sigma: false, legend: false, status: 'Loading the graph…' });
    expect(changes.at(-1)).toEqual({ value: 'false', sigma: true, legend: true, status: '' });
    await page.close();
  });

  it('opens the dataset named in the URL', async () => {
    const list = (await (await fetch(`${e2e.baseUrl}/api/datasets`)).json()) as { datasets: { id: string; name: string }[] };
    const demo = list.datasets[0]!;
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/?dataset=${demo.id}`);
    await page.waitForFunction(() => /ties/.test(document.querySelector('#summary')?.textContent ?? ''), null, { timeout: 30_000 });
    expect(await page.inputValue('#dataset-picker')).toBe(demo.id);
    expect(errors).toEqual([]);
  });
});
