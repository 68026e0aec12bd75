/** Reading how long a server asks to wait: delta seconds, an epoch time (Bluesky's RateLimit-Reset), or a date. */
import { describe, expect, it } from 'vitest';
import { resetDelayMs } from '../../server/collect/net/polite-client.js';

const now = Date.parse('2026-12-07T07:00:00Z');

describe('resetDelayMs', () => {
  it.each([
    ['7', 7000],
    [String(now / 1000 + 90), 90_000],
    ['2026-12-07T07:00:30.000Z', 30_000],
    ['Mon, 07 Dec 2026 07:01:00 GMT', 60_000],
    ['2026-12-07T06:00:00.000Z', 0],
  ])('%s → %i ms', (value, ms) => expect(resetDelayMs(value, now)).toBe(ms));
  it('reads nothing from an empty or unreadable header', () => {
    expect([resetDelayMs(undefined, now), resetDelayMs('', now), resetDelayMs('soon', now)]).toEqual([undefined, undefined, undefined]);
  });
});
