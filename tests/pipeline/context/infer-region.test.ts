import { describe, expect, it } from 'vitest';
import { inferContext } from '../../../server/pipeline/context/index.js';
import { profile } from './helpers.js';

const regionOf = (fields: Parameters<typeof profile>[0]) => inferContext(profile(fields)).region;
const at = (location: string) => regionOf({ location }).value;
const said = (bio: string) => regionOf({ bio }).value;

describe('region inference', () => {
  it('reads countries, states, cities and nicknames', () => {
    expect(at('Leeds, UK')).toBe('GB');
    expect(at('Texas')).toBe('US');
    expect(at('Saskatoon')).toBe('CA');
    expect(at('Brisbane, Qld')).toBe('AU');
    expect(at('Chi-town')).toBe('US');
    expect(at('Auld Reekie')).toBe('GB');
  });

  it('reads other languages’ names for countries and cities', () => {
    expect(at('Deutschland')).toBe('DE');
    expect(at('España')).toBe('ES');
    expect(at('Galway, Éire')).toBe('IE');
    expect(at('Aotearoa')).toBe('NZ');
    expect(at('Wien, Österreich')).toBe('AT');
    expect(at('Baile Átha Cliath')).toBe('IE');
    expect(at('Tāmaki Makaurau')).toBe('NZ');
  });

  it('reads US state codes after a place, and never the words IN, OR, ME', () => {
    expect(at('Portland, OR')).toBe('US');
    expect(at('Portland, ME')).toBe('US');
    expect(at('Bloomington IN')).toBe('US');
    expect(at('Austin TX')).toBe('US');
    expect(at('TX')).toBe('US');
    expect(said('IN the stacks, OR at the desk, ME? always reading')).toBe('unknown');
    expect(said('Librarian IN training')).toBe('unknown');
  });

  it('settles "CA" and "WA" by the place before them', () => {
    expect(at('San Diego, CA')).toBe('US');
    expect(at('Toronto, CA')).toBe('CA');
    expect(at('Seattle WA')).toBe('US');
    expect(at('Perth WA')).toBe('AU');
    expect(at('WA')).toBe('unknown');
  });

  describe('Perth', () => {
    it('alone is Perth, Western Australia, with lower confidence', () => {
      const r = regionOf({ location: 'Perth' });
      expect(r).toEqual({ value: 'AU', source: 'inferred', confidence: 0.61, evidence: "location: 'Perth'" });
    });
    it('qualified by Scotland is Perth, Scotland, in the same field or another', () => {
      expect(at('Perth, Scotland')).toBe('GB');
      expect(regionOf({ bio: 'Library assistant in Perth', location: 'Scotland' }).value).toBe('GB');
    });
    it('qualified by WA or Western Australia is Australian with full confidence', () => {
      expect(regionOf({ location: 'Perth, Western Australia' }).confidence).toBeGreaterThan(0.9);
    });
  });

  it('answers an ambiguous place alone only when one reading dominates', () => {
    expect(at('Birmingham')).toBe('GB');
    expect(regionOf({ location: 'Birmingham' }).confidence).toBeLessThan(0.6);
    expect(at('Birmingham, AL')).toBe('US');
    expect(at('London')).toBe('GB');
    expect(at('London, Ontario')).toBe('CA');
    expect(at('Victoria, BC')).toBe('CA');
    expect(at('Melbourne, Victoria')).toBe('AU');
    expect(at('Dublin, Ohio')).toBe('US');
    const newcastle = regionOf({ location: 'Newcastle' });
    expect(newcastle).toEqual({
      value: 'unknown',
      source: 'unknown',
      confidence: 0,
      evidence: "undecided between GB and AU: location: 'Newcastle'",
    });
    expect(at('Newcastle, NSW')).toBe('AU');
    expect(at('Newcastle upon Tyne')).toBe('GB');
    expect(at('Richmond')).toBe('unknown');
    expect(at('Victoria')).toBe('unknown');
  });

  it('leaves conflicting places unknown', () => {
    expect(at('NYC ↔ LDN')).toBe('unknown');
    expect(regionOf({ bio: 'Librarian in Leeds', location: 'Sydney' }).value).toBe('unknown');
  });

  it('prefers where someone lives to where they were or come from', () => {
    expect(said('Born in Belfast, living in Boston')).toBe('US');
    expect(said('Originally from Perth, now in Toronto')).toBe('CA');
    expect(said('Proud Canadian 🇨🇦 living in Seattle')).toBe('US');
    expect(said('Dreaming of Paris. Librarian in Ohio.')).toBe('US');
    expect(said('Texan in Toronto')).toBe('CA');
  });

  it('does not read a given name as a place', () => {
    expect(regionOf({ name: 'Sydney Chen', bio: 'Archivist' }).value).toBe('unknown');
    expect(said('Sydney (she/her), library tech')).toBe('unknown');
    expect(said('Vic, she/her, librarian')).toBe('unknown');
  });

  it('keeps unknown unknown', () => {
    for (const location of ['', 'Earth', 'the stacks', '🌍', 'she/her', 'In the library', 'Here and there']) {
      expect(regionOf({ bio: 'Tea, books, cats.', location })).toEqual({ value: 'unknown', source: 'unknown', confidence: 0 });
    }
    expect(said('Oxford comma defender. Dublin Core nerd. Chicago style or bust.')).toBe('unknown');
  });

  it('reads flags and emoji', () => {
    expect(said('📚🇦🇺')).toBe('AU');
    expect(said('Working from home 🏴󠁧󠁢󠁷󠁬󠁳󠁿')).toBe('GB');
    expect(said('Aussie in London 🇦🇺➡️🇬🇧')).toBe('GB');
    expect(at('📍Kraków, Polska')).toBe('PL');
  });

  it('reads what web addresses and Mastodon instances say, and ignores vanity domains', () => {
    expect(regionOf({ bio: 'Librarian', url: 'https://www.leeds.ac.uk/library' })).toEqual({
      value: 'GB',
      source: 'inferred',
      confidence: 0.78,
      evidence: "url: 'leeds.ac.uk'",
    });
    // A general server's country alone is where the account is hosted, not where its member lives (hosts.ts
    // INSTANCE_REGION, LABELLING.md region rule 10): it stays unknown, with the server kept as evidence (it was IE
    // before 7 Dec); beside a place it settles an ambiguous one.
    expect(regionOf({ bio: 'Archivist', platform: 'mastodon', handle: 'ann@mastodon.ie', url: 'https://mastodon.ie/@ann' })).toMatchObject({
      value: 'unknown',
      evidence: "too little for IE: instance: 'mastodon.ie'",
    });
    expect(regionOf({ bio: 'Librarian in Perth', platform: 'mastodon', handle: 'ann@aus.social' })).toMatchObject({
      value: 'AU',
      evidence: "bio: 'Perth'; instance: 'aus.social'",
    });
    expect(regionOf({ bio: 'Archivist', platform: 'mastodon', handle: 'ann@glammr.us' }).value).toBe('unknown');
    expect(regionOf({ bio: '', url: 'https://linktr.ee/ann' }).value).toBe('unknown');
    expect(said('email me: ann@library.ucd.ie')).toBe('IE');
  });

  it('writes evidence that quotes each field', () => {
    expect(regionOf({ bio: 'Medical librarian, NHS Foundation Trust', location: 'Leeds, UK' })).toEqual({
      value: 'GB',
      source: 'inferred',
      confidence: 0.95,
      evidence: "bio: 'NHS Foundation Trust'; location: 'Leeds, UK'",
    });
  });

  it('reads a state code only as a word of its own, not inside a handle cut at its capitals (k167)', () => {
    expect(said('Bioinformaticist. Member of The Royal Irish Academy @RIAdawson .')).not.toBe('US');
    expect(regionOf({ bio: 'Bad jazz guitarist @RIAdawson' }).value).toBe('unknown');
    expect(at('Providence, RI')).toBe('US');
    expect(said('Librarian in NSW')).toBe('AU');
  });

  it('reads a code after a place as the country it names when the place is in that country (k184)', () => {
    expect(at('Utrecht, NL')).toBe('NL'); // not Newfoundland and Labrador
    expect(at('Delhi, IN')).toBe('IN'); // not Indiana
    expect(at('London, ON')).toBe('CA');
    expect(at('Portland, OR')).toBe('US');
  });

  it('reads an institution in the possessive as the institution, not the place in its name (s054)', () => {
    expect(regionOf({ bio: "Volunteers for the University of Washington's mapping project" }).evidence).toContain(
      "University of Washington's",
    );
    expect(said("Works on Washington's state archives")).toBe('US');
  });

  it('reads extra texts such as a Slack workspace name when given', () => {
    const p = profile({ platform: 'slack', handle: 'U123', name: 'Ann' });
    expect(inferContext(p).region.value).toBe('unknown');
    const r = inferContext(p, { extra: [{ label: 'workspace', text: 'Libraries of Aotearoa' }] }).region;
    expect(r).toMatchObject({ value: 'NZ', evidence: "workspace: 'Aotearoa'" });
  });
});
