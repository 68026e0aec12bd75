/**
 * When a page's graph can be used: its summary names people and ties and
 * `main` is no longer busy. The summary alone is not enough — the first
 * picture writes it before the graph is parsed, before sigma, the legend,
 * the panels and the keyboard exist (client/app/load-graph.ts clears
 * aria-busy only once they do).
 */
import type { Page } from 'playwright-core';

/** For page.waitForFunction (serialised into the page, so it reads nothing from here). */
export const graphReady = (): boolean =>
  /\d+ people, \d+ ties/.test(document.querySelector('#summary')?.textContent ?? '') &&
  document.querySelector('main')?.getAttribute('aria-busy') === 'false';

/** Waits for graphReady; `timeout` as Playwright's (the whole suite on two cores can take tens of seconds for a first graph). */
export async function waitForGraph(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(graphReady, null, { timeout });
}
