/**
 * The shortlist's CSV (issue 20: "a way to keep a shortlist, exported as
 * CSV"): one header, one row a kept peer in the order kept, every text cell
 * quoted with `"` doubled, lists in one cell, spreadsheet formulas defused,
 * and a stored list read back without trusting it.
 */
import { describe, expect, it } from 'vitest';
import type { Peer } from '../../../shared/index.js';
import { parseShortlist, shortlistCsv, toggleEntry } from '../../../client/peers/shortlist.js';

const keisha: Peer = {
  key: 'twitter:keishakelly',
  label: 'Keisha Kelly',
  sector: 'school',
  region: 'CA',
  score: 0.71,
  reasons: ['you both wrote about "banned books"', 'Keisha Kelly works in school libraries too, in Canada; you are in the United States'],
  handle: 'keishakelly',
  platform: 'twitter',
  profileUrl: 'https://x.com/keishakelly',
  chats: ['#critlibchat'],
};
const nikhil: Peer = {
  key: 'mastodon:archnikhil@mastodon.example',
  label: '=HYPERLINK("x"), Nikhil',
  sector: 'archives',
  region: 'GB',
  score: 0.5,
  reasons: ['a reason'],
  handle: 'archnikhil@mastodon.example',
  platform: 'mastodon',
  chats: ['#archivesfedi', '#critlibchat'],
};

describe('the shortlist', () => {
  it('writes one quoted row a kept peer, in the order kept', () => {
    const list = toggleEntry(toggleEntry([], keisha), nikhil);
    expect(shortlistCsv(list)).toBe(
      '\uFEFFname,handle,profile,platform,sector,region,chats,reasons\r\n' +
        '"Keisha Kelly","keishakelly","https://x.com/keishakelly","twitter","school","CA","#critlibchat",' +
        '"you both wrote about ""banned books""; Keisha Kelly works in school libraries too, in Canada; you are in the United States"\r\n' +
        `"'=HYPERLINK(""x""), Nikhil","archnikhil@mastodon.example","","mastodon","archives","GB","#archivesfedi; #critlibchat","a reason"\r\n`,
    );
  });

  it('lets a kept peer go when kept again, and writes the header alone for an empty list', () => {
    const list = toggleEntry(toggleEntry(toggleEntry([], keisha), nikhil), keisha);
    expect(list.map((e) => e.key)).toEqual([nikhil.key]);
    expect(shortlistCsv(toggleEntry(list, nikhil))).toBe('\uFEFFname,handle,profile,platform,sector,region,chats,reasons\r\n');
  });

  it('reads back a stored list, dropping entries that do not parse', () => {
    const stored = JSON.parse(JSON.stringify([...toggleEntry([], keisha), { key: 'x' }, 'junk']));
    expect(parseShortlist(stored).map((e) => e.name)).toEqual(['Keisha Kelly']);
    expect(parseShortlist('not a list')).toEqual([]);
  });
});
