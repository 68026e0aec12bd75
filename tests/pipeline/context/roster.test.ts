import { describe, expect, it } from 'vitest';
import { findRosterEntry, parseRoster } from '../../../server/pipeline/context/index.js';
import { rosterKey } from '../../../server/pipeline/context/roster.js';

describe('parseRoster', () => {
  it('reads handle,sector,region[,name] with any header case and handle form', () => {
    const roster = parseRoster(
      'Handle,SECTOR,Region,Name\n@Ann,academic,GB,Ann Jones\nbob,Public,us,\ntwitter:Cat,law,Ireland,"Smith, Cat"\n@dee@glammr.us,archives,Éire,\n',
    );
    expect(roster.problems).toEqual([]);
    expect([...roster]).toEqual([
      ['ann', { line: 2, sector: 'academic', region: 'GB', name: 'Ann Jones' }],
      ['bob', { line: 3, sector: 'public', region: 'US' }],
      ['twitter:cat', { line: 4, sector: 'law', region: 'IE', name: 'Smith, Cat' }],
      ['dee@glammr.us', { line: 5, sector: 'archives', region: 'IE' }],
    ]);
  });

  it('reports bad rows with their line numbers and keeps the good ones', () => {
    const csv = [
      'handle,sector,region',
      'ann,academic,GB',
      'bob,acdemic,GB',
      'cat,public,Atlantis',
      ',school,US',
      '',
      'dee,,',
      'eve,unknown,NZ',
      'ann,law,UK',
    ].join('\r\n');
    const roster = parseRoster(csv);
    expect(roster.problems).toEqual([
      {
        line: 3,
        message:
          'unknown sector "acdemic" (expected one of academic, public, school, health, law, government, national, special, archives, education, vendor); row skipped',
      },
      { line: 4, message: 'unknown region "Atlantis" (expected an ISO 3166-1 alpha-2 code such as GB, or a country name); row skipped' },
      { line: 5, message: 'no handle; row skipped' },
      { line: 7, message: 'nothing to set for "dee"; row skipped' },
      { line: 9, message: '"ann" is also on line 2; this later row wins' },
    ]);
    expect(roster.get('ann')).toEqual({ line: 9, sector: 'law', region: 'GB' });
    expect(roster.get('eve')).toEqual({ line: 8, region: 'NZ' });
    expect(roster.size).toBe(2);
  });

  it('counts lines inside quoted cells, so later line numbers stay right', () => {
    const roster = parseRoster('handle,sector,region,name\nann,academic,GB,"Ann\nJones"\nbob,nope,GB,\n');
    expect(roster.get('ann')?.name).toBe('Ann\nJones');
    expect(roster.problems).toEqual([expect.objectContaining({ line: 4 })]);
  });

  it('needs a header with a handle and a sector or region column', () => {
    expect(() => parseRoster('')).toThrow(/roster: the file is empty/);
    expect(() => parseRoster('ann,academic,GB\n')).toThrow(/roster: line 1: the header needs a handle column/);
    expect(parseRoster('handle,region\nann,Canada\n').get('ann')).toEqual({ line: 2, region: 'CA' });
  });

  it('notes unknown columns without failing', () => {
    const roster = parseRoster('handle,sector,region,email\nann,school,AU,a@b.c\n');
    expect(roster.problems).toEqual([{ line: 1, message: 'column 4 "email" is not handle, sector, region or name; ignored' }]);
    expect(roster.get('ann')).toEqual({ line: 2, sector: 'school', region: 'AU' });
  });

  it('turns handles into keys and finds entries by key or handle', () => {
    expect(rosterKey(' @Ann_Lib ')).toBe('ann_lib');
    expect(rosterKey('Mastodon:@Ann@Glammr.us')).toBe('mastodon:ann@glammr.us');
    expect(rosterKey('note:ann')).toBe('note:ann');
    const roster = parseRoster('handle,sector,region\nann,academic,GB\ntwitter:bob,law,US\n');
    expect(findRosterEntry(roster, 'twitter:ann')?.sector).toBe('academic');
    expect(findRosterEntry(roster, 'mastodon:ann')?.sector).toBe('academic');
    expect(findRosterEntry(roster, 'twitter:bob')?.sector).toBe('law');
    expect(findRosterEntry(roster, 'mastodon:bob')).toBeUndefined();
  });
});
