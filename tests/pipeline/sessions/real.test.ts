/**
 * Sessions on real chats (issue 19, item 1), none written by us: a help
 * channel's steady day has no session, a conference hashtag's days fall into
 * its programme's sittings (not the whole day), and exports that are one
 * sitting (Zoom, WhatsApp) stay one session. The generator's monthly chats
 * come out as its own sessions. Figures pinned per file; before this rule
 * (one session per stretch without a 3-hour gap) the #ubuntu day was one
 * session tying all 163 people, and the #vala2018 day one 24-hour session.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateChatHistory } from '../../../data/generator/index.js';
import { readTranscript } from '../../../server/ingest/read-transcript.js';
import { buildGraph } from '../../../server/pipeline/build-graph.js';
import { splitSessions, type Session } from '../../../server/pipeline/sessions.js';
import { resolveBuildOptions, type Message } from '../../../shared/index.js';

const root = new URL('../../fixtures/real/', import.meta.url).pathname;
const read = (file: string): Message[] =>
  readTranscript(new Uint8Array(fs.readFileSync(root + file)), { fileName: file.split('/').pop()! }).messages;
const minutes = (s: Session) => (Date.parse(s.end) - Date.parse(s.start)) / 60_000;
const between = (messages: readonly unknown[], sessions: readonly Session[]) =>
  messages.length - sessions.reduce((n, s) => n + s.members.length, 0);

describe('sessions on real chats', () => {
  it('finds no session in a help channel’s steady day (#ubuntu), so its 163 people are not all tied', () => {
    const messages = read('irc/2016-12-19_20.raw.txt');
    const sessions = splitSessions(messages);
    expect(sessions).toEqual([]);
    expect(between(messages, sessions)).toBe(1184);
    const graph = buildGraph(messages, sessions, resolveBuildOptions());
    const people = new Set(messages.map((m) => m.author)).size;
    expect(people).toBe(163);
    // Only conversations remain: replies and mentions (148 ties), none of the 13,203 pairs a one-session day tied.
    expect(graph.size).toBe(148);
    for (let t = 0; t < graph.size; t++) expect(graph.edgeAttributes(t).coSession).toBe(0);
  });

  it('splits a conference hashtag’s day (#vala2018, 13 Feb 2018) into its sittings between breaks, about two hours each', () => {
    const messages = read('rtweet-csv/vala2018-2018-02-13.csv');
    expect(messages).toHaveLength(1929);
    const sessions = splitSessions(messages);
    // Melbourne (UTC+11): 08:20–10:09, 10:51–12:39, 13:42–15:50, 16:23–17:29; morning tea, lunch and afternoon tea between.
    expect(sessions.map((s) => [s.start.slice(11, 16), s.end.slice(11, 16), s.members.length, s.foundBy])).toEqual([
      ['21:20', '23:09', 477, 'burst'],
      ['23:51', '01:39', 603, 'burst'],
      ['02:42', '04:50', 456, 'burst'],
      ['05:23', '06:29', 185, 'burst'],
    ]);
    const busy = sessions.filter((s) => s.members.length >= 50).map(minutes);
    busy.sort((a, b) => a - b);
    expect(busy[Math.floor((busy.length - 1) / 2)]).toBeLessThanOrEqual(120);
    expect(between(messages, sessions)).toBe(208);
  });

  it('keeps an export that is one sitting one session, with nothing between', () => {
    for (const file of ['zoom/test-zoom-chat.txt', 'zoom/zoom-chat-1.txt', 'zoom/zoom-chat-2.txt', 'whatsapp/_chat.txt']) {
      const messages = read(file);
      const sessions = splitSessions(messages);
      expect(
        sessions.map((s) => s.foundBy),
        file,
      ).toEqual(['gap']);
      expect(between(messages, sessions), file).toBe(0);
    }
  });

  it('finds the generator’s monthly sessions, each with exactly the messages it wrote for it', () => {
    const history = generateChatHistory({ seed: 3 });
    const sessions = splitSessions(history.messages);
    const truth = new Map<string, number[]>();
    history.messages.forEach((m, i) => {
      const key = `${m.chat}#${m.session}`;
      truth.set(key, [...(truth.get(key) ?? []), i]);
    });
    expect(sessions).toHaveLength(truth.size);
    for (const s of sessions) {
      const key = `${s.chat}#${history.messages[s.members[0]!]!.session}`;
      expect(
        [...s.members].sort((a, b) => a - b),
        key,
      ).toEqual(truth.get(key));
    }
  });

  it('gives the same sessions whatever the input order', () => {
    const messages = read('rtweet-csv/vala2018-2018-02-13.csv');
    const reversed = [...messages].reverse();
    const ids = (list: readonly Message[], sessions: readonly Session[]) =>
      sessions.map((s) => [s.id, s.members.map((i) => list[i]!.id).sort()]);
    expect(ids(reversed, splitSessions(reversed))).toEqual(ids(messages, splitSessions(messages)));
  });
});
