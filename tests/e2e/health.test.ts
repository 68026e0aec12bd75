/**
 * The organiser's task in the Chat health view, by keyboard alone: "which
 * of tonight's questions got fewest answers, and did last month's newcomers
 * return?" — on the demo, one chat picked, its newest session opened, then
 * the one before (the demo's chats meet monthly). Charts drawn with their
 * tables, axe clean. Tonight's report is shared, by keyboard too, and its
 * link opens it read-only with the same figures.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HealthSeries, SessionHealth, SessionList } from '../../shared/index.js';
import { seriousViolations } from '../support/axe.js';
import { openPage, paintedShare } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';

const ctx = useDemoBrowser();
const CHAT = '#medlibsuk';

/** Presses Tab until the focused element matches `selector` (at most `limit` presses). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Shift+Tab until the focused element matches `selector`. */
async function tabBackTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Shift+Tab never reached ${selector}`);
}

const apiJson = <T>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

describe('chat health view', () => {
  it('answers the organiser’s question by keyboard alone, with charts, tables and no serious axe violations', async () => {
    const { page, errors } = await openPage(ctx.browser, ctx.baseUrl, { viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.waitForSelector('#mode-health');
    await tabTo(page, '#mode-health');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.health-sessions', { timeout: 120_000 });

    // Pick the chat with the arrow keys.
    await tabTo(page, '#health-chat');
    for (let i = 0; i < 10 && (await page.inputValue('#health-chat')) !== CHAT; i++) await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#health-chat')).toBe(CHAT);
    await page.waitForFunction(
      (chat) =>
        document.querySelector('.health-sessions caption') &&
        [...document.querySelectorAll('.health-sessions tbody td[data-label="Chat"]')].every((td) => td.textContent === chat),
      CHAT,
      { timeout: 120_000 },
    );

    const dataset = await page.inputValue('#dataset-picker');
    const list = await apiJson<SessionList>(page, `/api/datasets/${dataset}/sessions?chats=${encodeURIComponent(CHAT)}`);
    const [tonight, lastMonth] = [...list.sessions].reverse();

    // Charts drawn (something painted on each canvas), each with its table and summary; the matrices too.
    const charts = ['chart-people', 'chart-returns', 'chart-sectors', 'chart-regions', 'chart-mixing-sector', 'chart-mixing-region'];
    expect(await page.locator('.health-chart canvas').count()).toBe(charts.length);
    for (const id of charts) {
      expect(await paintedShare(page, `#${id} canvas`)).toBeGreaterThan(0.01);
      expect(await page.locator(`#${id} table tbody tr`).count()).toBeGreaterThan(0);
      expect((await page.locator(`#${id} .chart-summary`).textContent())!.length).toBeGreaterThan(20);
      expect(await page.locator(`#${id} canvas`).getAttribute('aria-label')).toContain('.');
    }
    expect(await page.locator('.matrix').count()).toBe(2);
    // A matrix's table is the matrix: as many rows as groups, as the series API gives them (ten at most).
    const series = await apiJson<HealthSeries>(page, `/api/datasets/${dataset}/health?chats=${encodeURIComponent(CHAT)}`);
    expect(await page.locator('#chart-mixing-sector table tbody tr').count()).toBe(Math.min(10, series.mixing.sector.groups.length));
    expect(await page.locator('#chart-mixing-sector .chart-summary').textContent()).toContain(`${series.mixing.sector.ties} ties`);
    expect(await page.locator('#chart-people table tbody tr').count()).toBe(list.sessions.length);
    expect(await seriousViolations(page, '#health-view')).toEqual([]);

    // Tonight: the newest session, first in the list.
    await tabTo(page, `[data-focus="session:${tonight!.id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.session-report');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-report-title');
    const tonightFull = await apiJson<SessionHealth>(page, `/api/datasets/${dataset}/sessions/${encodeURIComponent(tonight!.id)}`);
    const fewest = Math.min(...tonightFull.questions.map((q) => q.answerers));
    const fewestQs = tonightFull.questions.filter((q) => q.answerers === fewest).map((q) => `Q${q.number}`);
    expect(await page.locator('.verdict').textContent()).toContain(`Fewest answers: ${fewestQs.join(', ')} (${fewest} people)`);
    const rows = await page.locator('.report-questions tbody tr').allTextContents();
    expect(rows).toHaveLength(tonightFull.questions.length);
    expect(await seriousViolations(page, '#health-view')).toEqual([]);

    // Share tonight's report: open the disclosure, keep "Pseudonymous", create the link.
    await tabTo(page, '.report-share summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '#report-share-create');
    expect(await page.isChecked('#report-privacy-pseudonymous')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#report-share-link');
    const link = await page.inputValue('#report-share-link');
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
    expect(await seriousViolations(page, '#health-view')).toEqual([]);

    // The link: tonight's report, read-only, its figures as shared, its people as "Participant N".
    const shared = await openPage(ctx.browser, link, { viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await shared.page.waitForSelector('.session-report .verdict', { timeout: 60_000 });
    expect(await shared.page.locator('.verdict').textContent()).toBe(await page.locator('.verdict').textContent());
    expect(await shared.page.locator('.report-questions tbody tr').count()).toBe(tonightFull.questions.length);
    expect(await shared.page.locator('#report-shared-note').textContent()).toMatch(/^Shared report, read-only/);
    const names = await shared.page.locator('.report-first-timers tbody th').allTextContents();
    expect(names).toHaveLength(tonightFull.firstTimers.length);
    for (const name of names) expect(name).toMatch(/^Participant \d+$/);
    expect(await shared.page.locator('text=Back to all sessions').count()).toBe(0);
    expect(await seriousViolations(shared.page, '#health-view')).toEqual([]);
    expect(shared.errors).toEqual([]);
    await shared.page.close();

    // Back to the list (focus returns to tonight's row), then last month's session.
    await tabBackTo(page, '.report-actions button:first-child');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.health-sessions');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe(`session:${tonight!.id}`);
    await tabTo(page, `[data-focus="session:${lastMonth!.id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.session-report');
    const last = await apiJson<SessionHealth>(page, `/api/datasets/${dataset}/sessions/${encodeURIComponent(lastMonth!.id)}`);
    expect(last.firstTimers.length).toBeGreaterThan(0);
    const shown = await page
      .locator('.report-first-timers tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelectorAll('td')[1]!.textContent]));
    expect(shown).toEqual(last.firstTimers.map((f) => [f.person.name, f.cameBack ? 'yes' : expect.stringMatching(/^no|^not known/)]));
    // Last month's newcomers had one session after, tonight's: the answer the page gives.
    expect(last.firstTimers.every((f) => f.sessionsAfter === 1)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
