/**
 * Every run of one collection lands in one chat, named for what it follows:
 * a hashtag as `#tag`, a Bluesky search of several words as those words, the
 * same whatever the run's time. Collected a week apart (against the replay
 * server, tests/support/replay-server.ts), the chat grows and holds each post
 * once, although the second run is served the first run's newest post again.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCollectApp, type CollectApp } from '../support/collect-app.js';
import { ReplayServer } from '../support/replay-server.js';

let t: CollectApp;
let replay: ReplayServer;
beforeAll(async () => (t = await buildCollectApp()));
afterAll(async () => t.close());
beforeEach(async () => {
  replay = await ReplayServer.start();
  t.clock.now = new Date('2026-12-07T07:00:00Z');
});
afterEach(async () => replay.close());

/** 23 searchPosts results, less the labelled account's and the #noindex one's. */
const BLUESKY_KEPT = 21;
/** The 19 timeline statuses less 2 of the #nobot account and 1 unlisted, plus 1 found only in a thread's context. */
const MASTODON_KEPT = 17;

/** Collects `body` now, then a week later with everything published; the dataset's chats and messages after each. */
async function collectTwice(body: Record<string, unknown>, hideNewest: () => () => void) {
  const id = await t.dataset();
  const show = hideNewest();
  const created = await t.collect(id, { instance: replay.baseUrl, ...body });
  const firstChats = (await t.app.inject(`/api/datasets/${id}`)).json().chats as string[];
  const firstIds = (await t.app.store.getMessages(id)).map((m) => m.id);
  show();
  t.clock.now = new Date('2026-12-14T07:00:00Z');
  expect((await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/collections/${created.id}/run` })).statusCode).toBe(200);
  await t.app.collections.idle();
  const collection = await t.get(id, created.id);
  const info = (await t.app.inject(`/api/datasets/${id}`)).json();
  const messages = await t.app.store.getMessages(id);
  return { collection, firstChats, firstIds, chats: info.chats as string[], sources: info.sources as { file: string }[], messages };
}

/** Holds back the 5 newest Bluesky posts (and whatever replies to them) until the returned function is called. */
function hideNewestPosts(): () => void {
  const later = replay.posts.splice(0, 5);
  return () => replay.posts.unshift(...later);
}

describe('one chat per collection, across runs', () => {
  it('a Bluesky search of several words: one chat named by the words, holding both runs once each', async () => {
    const { collection, firstChats, firstIds, chats, sources, messages } = await collectTwice(
      { source: 'bluesky', tag: 'NY  Redistricting' },
      hideNewestPosts,
    );
    expect(firstChats).toEqual(['ny redistricting']);
    expect(chats).toEqual(['ny redistricting']);
    expect(new Set(messages.map((m) => m.chat))).toEqual(new Set(['ny redistricting']));
    // Two runs' files, a week apart, with their provenance in the file names.
    expect(sources.map((s) => s.file)).toEqual([
      expect.stringMatching(/"NY {2}Redistricting", collected 2026-12-07T07:00:00\.000Z$/),
      expect.stringMatching(/"NY {2}Redistricting", collected 2026-12-14T07:00:00\.000Z$/),
    ]);
    // 17 then the 4 held back (the 5th is the labelled account's); a post of the first run came again in the
    // second (searchPosts from its newest post on, and threads) and was left out as a duplicate.
    expect(collection.history.map((h) => [h.posts, h.stored, h.leftOut.duplicates])).toEqual([
      [4, 4, 1],
      [17, 17, 1],
    ]);
    expect(messages).toHaveLength(BLUESKY_KEPT);
    expect(new Set(messages.map((m) => m.id)).size).toBe(BLUESKY_KEPT);
    expect(messages.map((m) => m.id)).toEqual(expect.arrayContaining(firstIds));
  });

  it('a quoted Bluesky phrase is named without its quotes', async () => {
    const { chats } = await collectTwice({ source: 'bluesky', tag: '"New York redistricting"' }, hideNewestPosts);
    expect(chats).toEqual(['new york redistricting']);
  });

  it('a Bluesky hashtag query is the tag, lower case', async () => {
    const { chats, messages } = await collectTwice({ source: 'bluesky', tag: '#Election' }, hideNewestPosts);
    expect(chats).toEqual(['#election']);
    expect(messages).toHaveLength(BLUESKY_KEPT);
  });

  it('a Mastodon hashtag: one chat, #tag, holding both runs once each', async () => {
    const { collection, firstChats, chats, messages } = await collectTwice({ source: 'mastodon', tag: 'mastodon' }, () => {
      replay.hiddenNewest = 4;
      return () => (replay.hiddenNewest = 0);
    });
    expect([firstChats, chats]).toEqual([['#mastodon'], ['#mastodon']]);
    expect(collection.history.map((h) => h.stored)).toEqual([5, 12]);
    expect(messages).toHaveLength(MASTODON_KEPT);
    expect(new Set(messages.map((m) => m.id)).size).toBe(MASTODON_KEPT);
  });
});
