import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES,
  DEFAULT_CONTEXT_OPTIONS,
  SECTORS,
  countryCodeOf,
  inferContext,
  resolveContextOptions,
} from '../../../server/pipeline/context/index.js';
import { ContextValueSchema } from '../../../shared/person.js';
import { bioProfile, loadBios } from '../../../bench/context.js';
import { profile } from './helpers.js';

describe('inferContext', () => {
  it('is pure and deterministic: same profile, same answer; the profile is left alone', () => {
    const p = profile({ bio: 'Teacher librarian in Perth WA 🇦🇺', location: 'Boorloo', name: 'Ann' });
    const before = structuredClone(p);
    const a = inferContext(p);
    expect(inferContext(p)).toEqual(a);
    expect(p).toEqual(before);
    a.sector.value = 'changed';
    expect(inferContext(p).sector.value).toBe('school');
  });

  it('answers with values from the specification only', () => {
    const { sector, region } = inferContext(profile({ bio: 'Archivist in Cork' }));
    expect([...SECTORS, 'unknown']).toContain(sector.value);
    expect(COUNTRY_CODES.has(region.value)).toBe(true);
  });

  it('answers what the shared ContextValueSchema accepts, for every bio in the test set', () => {
    loadBios().forEach((b, i) => {
      const { sector, region } = inferContext(bioProfile(b, i));
      expect(ContextValueSchema.parse(sector)).toEqual(sector);
      expect(ContextValueSchema.parse(region)).toEqual(region);
      expect(sector.source === 'unknown').toBe(sector.value === 'unknown');
      expect(region.confidence === 0).toBe(region.value === 'unknown');
    });
  });

  it('honours its options: fields read, thresholds', () => {
    const p = profile({ bio: 'Archivist', location: 'Birmingham' });
    expect(inferContext(p, { fields: ['bio'] }).region.value).toBe('unknown');
    expect(inferContext(p, { minConfidence: 0.6 }).region.value).toBe('unknown');
    expect(inferContext(p, { minShare: 0.8 }).region.value).toBe('unknown');
    expect(inferContext(p).region.value).toBe('GB');
    expect(inferContext(p, { fieldWeights: { location: 0 } }).region.value).toBe('unknown');
    expect(inferContext(profile({ bio: 'Librarian', location: 'Texas' }), { maxConfidence: 0.5 }).region.confidence).toBe(0.5);
  });

  it('documents its defaults and rejects nonsense options', () => {
    expect(resolveContextOptions()).toEqual(DEFAULT_CONTEXT_OPTIONS);
    expect(DEFAULT_CONTEXT_OPTIONS).toMatchObject({ minConfidence: 0.4, minShare: 0.6, maxConfidence: 0.95 });
    expect(() => resolveContextOptions({ minShare: 2 })).toThrow(/context: minShare must be between 0 and 1/);
    expect(() => resolveContextOptions({ fields: ['bio', 'email' as 'bio'] })).toThrow(/context: unknown field email/);
    expect(() => resolveContextOptions({ fieldWeights: { bio: -1 } })).toThrow(/context: fieldWeights.bio/);
  });
});

describe('gazetteer', () => {
  it('knows every ISO 3166-1 alpha-2 code', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    for (const code of ['GB', 'US', 'AU', 'CA', 'IE', 'NZ', 'DE', 'JE', 'XK']) expect(COUNTRY_CODES.has(code)).toBe(code !== 'XK');
  });

  it('turns country names in any language into codes, and only country names', () => {
    expect(countryCodeOf('Éire')).toBe('IE');
    expect(countryCodeOf('Deutschland')).toBe('DE');
    expect(countryCodeOf('UK')).toBe('GB');
    expect(countryCodeOf('Scotland')).toBe('GB');
    expect(countryCodeOf('  United States of America ')).toBe('US');
    expect(countryCodeOf('nz')).toBe('NZ');
    expect(countryCodeOf('Texas')).toBeUndefined();
    expect(countryCodeOf('Atlantis')).toBeUndefined();
  });
});
