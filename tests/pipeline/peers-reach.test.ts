import { describe, expect, it } from 'vitest';
import { excerpt, profileUrl } from '../../server/pipeline/peers/reach.js';
import { regionName } from '../../server/pipeline/peers/reasons.js';

describe('reaching a peer', () => {
  it('links a profile on X, Mastodon and Bluesky, and nowhere else', () => {
    expect(profileUrl('twitter:keishakelly', 'KeishaKelly')).toBe('https://x.com/KeishaKelly');
    expect(profileUrl('mastodon:archnikhil@mastodon.example', 'ArchNikhil@mastodon.example')).toBe('https://mastodon.example/@ArchNikhil');
    expect(profileUrl('bluesky:ann.bsky.social')).toBe('https://bsky.app/profile/ann.bsky.social');
    expect(profileUrl('bluesky:did:plc:abc123')).toBe('https://bsky.app/profile/did:plc:abc123');
    // A Mastodon account local to the export's instance has no address; other platforms have no profile page.
    expect(profileUrl('mastodon:ann')).toBeUndefined();
    expect(profileUrl('slack:u123')).toBeUndefined();
    expect(profileUrl('csv:ann')).toBeUndefined();
    // Nothing that is not a handle becomes a link.
    expect(profileUrl('twitter:ann/../evil')).toBeUndefined();
    expect(profileUrl('mastodon:ann@evil.example/x')).toBeUndefined();
  });

  it('cuts an excerpt at a word', () => {
    expect(excerpt('short  and\nsweet')).toBe('short and sweet');
    const long = 'word '.repeat(40);
    expect(excerpt(long, 22)).toBe('word word word word…');
  });

  it('names regions as a sentence would', () => {
    expect([regionName('CA'), regionName('US'), regionName('GB'), regionName('XX')]).toEqual([
      'Canada',
      'the United States',
      'the United Kingdom',
      'XX',
    ]);
  });
});
