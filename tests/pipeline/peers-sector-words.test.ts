/**
 * A sector said as far as its evidence goes (peers/sector-words.ts), read
 * from real bios through the context inference as the peers route reads
 * them: the sector is about the institution, a library is named only when
 * the evidence names one. Bios from tests/fixtures/real (the #auspreserves
 * day, the #eaw18 Hydrator sample, the bang_search twarc sample); the one
 * library role is written here, since no academic librarian's bio in those
 * fixtures is read as academic.
 */
import { describe, expect, it } from 'vitest';
import { inferContext } from '../../server/pipeline/context/index.js';
import { contextReason } from '../../server/pipeline/peers/reasons.js';
import { sectorWords } from '../../server/pipeline/peers/sector-words.js';

const sectorOf = (bio: string) => {
  const { sector } = inferContext({ key: 'twitter:x', platform: 'twitter', handle: 'x', bio });
  return { sector: sector.value, words: sectorWords(sector.value, sector.evidence)?.they };
};

describe('sector words from evidence', () => {
  it('says "at a university or college" for academic people with no library role', () => {
    expect(sectorOf('Research data specialist at the University of Melbourne with an interest in biodiversity')).toEqual({
      sector: 'academic',
      words: 'is at a university or college',
    });
    expect(sectorOf('Student. Catholic University of America 2020.')).toEqual({
      sector: 'academic',
      words: 'is at a university or college',
    });
    expect(sectorOf('All of us is smarter than any of us. Lecturer, Curtin Uni, W.Aust. Researching kindness & libraries')).toEqual({
      sector: 'academic',
      words: 'is at a university or college',
    });
  });

  it('says "works in academic libraries" only when a library role is stated', () => {
    expect(sectorOf('Subject librarian at a university library')).toEqual({ sector: 'academic', words: 'works in academic libraries' });
  });

  it('says other sectors truthfully too', () => {
    expect(sectorOf('Senior Research Archivist, University of Melbourne. I love Argenta, yoga')).toEqual({
      sector: 'archives',
      words: 'works in archives',
    });
    expect(sectorOf('Playwright, multiple plays published and internationally produced.  Clinical Psychologist')).toEqual({
      sector: 'health',
      words: 'works in health care',
    });
    expect(sectorOf('I sell and read books for a living. -Penguin Random House MENA Sales Manager')).toEqual({
      sector: 'vendor',
      words: 'works for a publisher or vendor',
    });
    expect(sectorOf('Equinox Open Library Initiative is a nonprofit serving libraries with open source technologies.')).toEqual({
      sector: 'vendor',
      words: 'works for a library vendor',
    });
    expect(sectorOf('National and State Libraries Australasia (NSLA) represents the national libraries of Australia and NZ')).toEqual({
      sector: 'national',
      words: 'works at a national library',
    });
    expect(sectorWords('education', "bio: 'MLIS student'")?.they).toBe('studies library and information science');
    expect(sectorWords('unknown')).toBeUndefined();
  });

  it('puts both sides in the reason, "too" only when both are said alike', () => {
    const them = { sector: 'academic', region: 'CA', sectorEvidence: "bio: 'University of Toronto'" };
    expect(contextReason('Ann', { sector: 'academic', region: 'US', sectorEvidence: "bio: 'liaison librarian'" }, them)).toBe(
      'Ann is at a university or college, in Canada; you work in academic libraries in the United States',
    );
    expect(contextReason('Ann', { sector: 'academic', region: 'US', sectorEvidence: "bio: 'Stanford'" }, them)).toBe(
      'Ann is at a university or college too, in Canada; you are in the United States',
    );
    expect(contextReason('Ann', { sector: 'archives', region: 'CA', sectorEvidence: "bio: 'archivist'" }, them)).toBe(
      'Ann is at a university or college, also in Canada; you work in archives',
    );
  });
});
