// Rules added on 7 Dec 2026 for US and Canadian bios and for evidence that is not current (issue 19, item 4),
// each shown on a bio quoted from the issue or from the dev half of data/eval/real-profiles (its id in the title).
import { describe, expect, it } from 'vitest';
import { inferContext } from '../../../server/pipeline/context/index.js';
import { profile } from './helpers.js';

const read = (fields: Parameters<typeof profile>[0]) => inferContext(profile(fields));
const both = (bio: string) => {
  const c = read({ bio });
  return [c.sector.value, c.region.value];
};

describe('institutions as US and Canadian bios name them', () => {
  it('reads a university acronym or handle after a role and a comma or "at" (c085, c110)', () => {
    expect(read({ bio: 'Digital Technologies Development Librarian, NCSU' })).toMatchObject({
      sector: { value: 'academic', evidence: "bio: 'NCSU'" },
      region: { value: 'US', evidence: "bio: 'NCSU'" },
    });
    expect(both('Liaison librarian for history, UMass Amherst')).toEqual(['academic', 'US']);
    expect(both('Librarian at UConn')).toEqual(['academic', 'US']);
    // Alone, an acronym stays a hint; one the lexicons read otherwise keeps that reading.
    expect(read({ bio: 'NCSU' }).sector.value).toBe('unknown');
    expect(read({ bio: 'Outreach librarian for primary care, HSE Library', location: 'Galway' }).sector.value).not.toBe('academic');
  });

  it('reads the short forms of university names: U of, Univ., State, Tech, UC <campus>', () => {
    expect(both('Librarian @ Univ. of Toronto')).toEqual(['academic', 'CA']);
    expect(both('Reference librarian, Michigan State')).toEqual(['academic', 'US']);
    expect(read({ bio: 'Access Archivist at Georgia Tech' }).region).toMatchObject({ value: 'US', evidence: "bio: 'Georgia Tech'" });
    expect(both('Web Manager, UC San Diego Library')).toEqual(['academic', 'US']);
    expect(both('Engineering Librarian, Cal State LA')).toEqual(['academic', 'US']);
  });

  it('reads US public libraries by name, two words or more, as the whole name before "Library"', () => {
    expect(read({ name: 'High Point Library', bio: 'Nurturing the joy of reading', location: 'High Point, NC' })).toMatchObject({
      sector: { value: 'public', evidence: "name: 'High Point Library'" },
      region: { value: 'US' },
    });
    expect(read({ name: 'MarstonsMillsPubLib', location: 'Cape Cod Massachusetts' }).sector.value).toBe('public');
    expect(both('Reference librarian, Enoch Pratt Free Library')).toEqual(['public', 'US']);
    // A handle that is a place and "library" is that place's public library; "uni", "state" are other kinds.
    expect(both('works at @brooklynlibrary')).toEqual(['public', 'US']);
    expect(both('Teen librarian @torontolibrary')).toEqual(['public', 'CA']);
    expect(read({ bio: 'Love @unilibrary' }).sector.value).toBe('unknown');
    // So is a profile link to a site so named.
    expect(read({ bio: 'Librarian', url: 'https://www.torontopubliclibrary.ca' })).toMatchObject({
      sector: { value: 'public', evidence: "url: 'torontopubliclibrary.ca'" },
      region: { value: 'CA' },
    });
    // "Hall" is a US town, but "Stuart Hall Library" is named after a person (p372).
    expect(read({ name: 'Stuart Hall Library', location: 'Rivington Place, London' }).sector.value).not.toBe('public');
  });
});

describe('evidence that is not current or not a workplace', () => {
  it('reads a degree held as training, not a sector or a place (c096, c071)', () => {
    expect(read({ bio: 'Metadata librarian. She holds an MLIS from Rutgers.' })).toMatchObject({
      sector: { value: 'unknown' },
      region: { value: 'unknown' },
    });
    const yoose = read({
      bio: 'Library Applications and Systems Manager at The Seattle Public Library. She previous worked at Grinnell College as the Discovery and Integrated Systems Librarian. Becky received her MLIS from University of Wisconsin - Madison in 2008.',
    });
    expect(yoose.sector.value).toBe('public');
    expect(read({ bio: 'MLIS student at SJSU' }).sector.value).toBe('education');
  });

  it('puts a current job before current study, and keeps the place of LIS study out of the sector (p529, p196)', () => {
    expect(
      read({ bio: 'Work: UNSW Business School Outreach Librarian. Study: Master of Info Studies (Leadership), CSU.' }).sector.value,
    ).toBe('academic');
    expect(read({ bio: 'Level 0 Library Nerd, studying Information Management at RMIT.' }).sector.value).toBe('education');
  });

  it('reads what someone likes as an interest, and words of any trade only in a library’s world', () => {
    expect(read({ bio: 'I love archives, yoga, meditation, art, books and films' }).sector.value).toBe('unknown');
    expect(read({ bio: 'Business Development for a research startup - all views my own' }).sector.value).toBe('unknown');
    expect(read({ bio: 'Legal research trainer at LexisNexis' }).sector.value).toBe('vendor');
    expect(read({ bio: 'Account manager for ebooks and journals' }).sector.value).toBe('vendor');
    expect(read({ bio: 'Account manager for a startup' }).sector.value).toBe('unknown');
  });

  it('reads a chat’s own hashtag as a weak sector hint and never as a place (LABELLING.md region rule 7)', () => {
    expect(read({ bio: 'I tweet about #tlchat and #edtech' })).toMatchObject({
      sector: { value: 'unknown' },
      region: { value: 'unknown' },
    });
    expect(read({ bio: 'Teacher librarian #tlchat' }).sector.value).toBe('school');
    expect(read({ bio: '#critlib #libraryjobs' }).sector.value).toBe('unknown');
  });

  it('does not read coordinates an app wrote in the location field as a place', () => {
    expect(read({ bio: 'Records and information management', location: 'ÜT: -41.31777,148.261049' }).region.value).toBe('unknown');
  });

  it('lets a named workplace outvote a long bio’s topics (c001)', () => {
    const popp = read({
      bio: 'Digital Preservation Coordinator\nTracy Popp is Digital Preservation Coordinator at the University of Illinois Urbana-Champaign. She is responsible in part for the development of policies, procedures and workflows related to the long term preservation of born-digital collections.',
    });
    expect(popp.sector.value).toBe('academic');
    expect(popp.region.value).toBe('US');
  });
});

describe('bios in other languages', () => {
  it('reads gendered and national forms of library roles (Spanish, German, Italian, French)', () => {
    expect(read({ bio: 'Bibliotecario universitario en la UNAM' }).sector.value).toBe('academic');
    expect(both('Fachreferentin an der UB Heidelberg')).toEqual(['academic', 'DE']);
    expect(both('Bibliotecaria municipal en Rosario')).toEqual(['public', 'AR']);
    expect(both('Bibliothécaire jeunesse, médiathèque de Bordeaux')).toEqual(['public', 'FR']);
  });
});
