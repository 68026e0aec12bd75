import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/index.js';
import { readConfig } from '../../server/config.js';
import { buildTestApp, fixture, multipart } from '../support/app.js';

const del = (remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) => ({
  method: 'DELETE' as const,
  url: '/api/datasets/nope',
  remoteAddress,
  headers,
});

describe('write rate limit', () => {
  it('answers 429 rate_limited with Retry-After past the limit, per address, reads untouched', async () => {
    const t = await buildTestApp({ RATE_LIMIT_WRITES_PER_MINUTE: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await t.app.inject(del())).statusCode).toBe(404);
      const limited = await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'a.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
      });
      expect(limited.statusCode).toBe(429);
      const error = ApiErrorSchema.parse(limited.json()).error;
      expect(error.code).toBe('rate_limited');
      expect(error.message).toMatch(/at most 3 a minute/);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await t.app.inject('/api/datasets')).json()).toEqual({ datasets: [] }); // the refused upload stored nothing

      for (let i = 0; i < 50; i++) expect((await t.app.inject('/api/datasets')).statusCode).toBe(200);
      expect((await t.app.inject(del('10.0.0.2'))).statusCode).toBe(404); // another client has its own budget
      expect((await t.app.inject(del())).statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('counts refused tokens too, so guessing is limited', async () => {
    const token = 'rate-limit-token-0123456789';
    const t = await buildTestApp({ ATLAS_TOKEN: token, RATE_LIMIT_WRITES_PER_MINUTE: 3 });
    try {
      for (let i = 0; i < 3; i++)
        expect((await t.app.inject(del('127.0.0.1', { authorization: `Bearer guess-${i}` }))).statusCode).toBe(401);
      const res = await t.app.inject(del('127.0.0.1', { authorization: `Bearer ${token}` }));
      expect([res.statusCode, ApiErrorSchema.parse(res.json()).error.code]).toEqual([429, 'rate_limited']);
    } finally {
      await t.close();
    }
  });

  it('allows 30 writes a minute by default', async () => {
    expect(readConfig({}).RATE_LIMIT_WRITES_PER_MINUTE).toBe(30);
    expect(readConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '500' }).RATE_LIMIT_WRITES_PER_MINUTE).toBe(500);
    expect(() => readConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_WRITES_PER_MINUTE/);
    const t = await buildTestApp();
    try {
      const statuses = [];
      for (let i = 0; i < 31; i++) statuses.push((await t.app.inject(del())).statusCode);
      expect(statuses.filter((s) => s === 404)).toHaveLength(30);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await t.close();
    }
  });
});
