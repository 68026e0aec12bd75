import { describe, expect, it } from 'vitest';
import { nmi } from '../support/nmi.js';

const m = (xs: (string | number)[]) => new Map(xs.map((x, i) => [String(i), x]));

describe('nmi (test helper)', () => {
  it('is 1 for the same partition under other labels, 0 for independent ones', () => {
    expect(nmi(m([0, 0, 1, 1]), m(['b', 'b', 'a', 'a']))).toBeCloseTo(1, 10);
    expect(nmi(m([0, 0, 1, 1]), m([0, 1, 0, 1]))).toBeCloseTo(0, 10);
    expect(nmi(m([0, 0, 0, 1, 1, 1]), m([0, 0, 1, 1, 1, 1]))).toBeCloseTo(0.4787, 3);
  });
});
