import { describe, it, expect } from 'vitest';
import { isTimezone, readTableDate } from '../../../server/ingest/parse/table/dates.js';
import { tagsCsvParser } from '../../../server/ingest/parse/tags-csv.js';

describe('readTableDate with a time zone for times written without an offset', () => {
  it.each([
    ['2024-06-14 20:00:00', 'Europe/London', '2024-06-14T19:00:00.000Z'], // BST
    ['2024-01-14 20:00:00', 'Europe/London', '2024-01-14T20:00:00.000Z'], // GMT
    ['2024-01-14 20:00', 'America/Chicago', '2024-01-15T02:00:00.000Z'],
    ['14/01/2024 20:00:00', '+05:30', '2024-01-14T14:30:00.000Z'],
    ['45305.833333333336', 'Europe/Paris', '2024-01-14T19:00:00.000Z'], // a spreadsheet serial day
    ['2024-03-31 01:30:00', 'Europe/London', '2024-03-31T01:30:00.000Z'], // skipped by the clock change: read at GMT
  ])('reads %s in %s', (raw, zone, iso) => {
    expect(readTableDate(raw, zone)).toBe(iso);
  });

  it('leaves times that carry an offset, and Twitter dates, as written', () => {
    expect(readTableDate('2024-06-14T20:00:00Z', 'Europe/London')).toBe('2024-06-14T20:00:00.000Z');
    expect(readTableDate('Wed Apr 08 03:29:36 +0000 2015', 'America/New_York')).toBe('2015-04-08T03:29:36.000Z');
    expect(readTableDate('2020-03-10 04:05:05+00:00', 'Asia/Tokyo')).toBe('2020-03-10T04:05:05.000Z');
  });

  it('knows IANA names and offsets, and no others', () => {
    expect(['Europe/London', '+01:00', '-0500', 'UTC'].every(isTimezone)).toBe(true);
    expect(['Mars/Olympus', 'BST', '1'].some(isTimezone)).toBe(false);
  });

  it('is the same whatever the server time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect(readTableDate('2024-06-14 20:00:00', 'Europe/London')).toBe('2024-06-14T19:00:00.000Z');
      expect(readTableDate('45305.833333333336')).toBe('2024-01-14T20:00:00.000Z');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('TAGS column sets', () => {
  it('reads the older set (search API v1: to_user, iso_language_code, no user_location) with its local `time` in the zone given', () => {
    const text = [
      'id_str,from_user,text,created_at,time,geo_coordinates,iso_language_code,to_user,to_user_id_str,from_user_id_str,in_reply_to_status_id_str,source,profile_image_url,status_url,entities_str',
      '294145000000000000,ann_lib,@bob_books Q1 #uklibchat,,23/01/2013 20:00:05,,en,bob_books,22,11,,web,,https://twitter.com/ann_lib/status/294145107354165248,',
    ].join('\n');
    const r = tagsCsvParser.parse(text, { fileName: 'tags-2013.csv', table: { timezone: 'Europe/London' } });
    expect(r.messages[0]).toMatchObject({
      id: '294145107354165248',
      author: 'twitter:ann_lib',
      replyToAuthor: 'twitter:bob_books',
      time: '2013-01-23T20:00:05.000Z',
      kind: 'reply',
    });
    const summer = tagsCsvParser.parse(text.replace('23/01/2013', '23/06/2013'), {
      fileName: 'tags-2013.csv',
      table: { timezone: 'Europe/London' },
    });
    expect(summer.messages[0]!.time).toBe('2013-06-23T19:00:05.000Z');
  });
});
