/**
 * Real exports whose messages name no chat, uploaded together under the
 * names they arrive with: the dataset's chats and the community labels say
 * readable names ("irc log 19 dec 2016"), never a file name
 * ("2016-12-19_20.raw"); the upload's chat field still renames a file's chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { buildTestApp, createDataset, fixture, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const FILES = [
  { filename: '2016-12-19_20.raw.txt', content: fixture('real', 'irc', '2016-12-19_20.raw.txt') },
  { filename: 'WhatsApp Chat with Library Folk.txt', content: fixture('real', 'whatsapp', 'test_ddmmyy_24hrs.txt') },
  { filename: '_chat.txt', content: fixture('real', 'whatsapp', '_chat.txt') },
  { filename: 'meeting_saved_chat.txt', content: fixture('real', 'zoom', 'test-zoom-chat.txt') },
  { filename: 'app.bsky.feed.searchPosts-5d343d.json', content: fixture('real', 'bluesky', 'app.bsky.feed.searchPosts-5d343d.json') },
];
const SAVED = Date.UTC(2024, 2, 14, 16, 30);
const CHATS = [
  'bluesky search 13 dec 2023',
  'irc log 19 dec 2016',
  'library folk',
  'whatsapp chat parser example',
  'zoom chat 14 mar 2024',
];

describe('chats named by what the export says, not by the file', () => {
  it('the dataset lists the five readable names, and every community label starts with one of them or none', async () => {
    const id = await createDataset(t, FILES, { name: 'mixed', modified: JSON.stringify(FILES.map(() => SAVED)) });
    const datasets = (await t.app.inject('/api/datasets')).json().datasets as { id: string; chats: string[] }[];
    expect([...datasets.find((d) => d.id === id)!.chats].sort()).toEqual(CHATS);
    const graph = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph?seed=1`)).json());
    const labels = graph.attributes.meta.communities.map((c) => c.label ?? '');
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) {
      expect(label).not.toMatch(/\.raw|_chat|searchposts|meeting_saved/i);
    }
    // The view has several chats, so a community that is mostly one chat says which.
    expect(labels.some((l) => CHATS.includes(l.split(' · ')[0]!))).toBe(true);
  });

  it("the upload's chat field renames a file's chat", async () => {
    const id = await createDataset(t, [FILES[0]!], { name: 'renamed', chat: '#ubuntu' });
    const datasets = (await t.app.inject('/api/datasets')).json().datasets as { id: string; chats: string[] }[];
    expect(datasets.find((d) => d.id === id)!.chats).toEqual(['#ubuntu']);
  });
});
