/**
 * "Meet beyond your context" in the page (issue 20): each suggestion links to
 * the person's profile on their platform and quotes what they said.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.js';
import { useDemoBrowser } from '../support/demo-browser.js';

const e2e = useDemoBrowser();

describe('peers in the person panel', () => {
  it('links Priya Reyes’s first suggestion, Keisha Kelly, to her profile and quotes her', async () => {
    const { page, errors } = await openPage(e2e.browser, `${e2e.baseUrl}/?person=${encodeURIComponent('twitter:preyes')}`);
    await page.waitForSelector('#peers ol.peers li', { timeout: 60_000 });
    const first = page.locator('#peers ol.peers > li').first();
    expect(await first.locator(':scope > button.link').textContent()).toBe('Keisha Kelly');
    const profile = first.locator('a[target="_blank"]');
    expect(await profile.getAttribute('href')).toBe('https://x.com/keishakelly');
    expect(await profile.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await first.locator('blockquote.peer-said').textContent()).toMatch(/^“.+” #critlibchat, \d{4}-\d{2}-\d{2}$/);
    // The day replays the session it was said in.
    expect(await first.locator('blockquote.peer-said button').getAttribute('aria-label')).toMatch(
      /^#critlibchat, \d{4}-\d{2}-\d{2}: replay the session where Keisha Kelly said this$/,
    );
    expect(errors).toEqual([]);
  }, 90_000);
});
