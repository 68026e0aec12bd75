/**
 * A Zoom chat saved as `meeting_saved_chat.txt` names no date: the page sends
 * each file's last-modified time (`modified`), and the meeting is dated by the
 * day it was saved instead of 1970. The CLI reads the file's own time.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

const CHAT = fixture('real', 'zoom', 'test-zoom-chat.txt');
const SAVED = Date.parse('2024-03-14T10:05:00Z');
let t: TestApp;
beforeAll(async () => (t = await buildTestApp()));
afterAll(async () => t.close());

const upload = (fields: Record<string, string>, files = [{ filename: 'meeting_saved_chat.txt', content: CHAT }]) =>
  t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart(files, fields) });

describe('a Zoom chat dated by the time its file was saved', () => {
  it('takes the day from the modified field, reports how, and the first message is at 10:01 that day', async () => {
    const res = await upload({ name: 'webinar', modified: JSON.stringify([SAVED]) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().sources[0].warnings).toContain(
      'meeting_saved_chat.txt: no date in the file name; the chat is dated 2024-03-14, the day the file was last saved (name the file "YYYY-MM-DD …" to set it)',
    );
    const messages: Message[] = (await t.app.inject(`/api/datasets/${res.json().id}/messages?limit=50`)).json().messages;
    expect(messages.map((m) => m.time).sort()[0]).toBe('2024-03-14T10:01:00.000Z');
    // Zoom's default file name says nothing: the chat is named by its kind and day (was "meeting_saved_chat").
    expect(new Set(messages.map((m) => m.chat))).toEqual(new Set(['zoom chat 14 mar 2024']));
  });

  it('without the field the chat stays on 1970-01-01, as the warning says', async () => {
    const res = await upload({ name: 'webinar' });
    expect(res.statusCode, res.body).toBe(201);
    const messages: Message[] = (await t.app.inject(`/api/datasets/${res.json().id}/messages?limit=50`)).json().messages;
    expect(messages.map((m) => m.time).sort()[0]).toBe('1970-01-01T10:01:00.000Z');
    expect(new Set(messages.map((m) => m.chat))).toEqual(new Set(['zoom chat']));
  });

  it('answers 400 naming the field when it is not one time per file, and stores nothing', async () => {
    const before = (await t.app.inject('/api/datasets')).json().datasets.length;
    const twoForOne = await upload({ modified: JSON.stringify([SAVED, SAVED]) });
    expect(twoForOne.statusCode).toBe(400);
    expect(twoForOne.json().error).toEqual({
      code: 'invalid_request',
      message: 'modified holds 2 time(s) for 1 file(s): give one per file, in the order of the files',
    });
    const notJson = await upload({ modified: 'yesterday' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toMatch(
      /^modified must be a JSON array of each file's last-modified time in ms since 1970.*got "yesterday"$/,
    );
    expect((await t.app.inject('/api/datasets')).json().datasets).toHaveLength(before);
  });

  it('the CLI dates it by the file on disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-zoom-'));
    try {
      const file = path.join(dir, 'meeting_saved_chat.txt');
      fs.writeFileSync(file, CHAT);
      fs.utimesSync(file, SAVED / 1000, SAVED / 1000);
      const out = path.join(dir, 'graph.json');
      execFileSync(process.execPath, ['bin/chat-atlas.js', 'build', file, '--out', out], { stdio: 'pipe' });
      const sessions = (JSON.parse(fs.readFileSync(out, 'utf8')) as { attributes: { meta: { sessions: { start: string }[] } } }).attributes
        .meta.sessions;
      expect(sessions.map((s) => s.start)).toEqual(['2024-03-14T10:01:00.000Z']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
