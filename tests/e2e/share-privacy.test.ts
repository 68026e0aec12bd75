/**
 * The Share dialog's privacy choice in a real Chromium: it opens on
 * Pseudonymous, says beside each download what it will show (and the words
 * change with the mode), and the pseudonymous PNG draws no real name — its
 * labels, legend and caption come from the server's pseudonymous payload
 * alone, the selected person included.
 *
 * A PNG is pixels, so the test records the text the page draws on every 2D
 * canvas (an init script wrapping fillText): whatever the export writes,
 * labels, legend and caption, goes through it. The page's own graph (in
 * #graph) is left out of the record; everything else drawn after the click
 * is the picture.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';
import { graphReady } from '../support/graph-ready.js';

const e2e = useDemoBrowser();

declare global {
  interface Window {
    __drawnText?: { text: string; onPage: boolean }[];
  }
}

/** Records every string drawn on a 2D canvas, and whether that canvas is the page's own graph. */
function recordCanvasText(): void {
  const drawn: { text: string; onPage: boolean }[] = [];
  window.__drawnText = drawn;
  const proto = CanvasRenderingContext2D.prototype;
  for (const method of ['fillText', 'strokeText'] as const) {
    const original = proto[method];
    proto[method] = function (this: CanvasRenderingContext2D, text: string, ...rest: [number, number, number?]) {
      drawn.push({ text: String(text), onPage: this.canvas.isConnected && this.canvas.closest('#graph') !== null });
      return original.call(this, text, ...rest);
    };
  }
}

/** Opens the explorer with someone selected (the best-connected person), recording canvas text. */
async function openWithSelection(): Promise<{ page: Page; errors: string[]; names: string[]; selected: string }> {
  const list = (await (await fetch(`${e2e.baseUrl}/api/datasets`)).json()) as { datasets: { id: string }[] };
  const id = list.datasets[0]!.id;
  const graph = (await (await fetch(`${e2e.baseUrl}/api/datasets/${id}/graph`)).json()) as {
    nodes: { key: string; attributes: { label: string; handle: string; weightedDegree: number } }[];
    attributes: { meta: { chats: string[] } };
  };
  // A chat's host account is often named as the chat (@critlibchat): a chat name in the legend is no one's name.
  const chats = new Set(graph.attributes.meta.chats.map((c) => c.replace(/^#/, '').toLowerCase()));
  const names = graph.nodes
    .flatMap((n) => [n.attributes.label, n.attributes.handle])
    .filter((name) => name.length >= 4 && !chats.has(name.toLowerCase()));
  const top = [...graph.nodes].sort((a, b) => b.attributes.weightedDegree - a.attributes.weightedDegree)[0]!;
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.addInitScript(recordCanvasText);
  await page.goto(`${e2e.baseUrl}/?dataset=${id}&person=${encodeURIComponent(top.key)}`);
  await page.waitForFunction(graphReady);
  await page.waitForSelector('#panel-title');
  return { page, errors, names, selected: top.attributes.label };
}

/** Text drawn off the page's own graph since the last call (the picture's). */
async function takePictureText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__drawnText!.splice(0)
      .filter((d) => !d.onPage)
      .map((d) => d.text),
  );
}

/** Width and height of a PNG file, from its header (IHDR). */
function pngSize(file: Buffer): { width: number; height: number } {
  expect(file.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

describe('the share dialog and privacy', () => {
  it('opens on Pseudonymous and says beside each download what it shows, in words that change with the mode', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`);
    await page.waitForFunction(graphReady);
    await page.click('#share-button');
    expect(await page.isChecked('#privacy-pseudonymous')).toBe(true);
    expect(await page.isChecked('#privacy-named')).toBe(false);

    const rows = page.locator('#share-downloads li');
    const read = async () => ({
      preview: (await page.textContent('#share-preview')) ?? '',
      what: await rows.locator('.share-what').allTextContents(),
      hrefs: await rows.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
    });
    const pseudonymous = await read();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    // Every row has its own description, and every one says people are numbered, not named.
    expect(pseudonymous.what).toHaveLength(await rows.count());
    for (const text of pseudonymous.what) expect(text).toMatch(/Participant N/);
    expect(pseudonymous.what.join(' ')).toMatch(/layout of its own/);
    expect(pseudonymous.preview).toMatch(/Participant N/);
    for (const href of pseudonymous.hrefs) expect(new URL(href).searchParams.get('privacy')).toBe('pseudonymous');

    await page.check('#privacy-named');
    const named = await read();
    expect(named.what).toHaveLength(pseudonymous.what.length);
    named.what.forEach((text, i) => {
      expect(text).not.toBe(pseudonymous.what[i]);
      expect(text).not.toMatch(/Participant N/);
      expect(text).toMatch(/name/i);
    });
    expect(named.preview).toMatch(/by name/);
    for (const href of named.hrefs) expect(new URL(href).searchParams.get('privacy')).toBe('named');

    await page.check('#privacy-pseudonymous');
    expect(await read()).toEqual(pseudonymous);
    expect(errors).toEqual([]);
  });

  it('draws the pseudonymous PNG from the pseudonymous payload alone: no real name, not even the selected person', async () => {
    const { page, errors, names, selected } = await openWithSelection();
    await page.waitForTimeout(500);
    await page.click('#share-button');
    expect(await page.isChecked('#privacy-pseudonymous')).toBe(true);
    await takePictureText(page);

    // The pseudonymous payload the page asks for: the picture's labels must be its labels.
    const payloads: Promise<{ nodes: { attributes: { label: string } }[] }>[] = [];
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (
        url.pathname.endsWith('/export') &&
        url.searchParams.get('privacy') === 'pseudonymous' &&
        url.searchParams.get('format') === 'json'
      )
        payloads.push(r.json());
    });
    const download = page.waitForEvent('download', { timeout: 20_000 });
    await page.click('#share-png');
    const file = await download;
    const drawn = await takePictureText(page);

    // No real name or handle anywhere in it: labels, legend, caption.
    const everything = drawn.join('\n').toLowerCase();
    const leaks = names.filter((name) => everything.includes(name.toLowerCase()));
    expect(leaks).toEqual([]);
    expect(everything).not.toContain(selected.toLowerCase());
    expect(file.suggestedFilename()).toMatch(/pseudonymous.*\.png$/);
    const size = pngSize(fs.readFileSync((await file.path())!));
    expect(size.width).toBeGreaterThan(400);
    expect(size.height).toBeGreaterThan(300);

    // The record works (the picture drew labels and a legend), and every label is one of the payload's.
    expect(payloads).toHaveLength(1);
    const pseudonyms = new Set((await payloads[0]!).nodes.map((n) => n.attributes.label));
    const labels = drawn.filter((t) => /^Participant \d+$/.test(t));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(pseudonyms).toContain(label);
    expect(drawn.some((t) => /^Communities \(\d+\)$/.test(t))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('keeps the named PNG as shown, names and the selected person included', async () => {
    const { page, errors, selected } = await openWithSelection();
    await page.waitForTimeout(500);
    await page.click('#share-button');
    await page.check('#privacy-named');
    await takePictureText(page);
    let pseudonymousAsked = false;
    page.on('request', (r) => {
      if (new URL(r.url()).searchParams.get('privacy') === 'pseudonymous') pseudonymousAsked = true;
    });
    const download = page.waitForEvent('download', { timeout: 20_000 });
    await page.click('#share-png');
    const file = await download;
    expect(file.suggestedFilename()).toBe('chat-atlas-view.png');
    pngSize(fs.readFileSync((await file.path())!));
    const drawn = await takePictureText(page);
    expect(drawn).toContain(selected);
    expect(pseudonymousAsked).toBe(false);
    expect(errors).toEqual([]);
  });
});
