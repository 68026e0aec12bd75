/**
 * Platform-style message ids. Twitter ids are snowflakes (milliseconds since
 * 2010-11-04 shifted left 22 bits, then worker and sequence bits); Mastodon
 * ids are milliseconds shifted left 16 bits plus a sequence. Both sort by
 * time, as real ones do, and both exceed 2^53: parsers must keep them as strings.
 */
import type { ChatPlatform } from './model.js';
import type { Rng } from './random.js';

const TWITTER_EPOCH = 1288834974657n;

export type IdMaker = (ms: number) => string;

/** A maker of unique ids for one platform; `ms` may carry sub-second jitter. */
export function idMaker(rng: Rng, platform: ChatPlatform): IdMaker {
  const used = new Set<string>();
  const one = (ms: number): string => {
    const t = BigInt(Math.floor(ms));
    if (platform === 'mastodon') return String((t << 16n) | BigInt(rng.int(0, 65535)));
    return String(((t - TWITTER_EPOCH) << 22n) | (BigInt(rng.int(0, 1023)) << 12n) | BigInt(rng.int(0, 15)));
  };
  return (ms) => {
    for (;;) {
      const id = one(ms);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

/** Orders id strings numerically (they are all non-negative integers). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
