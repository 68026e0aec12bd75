import { describe, expect, it } from 'vitest';
import { inferContext } from '../../../server/pipeline/context/index.js';
import { profile } from './helpers.js';

const sectorOf = (bio: string, extra: Parameters<typeof profile>[0] = {}) => inferContext(profile({ bio, ...extra })).sector;

describe('sector inference', () => {
  it.each([
    ['academic', 'Liaison librarian for History at a university library'],
    ['public', 'Children’s librarian at the county library. Storytime every Tuesday'],
    ['school', 'K-12 teacher-librarian and #tlchat regular'],
    ['health', 'Clinical librarian, NHS Foundation Trust'],
    ['law', 'Law librarian at a big firm. Legal research all day'],
    ['government', 'Parliamentary researcher, House of Commons Library'],
    ['national', 'Curator at the national library'],
    ['special', 'Corporate librarian in a pharma company'],
    ['archives', 'Archivist at the county record office'],
    ['education', 'MLIS student at an iSchool'],
    ['vendor', 'Account manager at EBSCO'],
  ])('recognises %s from a typical bio', (sector, bio) => {
    expect(sectorOf(bio)).toMatchObject({ value: sector, source: 'inferred' });
  });

  it('keeps unknown unknown: no evidence, no guess', () => {
    for (const bio of ['Tea, books, cats.', 'Views my own. RTs ≠ endorsements.', 'Librarian 📚', '']) {
      expect(sectorOf(bio)).toEqual({ value: 'unknown', source: 'unknown', confidence: 0 });
    }
  });

  it('is not fooled by everyday uses of sector words', () => {
    for (const bio of [
      'Lover of public spaces.',
      'Reading about law and order.',
      'Old school. Student of life.',
      'Internet Archive fan',
      'National park enthusiast',
      'Food court connoisseur',
    ]) {
      expect(sectorOf(bio).value).toBe('unknown');
    }
  });

  it('puts a role before its workplace: academic law librarians are law, archivists at universities are archives', () => {
    expect(sectorOf('Academic law librarian').value).toBe('law');
    expect(sectorOf('Law librarian at a university').value).toBe('law');
    expect(sectorOf('Archivist at a university').value).toBe('archives');
    expect(sectorOf('Medical librarian at a university medical school').value).toBe('health');
    expect(sectorOf('LIS lecturer at a university').value).toBe('education');
  });

  it('leaves two sectors said outright unknown, with what it saw', () => {
    // In one clause; in two, the first is the day job (LABELLING.md sector rule 8, registry-rules.test.ts).
    const s = sectorOf('Law librarian, school librarian');
    expect(s.value).toBe('unknown');
    expect(s.evidence).toBe("undecided between law and school: bio: 'Law librarian, school librarian'");
  });

  it('puts a current job before current LIS study (LABELLING.md sector rule 6)', () => {
    // Was unknown ("undecided between education and public") before 7 Dec: the written rule says the job decides.
    expect(sectorOf('MLIS student | library assistant at a public library')).toMatchObject({
      value: 'public',
      evidence: "bio: 'public library'",
    });
    expect(sectorOf('MLIS student at SJSU').value).toBe('education');
  });

  it('gives the longer phrase its due: legal deposit is national, library school is education', () => {
    expect(sectorOf('Legal deposit librarian').value).toBe('national');
    expect(sectorOf('Library school student').value).toBe('education');
    expect(sectorOf('News researcher at a national broadcaster').value).toBe('special');
  });

  it('does not count a sector someone left', () => {
    expect(sectorOf('Former school librarian, now writing picture books').value).toBe('unknown');
    expect(sectorOf('Ex-law librarian, now customer success at ProQuest').value).toBe('vendor');
  });

  it('reads case, emoji, hyphens and abbreviations', () => {
    expect(sectorOf('SCHOOL LIBRARIAN 📚✏️').value).toBe('school');
    expect(sectorOf('🏥hospital librarian🩺').value).toBe('health');
    expect(sectorOf('Teacher–librarian').value).toBe('school');
    expect(sectorOf('Sr. Law Libn @ a big firm').value).toBe('law');
    expect(sectorOf('H.S. librarian').value).toBe('school');
  });

  it('reads the display name, location and web address too', () => {
    expect(sectorOf('Books & bikes', { name: 'Priya | School Librarian' }).value).toBe('school');
    expect(sectorOf('', { location: 'Boston Public Library' }).value).toBe('public');
    expect(sectorOf('Librarian', { url: 'https://www.leeds.ac.uk/library' }).value).toBe('academic');
    expect(sectorOf('Librarian', { url: 'https://library.nhs.uk/' }).value).toBe('health');
  });

  it('writes evidence that quotes the profile', () => {
    expect(sectorOf('Medical librarian, NHS Foundation Trust')).toEqual({
      value: 'health',
      source: 'inferred',
      confidence: 0.92,
      evidence: "bio: 'Medical librarian, NHS Foundation Trust'",
    });
    expect(sectorOf('Trainer @ EBSCO')).toEqual({
      value: 'vendor',
      source: 'inferred',
      confidence: 0.86,
      evidence: "bio: 'Trainer @ EBSCO'",
    });
  });

  it('reads a few other languages’ words for libraries', () => {
    expect(sectorOf('Bibliotecaria en una biblioteca pública').value).toBe('public');
    expect(sectorOf('Archiviste à Montréal').value).toBe('archives');
    expect(sectorOf("Bibliothécaire à l'Université Laval").value).toBe('academic');
  });
});
