/**
 * Storify exports through the upload API: the XML is read as a chat, the
 * JSON (one page of tweets kept as links, no text) is refused with a 422 that
 * says what the file is and what to upload instead, and nothing of it is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DatasetListSchema } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('Storify exports uploaded (real #DocNowCommunity story)', () => {
  it('the JSON export: 422 no_messages naming a Storify export and the XML, nothing stored (was: "no Twitter v2 tweets found")', async () => {
    const file = { filename: 'docnowcommunity-chat-raw.json', content: fixture('real', 'storify', 'docnowcommunity-chat-raw.json') };
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([file]) });
    expect(res.statusCode).toBe(422);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error.code).toBe('no_messages');
    expect(error.message).toMatch(/^docnowcommunity-chat-raw\.json: a Storify export \("DocNowCommunity Chat \(RAW\)"\)/);
    expect(error.message).toContain("Storify's XML export of the story holds the tweets' text: upload that instead.");
    expect(error.details).toMatchObject({ record: 1 });
    expect(DatasetListSchema.parse((await t.app.inject('/api/datasets')).json()).datasets).toEqual([]);
  });

  it('the XML export: 201, read as storify, one chat (was: 415 "nearest: none")', async () => {
    const file = { filename: 'docnowcommunity-chat-raw.xml', content: fixture('real', 'storify', 'docnowcommunity-chat-raw.xml') };
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([file]) });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { sources: { format: string; messages: number }[]; chats: string[] };
    expect(body.sources.map((s) => [s.format, s.messages])).toEqual([['storify', 60]]);
    expect(body.chats).toEqual(['#docnowcommunity']);
  });
});
