import { describe, expect, it } from 'vitest';
import { formatContextFigures, loadBios, measureContext } from '../../../bench/context.js';
import { SECTORS, COUNTRY_CODES } from '../../../server/pipeline/context/index.js';

// Floors at the figures reached when this was written (see bench/context.ts); raise them as inference improves.
describe('context inference accuracy', () => {
  const figures = measureContext();
  console.log(formatContextFigures(figures));

  it('has a varied bio set: 200+ bios, a quarter or more stating nothing for a field, valid answers', () => {
    const bios = loadBios();
    expect(bios.length).toBeGreaterThanOrEqual(200);
    expect(
      bios.filter((b) => b.expected.sector === 'unknown' || b.expected.region === 'unknown').length / bios.length,
    ).toBeGreaterThanOrEqual(0.25);
    for (const b of bios) {
      expect([...SECTORS, 'unknown']).toContain(b.expected.sector);
      expect(b.expected.region === 'unknown' || COUNTRY_CODES.has(b.expected.region)).toBe(true);
    }
  });

  it('gets at least 90% right on bios that state the field', () => {
    expect(figures.bios.sector.statedAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(figures.bios.region.statedAccuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('hardly guesses where a bio states nothing', () => {
    expect(figures.bios.sector.wrongGuesses).toBe(0);
    expect(figures.bios.region.wrongGuesses).toBeLessThanOrEqual(1);
    expect(figures.bios.sector.unknownRightShare).toBeGreaterThanOrEqual(0.85);
    expect(figures.bios.region.unknownRightShare).toBeGreaterThanOrEqual(0.95);
  });

  it('is nearly always right on the demo people it answers for', () => {
    expect(figures.demo.sector.precision).toBeGreaterThanOrEqual(0.98);
    expect(figures.demo.region.precision).toBeGreaterThanOrEqual(0.98);
    expect(figures.demo.sector.coverage).toBeGreaterThanOrEqual(0.6);
    expect(figures.demo.region.coverage).toBeGreaterThanOrEqual(0.7);
  });
});
