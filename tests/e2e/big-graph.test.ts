/**
 * A big graph in the page (past 20k ties): only the strongest 30k ties are
 * drawn and the summary says so; hovering someone draws their ties on the
 * page's own overlay canvas (the graph is not repainted) and moving off
 * clears it; selecting still works; no page or console error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatSpecs, generateChatHistory, writeTwitterJsonl } from '../../data/generator/index.js';
import { GraphPayloadSchema } from '../../shared/index.js';
import { launchBrowser, openPage } from '../support/browser.js';
import { startDemoServer } from '../support/e2e-server.js';
import { waitForGraph } from '../support/graph-ready.js';

let browser: Browser;
let baseUrl = '';
let datasetId = '';
let ties = 0;
let hub = { key: '', handle: '', label: '' };
let close: () => Promise<void>;

beforeAll(async () => {
  const server = await startDemoServer();
  baseUrl = server.baseUrl;
  // The bench's S: six demo chats at three times the people, five months (≈1k people, ≈67k ties).
  const specs = chatSpecs(6).map(({ instance: _i, remoteInstances: _r, ...chat }) => ({ ...chat, platform: 'twitter' as const }));
  const model = generateChatHistory({ seed: 1, chats: specs, scale: 3, months: 5 });
  const form = new FormData();
  form.set('name', 'big');
  for (const chat of model.chats)
    form.append('file', new Blob([writeTwitterJsonl(model, [chat.hashtag])]), `${chat.hashtag.slice(1)}.jsonl`);
  const created = (await (await fetch(`${baseUrl}/api/datasets`, { method: 'POST', body: form })).json()) as { id: string };
  datasetId = created.id;
  const payload = GraphPayloadSchema.parse(await (await fetch(`${baseUrl}/api/datasets/${datasetId}/graph`)).json());
  ties = payload.edges.length;
  const top = [...payload.nodes].sort((a, b) => b.attributes.size - a.attributes.size)[0]!;
  hub = { key: top.key, handle: top.attributes.handle, label: top.attributes.label };
  browser = await launchBrowser();
  close = async () => {
    await browser.close();
    await server.close();
  };
}, 180_000);

afterAll(async () => close?.());

/** Painted pixels of the hover-ties canvas (a 2D canvas the page owns, so it can be read). */
const overlayPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.sigma-atlasHoverTies');
    if (!canvas) return -1;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });

describe('a big graph', () => {
  it('draws the strongest ties, says so, and shows a hovered person’s ties on the overlay', async () => {
    expect(ties).toBeGreaterThan(40_000);
    const { page, errors } = await openPage(browser, `${baseUrl}/?dataset=${datasetId}`);
    // Not the first picture's summary alone: the overlay for hovered ties comes with the renderer, after ~67k ties are parsed.
    await waitForGraph(page, 60_000);
    const summary = (await page.textContent('#summary'))!;
    const drawn = Number(/drawing the (\d+) strongest/.exec(summary)?.[1]);
    expect(summary).toContain(`${ties} ties`);
    expect(drawn).toBeGreaterThanOrEqual(30_000);
    expect(drawn).toBeLessThan(ties);
    expect(await overlayPixels(page)).toBe(0);

    // Sweep the pointer until it enters someone: their ties appear on the overlay.
    const box = (await page.locator('#graph').boundingBox())!;
    let painted = 0;
    for (let i = 0; i < 400 && painted === 0; i++) {
      await page.mouse.move(
        box.x + box.width * (0.2 + (0.6 * ((i * 37) % 100)) / 100),
        box.y + box.height * (0.2 + (0.6 * ((i * 61) % 100)) / 100),
      );
      painted = await overlayPixels(page);
    }
    expect(painted).toBeGreaterThan(50);
    // A corner holds no one: leaving clears the overlay.
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.waitForFunction(
      () => {
        const c = document.querySelector<HTMLCanvasElement>('canvas.sigma-atlasHoverTies')!;
        return !c
          .getContext('2d')!
          .getImageData(0, 0, c.width, c.height)
          .data.some((v, i) => i % 4 === 3 && v > 0);
      },
      null,
      { timeout: 5_000 },
    );

    // Selecting by search still opens the person's panel.
    await page.fill('#search', hub.handle);
    await page.press('#search', 'Enter');
    await page.waitForSelector('#panel-title');
    expect(await page.textContent('#panel-title')).toBe(hub.label);
    expect(new URL(page.url()).searchParams.get('person')).toBe(hub.key);
    expect(errors).toEqual([]);
  });
});
