/**
 * Sharing in the browser: a snapshot made from the share dialog reopens the
 * same view (screenshot compared), read-only with "explore from here"; the
 * embed view has no chrome; a hostile display name shows as text.
 */
import { describe, expect, it } from 'vitest';
import { openPage, pixelDifference } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';
import { graphReady } from '../support/graph-ready.js';

const e2e = useDemoBrowser();

describe('sharing', () => {
  it('makes a snapshot link that reopens the same view, read-only', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/?colour=chat&camera=0.5,0.5,0.8`);
    await page.waitForFunction(graphReady);
    await page.waitForTimeout(800);
    const before = await page.locator('#graph').screenshot();
    const box = (await page.locator('#graph').boundingBox())!;
    const legend = await page.locator('#legend').textContent();
    await page.click('#share-button');
    // The dialog opens on Pseudonymous; a named link reopens this very view.
    await page.check('#privacy-named');
    await page.click('#share-create');
    await page.waitForSelector('#share-link');
    const link = await page.inputValue('#share-link');
    expect(link).toMatch(new RegExp(`^${e2e.baseUrl}/s/[A-Za-z0-9_-]{22}$`));
    expect(await page.inputValue('#share-embed')).toContain(`${e2e.baseUrl}/embed/`);

    const shared = await openPage(e2e.browser, link);
    await shared.page.waitForFunction(graphReady);
    await shared.page.waitForTimeout(800);
    expect(await shared.page.locator('#legend').textContent()).toBe(legend);
    expect(await shared.page.textContent('#snapshot-readonly')).toBe('Read-only: this view is fixed as it was shared.');
    expect(await shared.page.locator('#filters input').count()).toBe(0);
    // The live dataset's Chat health is not part of what was shared.
    expect(await shared.page.isVisible('#mode-health')).toBe(false);
    // Read-only: nothing that adds to a dataset.
    expect(await shared.page.locator('#collect-button').count()).toBe(1);
    expect([await shared.page.isVisible('#upload-button'), await shared.page.isVisible('#collect-button')]).toEqual([false, false]);
    expect(await shared.page.getAttribute('#explore-from-here', 'href')).toContain('colour=chat');
    // The read-only page has a banner and fewer controls: give its graph the same size before comparing pixels.
    const sharedBox = (await shared.page.locator('#graph').boundingBox())!;
    const viewport = shared.page.viewportSize()!;
    await shared.page.setViewportSize({
      width: viewport.width + Math.round(box.width - sharedBox.width),
      height: viewport.height + Math.round(box.height - sharedBox.height),
    });
    await shared.page.waitForTimeout(800);
    const after = await shared.page.locator('#graph').screenshot();
    expect(await pixelDifference(shared.page, before, after)).toBeLessThan(0.01);
    expect([...errors, ...shared.errors]).toEqual([]);
  });

  it('embeds without chrome, with a credit link back', async () => {
    const { page } = await openPage(e2e.browser, `${e2e.baseUrl}/`);
    await page.waitForFunction(graphReady);
    const created = await page.evaluate(async () => {
      const id = new URL(location.href).searchParams.get('dataset');
      const res = await fetch('/api/snapshots', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ datasetId: id, privacy: 'pseudonymous' }),
      });
      return (await res.json()) as { embedUrl: string; id: string };
    });
    const embed = await openPage(e2e.browser, `${e2e.baseUrl}${created.embedUrl}`);
    await embed.page.waitForFunction(graphReady);
    expect(await embed.page.isHidden('header.bar')).toBe(true);
    expect(await embed.page.getAttribute('#embed-credit a', 'href')).toBe(`/s/${created.id}`);
    expect(embed.errors).toEqual([]);
  });

  it('shows a hostile display name as text, never as markup', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`);
    await page.waitForFunction(graphReady);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const evil = '<img src=x onerror=alert(1)>';
    const datasetId = await page.evaluate(async (name) => {
      const csv = `author,display_name,text,time\nevil,"${name}",hi @ann #c,2024-03-14T20:00:00Z\nann,Ann,hello @evil #c,2024-03-14T20:01:00Z\n`;
      const form = new FormData();
      form.append('file', new File([csv], 'evil.csv'));
      const res = await fetch('/api/datasets', { method: 'POST', body: form });
      return ((await res.json()) as { id: string }).id;
    }, evil);
    const opened = await openPage(e2e.browser, `${e2e.baseUrl}/?dataset=${datasetId}&person=csv%3Aevil&view=table`);
    opened.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await opened.page.waitForFunction(graphReady);
    await opened.page.waitForSelector('#panel-title');
    expect(await opened.page.textContent('#panel-title')).toBe(evil);
    expect(await opened.page.locator('#people-table').textContent()).toContain(evil);
    expect(await opened.page.locator('img[src="x"]').count()).toBe(0);
    await opened.page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    expect([...errors, ...opened.errors]).toEqual([]);
  });
});
