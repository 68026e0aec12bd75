import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { mastodonParser } from '../../../server/ingest/parse/mastodon.js';
import { parseSlackExport, slackParser, type SlackFile } from '../../../server/ingest/parse/slack.js';
import type { ParseResult } from '../../../server/ingest/parse/types.js';
import { caught } from '../../support/transcript-error.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixture = (p: string) => readFileSync(path.join(FIXTURES, p), 'utf8');
const ParsedSchema = MessageSchema.omit({ chat: true, question: true, answer: true }).extend({ chat: MessageSchema.shape.chat.optional() });

/** A folder's files, paths relative to it, as parseSlackExport takes them. */
function exportFiles(dir: string): SlackFile[] {
  const root = path.join(FIXTURES, dir);
  const out: SlackFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: path.relative(root, p).split(path.sep).join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(root);
  return out;
}

function counts(r: ParseResult) {
  for (const m of r.messages) ParsedSchema.parse(m);
  for (const p of r.people) PersonProfileSchema.parse(p);
  return {
    messages: r.messages.length,
    authors: new Set(r.messages.map((m) => m.author)).size,
    replies: r.messages.filter((m) => m.kind === 'reply').length,
    withMentions: r.messages.filter((m) => m.mentions.length > 0).length,
    mentions: r.messages.reduce((n, m) => n + m.mentions.length, 0),
    skipped: r.skipped.length,
  };
}

describe('parseSlackExport on the real export (mesos-magellan, 2016)', () => {
  const result = parseSlackExport(exportFiles('real/slack'), { fileName: 'mesos-magellan.zip/' });

  it('reads 14 messages from 3 people in #enrique, skipping 4 channel joins', () => {
    expect(counts(result)).toEqual({ messages: 14, authors: 3, replies: 0, withMentions: 3, mentions: 3, skipped: 4 });
    expect(new Set(result.messages.map((m) => m.chat))).toEqual(new Set(['#enrique']));
    expect(result.skipped.map((s) => s.record)).toEqual([1, 2, 3, 4]);
    expect(result.skipped[0]!.reason).toBe(
      'enrique/2016-01-14.json: channel_join: channel housekeeping (joins, leaves, topic, purpose), not conversation',
    );
    expect(result.warnings).toEqual(['skipped: 4 × channel_join']);
  });

  it('resolves <@U…> through users.json to the username, in text and mentions', () => {
    expect(result.messages[0]).toEqual({
      id: 'enrique:1452837352.000006',
      platform: 'slack',
      chat: '#enrique',
      time: '2016-01-15T05:55:52.000Z',
      author: 'slack:hamza',
      text: '@abilinski: Created an issue for a setup.py so that it can be installed to a standard place',
      mentions: ['slack:abilinski'],
      hashtags: [],
      kind: 'post',
    });
    expect(result.messages.filter((m) => m.mentions.length).map((m) => m.mentions[0])).toEqual([
      'slack:abilinski',
      'slack:abilinski',
      'slack:doubledeez',
    ]);
  });

  it('unwraps <url> links and decodes &gt;', () => {
    const texts = result.messages.map((m) => m.text);
    expect(texts).toContain(
      'https://stackoverflow.com/questions/4092774/genetic-algorithm-versus-simulated-annealing-performance-comparison-and-use-cas',
    );
    expect(texts.find((t) => t.startsWith('>"Essentially'))).toBeDefined();
  });

  it('gives profiles from users.json: real name, title as bio, user id', () => {
    expect(result.people.map((p) => p.key)).toEqual(['slack:abilinski', 'slack:doubledeez', 'slack:hamza', 'slack:heroeshannibal']);
    expect(result.people[1]).toEqual({
      key: 'slack:doubledeez',
      platform: 'slack',
      handle: 'doubledeez',
      platformId: 'U0BMS113R',
      name: 'Hermione Granger',
      bio: 'Eat Monkeys',
    });
  });
});

describe('slackParser on one channel-day file', () => {
  it('keys people by user id and leaves the chat to normalize when the path names no channel', () => {
    const r = slackParser.parse(fixture('real/slack/enrique/2016-03-17.json'), { fileName: '2016-03-17.json' });
    expect(counts(r)).toEqual({ messages: 12, authors: 3, replies: 0, withMentions: 2, mentions: 2, skipped: 0 });
    expect(r.messages[0]).toMatchObject({
      id: '1458208082.000002',
      author: 'slack:u0bmqb6je',
      text: '@U0BMYT2FL: Had a chance to read any more papers?',
      mentions: ['slack:u0bmyt2fl'],
    });
    expect(r.messages.every((m) => m.chat === undefined)).toBe(true);
  });

  it('takes the channel from a <channel>/<date>.json path', () => {
    const r = slackParser.parse(fixture('real/slack/enrique/2016-01-14.json'), { fileName: 'upload.zip/enrique/2016-01-14.json' });
    expect(counts(r)).toEqual({ messages: 2, authors: 1, replies: 0, withMentions: 1, mentions: 1, skipped: 4 });
    expect(r.messages.map((m) => [m.id, m.chat])).toEqual([
      ['enrique:1452837352.000006', '#enrique'],
      ['enrique:1452837359.000007', '#enrique'],
    ]);
  });

  it('keeps good records around bad ones', () => {
    const day = JSON.stringify([
      { type: 'message', user: 'U1', text: 'hi', ts: '1710446400.000100' },
      42,
      { type: 'message', user: 'U1', text: 'no time' },
      { type: 'message', user: 'U2', text: '', ts: '1710446460.000100' },
    ]);
    const r = slackParser.parse(day, { fileName: 'day.json' });
    expect(r.messages).toHaveLength(1);
    expect(r.skipped).toEqual([
      { record: 2, reason: 'not a JSON object' },
      { record: 3, reason: 'unreadable ts ""' },
      { record: 4, reason: 'no text' },
    ]);
  });

  it('refuses users.json or channels.json alone, and a direct-message day file', () => {
    for (const file of ['real/slack/users.json', 'real/slack/channels.json']) {
      const e = caught(() => slackParser.parse(fixture(file), { fileName: path.basename(file) }));
      expect([e.code, e.statusCode]).toEqual(['no_messages', 422]);
      expect(e.message).toMatch(/upload the whole export/);
    }
    const dm = fixture('made/slack/export/D01ANNBOB/2024-03-14.json');
    expect(caught(() => slackParser.parse(dm, { fileName: 'D01ANNBOB/2024-03-14.json' })).message).toMatch(
      /direct messages are never imported/,
    );
  });

  it('detects day files surely, users.json and channels.json weakly, and nothing else', () => {
    expect(slackParser.detect(fixture('real/slack/enrique/2016-03-17.json'))).toBe(0.9);
    expect(slackParser.detect(fixture('real/slack/users.json'))).toBe(0.4);
    expect(slackParser.detect(fixture('real/slack/channels.json'))).toBe(0.4);
    expect(slackParser.detect(fixture('real/mastodon/tag_timeline.json'))).toBe(0);
    expect(slackParser.detect(fixture('real/twitter-v1.1/get_mentions.json'))).toBe(0);
    expect(mastodonParser.detect(fixture('real/slack/enrique/2016-03-17.json'))).toBe(0);
  });
});

describe('parseSlackExport on a hand-made export with threads, bots and direct messages', () => {
  const result = parseSlackExport(exportFiles('made/slack/export'), { fileName: 'libchat.zip/' });
  const byText = (start: string) => result.messages.find((m) => m.text.startsWith(start))!;

  it('reads 10 messages from 4 people in 3 channels (one private), 5 of them thread replies', () => {
    expect(counts(result)).toEqual({ messages: 10, authors: 4, replies: 5, withMentions: 4, mentions: 5, skipped: 8 });
    expect([...new Set(result.messages.map((m) => m.chat))].sort()).toEqual(['#cataloguers', '#general', '#libchat']);
  });

  it('never reads direct or group-direct messages, and says why everything else was skipped', () => {
    expect(result.messages.some((m) => /private word|group DM/.test(m.text))).toBe(false);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'direct messages are never imported: D01ANNBOB/ (2 day file(s)) left unread',
      'direct messages are never imported: mpdm-ann--bob.lib--cat-1/ (1 day file(s)) left unread',
      'general/2024-03-14.json: channel_join: channel housekeeping (joins, leaves, topic, purpose), not conversation',
      'general/2024-03-14.json: bot message: subtype bot_message',
      'general/2024-03-14.json: bot message: @librarybot is a bot',
      'general/2024-03-14.json: tombstone: a deleted message',
      'general/2024-03-14.json: channel_topic: channel housekeeping (joins, leaves, topic, purpose), not conversation',
      'general/2024-03-15.json: pinned_item: a pin notice',
    ]);
    expect(result.warnings).toEqual([
      'skipped: 2 × direct messages are never imported, 1 × channel_join, 2 × bot message, 1 × tombstone, 1 × channel_topic, 1 × pinned_item',
    ]);
  });

  it('links thread replies to the parent <channel>:<thread_ts>, across day files, or via parent_user_id', () => {
    const replies = result.messages.filter((m) => m.kind === 'reply');
    expect(replies.map((m) => [m.author, m.replyToId, m.replyToAuthor])).toEqual([
      ['slack:bob.lib', 'general:1710446400.000100', 'slack:ann'],
      ['slack:cat', 'general:1710446400.000100', 'slack:ann'],
      ['slack:bob.lib', 'general:1710446400.000100', 'slack:ann'],
      ['slack:ann', 'general:1700000000.000100', 'slack:cat'],
      ['slack:ann', 'libchat:1710446700.000100', 'slack:eve.ext'],
    ]);
  });

  it('rewrites Slack markup as people saw it, and reads mentions including <@U…|name>', () => {
    expect(byText('A1: same')).toMatchObject({ text: 'A1: same as @bob.lib & more on the list', mentions: ['slack:bob.lib'] });
    expect(byText('more in')).toMatchObject({ text: 'more in #libchat later, @here', hashtags: [], mentions: [] });
    expect(byText('Welcome')).toMatchObject({ hashtags: ['#libchat'] });
    expect(byText('Hello from')).toMatchObject({ author: 'slack:eve.ext', mentions: ['slack:ann', 'slack:w0griduser'] });
  });

  it('keeps a file shared without a comment, its title standing in for text', () => {
    expect(byText('[file')).toMatchObject({ author: 'slack:bob.lib', text: '[file: Cataloguing slides]', kind: 'post' });
  });

  it('gives profiles for people, not bots (Slackbot included): users.json, else the message user_profile', () => {
    expect(result.people.map((p) => [p.key, p.name, p.bio])).toEqual([
      ['slack:ann', 'Ann Archivist', 'Archivist, Leeds'],
      ['slack:bob.lib', 'Bob Booker', 'Subject librarian'],
      ['slack:cat', 'Cat Cataloguer', undefined],
      ['slack:eve.ext', 'Eve External', undefined],
    ]);
  });
});
