/**
 * A table whose columns Chat Atlas does not know, mapped in the page (issue 18):
 * the real #eaw18 Hydrator tweets (tests/fixtures/real/hydrator-csv, SOURCES
 * row 41) with their columns renamed as someone tidying a spreadsheet would
 * (`Posted`, `Account`, `Tweet`, `Replying to`, `About`, `Where`…), in two
 * halves. The first half is uploaded, answered 422 `needs_mapping`, mapped in
 * the dialog (its guesses are the server's; two are corrected) and read; its
 * graph shows. The second half, added to that dataset, is read with the
 * remembered columns without asking. Screenshots of the dialog at three
 * sizes are written to E2E_SHOTS (default /tmp/chat-atlas-shots/table-mapping).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DatasetListSchema, GraphPayloadSchema, NeedsMappingDetailsSchema, ApiErrorSchema } from '../../shared/index.js';
import { seriousViolations } from '../support/axe.js';
import { openPage } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';

const e2e = useDemoBrowser();
const SHOTS = process.env.E2E_SHOTS ?? '/tmp/chat-atlas-shots/table-mapping';

const real = fs.readFileSync(new URL('../fixtures/real/hydrator-csv/eaw18-2018-03-20.csv', import.meta.url), 'utf8');
const RENAMED: Record<string, string> = {
  created_at: 'Posted',
  text: 'Tweet',
  in_reply_to_screen_name: 'Replying to',
  user_description: 'About',
  user_location: 'Where',
  user_name: 'Full name',
};
const headerEnd = real.indexOf('\n');
let screenNames = 0;
const header = real
  .slice(0, headerEnd)
  .split(',')
  .map((c) => (c === 'user_screen_name' ? (screenNames++ === 0 ? 'Account' : 'Handle') : (RENAMED[c] ?? c)))
  .join(',');
// Every record of this day starts with an empty coordinates cell and its date: halves split between records.
const records = real.slice(headerEnd + 1).split(/\n(?=,Tue Mar 20 )/);
const half = (rows: string[], name: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${header}\n${rows.join('\n')}`),
});
const first = half(records.slice(0, 26), 'eaw18-morning.csv');
const second = half(records.slice(26), 'eaw18-evening.csv');

const peopleShown = async (page: Page) => Number(/^(\d+) people/.exec((await page.textContent('#summary')) ?? '')?.[1]);

async function serverAnswer(): Promise<unknown> {
  const form = new FormData();
  form.append('file', new Blob([first.buffer]), first.name);
  const response = await fetch(`${e2e.baseUrl}/api/datasets`, { method: 'POST', body: form });
  expect(response.status).toBe(422);
  return ApiErrorSchema.parse(await response.json()).error.details;
}

describe('a table with unknown columns, mapped in the upload dialog', () => {
  it('asks which column is which, reads it with the columns chosen, and reads a second table of the dataset without asking', async () => {
    expect(records).toHaveLength(51);
    const details = NeedsMappingDetailsSchema.parse(await serverAnswer());
    expect(details.missing).toEqual(['author', 'text', 'time']);
    expect(details.guesses).toMatchObject({ time: 'Posted', text: 'Tweet', bio: 'About', name: 'Full name', location: 'Where' });

    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/`, { viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.waitForFunction(() => /^\d+ people/.test(document.querySelector('#summary')?.textContent ?? ''), null, { timeout: 60_000 });
    await page.click('#upload-button');
    await page.setInputFiles('#upload-files', first);
    await page.fill('#upload-name', '#eaw18 mapped');
    await page.click('#upload-submit');
    await page.waitForSelector('#mapping-form', { timeout: 60_000 });

    // The preview: the header and five real rows.
    expect(await page.locator('.mapping-preview thead th').allTextContents()).toEqual(header.split(','));
    expect(await page.locator('.mapping-preview tbody tr').count()).toBe(5);
    expect(await page.textContent('#upload-message')).toBe(
      'eaw18-morning.csv: its columns are not ones Chat Atlas knows. Choose them below.',
    );
    // Every role of the API's mapping has a select, preset to the server's guess.
    for (const [role, column] of Object.entries(details.guesses)) expect(await page.inputValue(`#mapping-${role}`), role).toBe(column);
    expect(await page.locator('#mapping-form select').count()).toBe(19);
    // Focus is on the first role to choose; the times carry their offset, and the hint says so.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mapping-author');
    expect(await page.textContent('#mapping-timezone-hint')).toBe(
      'The times in “Posted” carry their offset (Tue Mar 20 15:47:54 +0000 2018), so they are read as written.',
    );

    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SHOTS, `mapping-${width}x${height}.png`) });
      await page.locator('#mapping-submit').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `mapping-${width}x${height}-end.png`) });
      await page.focus('#mapping-author');
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await seriousViolations(page, '#upload-dialog')).toEqual([]);

    // Errors in plain words: no author chosen.
    await page.selectOption('#mapping-author', '');
    await page.click('#mapping-submit');
    expect(await page.textContent('#mapping-error')).toBe('Choose the column that holds “who wrote it”.');
    await page.screenshot({ path: path.join(SHOTS, 'mapping-error-1440x900.png') });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mapping-author');
    expect(await page.getAttribute('#mapping-author', 'aria-invalid')).toBe('true');
    // Keyboard: the author by typing its name on the focused select, the submit by Enter.
    await page.keyboard.type('Acc');
    expect(await page.inputValue('#mapping-author')).toBe('Account');
    await page.selectOption('#mapping-to', 'Replying to');
    await page.focus('#mapping-submit');
    await page.keyboard.press('Enter');

    await page.waitForSelector('#upload-results', { timeout: 60_000 });
    expect(await page.textContent('#upload-results')).toBe('eaw18-morning.csv: read as csv, 26 messages');
    expect(await page.textContent('#upload-mapping-used')).toContain('author = Account');
    await page.screenshot({ path: path.join(SHOTS, 'read-1440x900.png') });
    await page.click('#upload-open');

    // The dataset remembers the columns; its graph is on screen.
    const list = DatasetListSchema.parse(await (await fetch(`${e2e.baseUrl}/api/datasets`)).json());
    const dataset = list.datasets.find((d) => d.name === '#eaw18 mapped')!;
    expect(dataset.mapping).toMatchObject({ author: 'Account', text: 'Tweet', time: 'Posted', to: 'Replying to', location: 'Where' });
    expect(dataset.counts.messages).toBe(26);
    const graphOf = async () =>
      GraphPayloadSchema.parse(await (await fetch(`${e2e.baseUrl}/api/datasets/${dataset.id}/graph`)).json()).nodes.length;
    const morning = await graphOf();
    await page.waitForFunction((n) => document.querySelector('#summary')?.textContent?.startsWith(`${n} people`), morning, {
      timeout: 60_000,
    });
    expect(await page.locator('#dataset-picker option:checked').textContent()).toBe(`#eaw18 mapped (${dataset.counts.people} people)`);

    // The second half, added to the dataset on screen: read with the remembered columns, no dialog.
    await page.click('#upload-button');
    await page.check('#upload-target-add');
    expect(await page.isDisabled('#upload-name')).toBe(true);
    await page.setInputFiles('#upload-files', second);
    await page.click('#upload-submit');
    await page.waitForSelector('#upload-results', { timeout: 60_000 });
    expect(await page.locator('#mapping-form').count()).toBe(0);
    expect(await page.textContent('#upload-results')).toBe('eaw18-evening.csv: read as csv, 25 messages');
    expect(await page.textContent('#upload-message')).toContain('Added to “#eaw18 mapped”: now 51 messages');
    await page.click('#upload-open');
    const whole = await graphOf();
    expect(whole).toBeGreaterThan(morning);
    await page.waitForFunction((n) => document.querySelector('#summary')?.textContent?.startsWith(`${n} people`), whole, {
      timeout: 60_000,
    });
    // Profiles came from the columns chosen: the bio from `About`, the location from `Where`.
    const vicky = (await (
      await fetch(`${e2e.baseUrl}/api/datasets/${dataset.id}/people/${encodeURIComponent('csv:vickysteeves')}`)
    ).json()) as { profile: { bio?: string; location?: string } };
    expect(vicky.profile).toMatchObject({ location: 'Brooklyn, NY', bio: expect.stringMatching(/^RDM & #Reproducibility @ NYU/) });
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SHOTS, `graph-${width}x${height}.png`) });
    }
    expect(errors).toEqual([]);
  }, 180_000);
});
