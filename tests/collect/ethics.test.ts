/** Each opt-out an account can state leaves it out; an account that stated none (or an older server) stays. */
import { describe, expect, it } from 'vitest';
import { blueskyOptOut, mastodonOptOut } from '../../server/collect/ethics.js';
import { blueskyPosts, mastodonStatuses } from '../support/replay-server.js';

const account = mastodonStatuses()[0]!.account as Record<string, unknown>;

describe('Mastodon accounts', () => {
  it('keeps a real account that stated nothing (2017: no discoverable or indexable field)', () => {
    expect([account.discoverable, account.indexable, mastodonOptOut(account)]).toEqual([undefined, undefined, undefined]);
  });
  it.each([
    [{ discoverable: false }, 'discoverable: false'],
    [{ indexable: false }, 'indexable: false'],
    [{ note: '<p>Librarian. <a href="https://x.y/tags/nobot" class="mention hashtag">#<span>nobot</span></a></p>' }, '#nobot in the bio'],
    [{ note: '<p>Archivist #NoIndex</p>' }, '#noindex in the bio'],
  ])('leaves out %j', (fields, reason) => expect(mastodonOptOut({ ...account, ...fields })).toBe(reason));
  it.each([[{ discoverable: true, indexable: true }], [{ note: '<p>I build #nobots… and #nobotany</p>' }], [{ discoverable: null }]])(
    'keeps %j',
    (fields) => expect(mastodonOptOut({ ...account, ...fields })).toBeUndefined(),
  );
});

describe('Bluesky accounts', () => {
  const posts = blueskyPosts();
  it("leaves out the real sample's account labelled !no-unauthenticated, and only it", () => {
    const out = posts.filter((p) => blueskyOptOut(p.author) !== undefined).map((p) => p.author.handle);
    expect(out).toEqual(['jonnypants.bsky.social']);
  });
  it('leaves out a bio with #noindex or #nobot, from the profile when the post gives none', () => {
    const author = posts[0]!.author;
    expect(blueskyOptOut(author, { description: 'Poet #noindex' })).toBe('#noindex in the bio');
    expect(blueskyOptOut({ ...author, description: '#nobot' })).toBe('#nobot in the bio');
    expect(blueskyOptOut(author, { labels: [{ val: '!no-unauthenticated' }] })).toBe('!no-unauthenticated label');
    expect(blueskyOptOut(author, { description: 'Reference librarian' })).toBeUndefined();
  });
});
