/**
 * DocNow Hydrator's CSV on a real sample (tests/fixtures/SOURCES.md, row 41):
 * one day of #eaw18 (Ethics and Archiving the Web, March 2018) as the
 * Hydrator wrote it — `user_screen_name` twice, the `reweet_id` typo, and
 * reply ids written from a number, so `…817` arrives as `…800`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { readUpload } from '../../../server/ingest/read-upload.js';
import { mayBeRounded } from '../../../server/ingest/parse/table/rounded-ids.js';

const file = readFileSync(new URL('../../fixtures/real/hydrator-csv/eaw18-2018-03-20.csv', import.meta.url));
const counts = (xs: string[]) => xs.reduce<Record<string, number>>((o, x) => ((o[x] = (o[x] ?? 0) + 1), o), {});

describe('DocNow Hydrator CSV (real: #eaw18, 20 March 2018, 51 tweets)', async () => {
  const [read] = await readUpload(file, { fileName: 'eaw18.csv', parseThreads: 0 });

  it('is read as a table by its known columns, without a mapping: 51 tweets of 31 people, all in #eaw18', () => {
    expect(read!.result).toMatchObject({ format: 'csv', messages: 51, skipped: 0 });
    expect(read!.result.warnings[0]).toBe('eaw18.csv: read as twarc 1 json2csv / Hydrator columns');
    expect(counts(read!.messages.map((m) => m.kind))).toEqual({ post: 8, reply: 22, repost: 21 });
    expect(new Set(read!.messages.map((m) => m.author)).size).toBe(31);
    expect(new Set(read!.messages.map((m) => m.chat))).toEqual(new Set(['#eaw18']));
    for (const m of read!.messages) expect(MessageSchema.safeParse(m).error).toBeUndefined();
    for (const p of read!.people) expect(PersonProfileSchema.safeParse(p).error).toBeUndefined();
  });

  it('reads bios, names and locations from the user_ columns, not as message text', () => {
    expect(read!.people.find((p) => p.key === 'twitter:vickysteeves')).toMatchObject({
      handle: 'VickySteeves',
      name: 'Vicky Steeves (joinmastodon.org)',
      location: 'Brooklyn, NY',
      bio: expect.stringMatching(/^RDM & #Reproducibility @ NYU \| Cofounder @LISSArchive/),
    });
    expect(read!.people.filter((p) => p.bio).length).toBe(31);
  });

  it('points reply ids rounded by a number conversion back at the tweet they answer', () => {
    // The file says 975927299706060800; @ablwr's tweet in the same file is 975927299706060801.
    expect(read!.messages.find((m) => m.id === '975952350455230465')).toMatchObject({
      author: 'twitter:vickysteeves',
      kind: 'reply',
      replyToId: '975927299706060801',
      replyToAuthor: 'twitter:ablwr',
    });
    expect(read!.result.warnings).toContain('16 reply id(s) rounded by a number conversion were matched to the tweet they answer');
    const ids = new Map(read!.messages.map((m) => [m.id, m]));
    const linked = read!.messages.filter((m) => m.replyToId && ids.has(m.replyToId));
    expect(linked).toHaveLength(17);
    for (const m of linked) expect(ids.get(m.replyToId!)!.author).toBe(m.replyToAuthor);
  });

  it('tells a possibly rounded id from an exact one', () => {
    expect(mayBeRounded('975927299706060800')).toBe(true);
    expect(mayBeRounded('975927299706060801')).toBe(false);
    expect(mayBeRounded('9007199254740990')).toBe(false); // 16 digits, under 2^53: exact
  });

  it('reads retweets as reposts of the retweeted person', () => {
    expect(read!.messages.filter((m) => m.kind === 'repost' && m.repostOf === 'twitter:toniasutherland').length).toBeGreaterThan(0);
    for (const m of read!.messages.filter((m) => m.kind === 'repost')) expect(m.text).toMatch(/^RT @/);
  });
});
