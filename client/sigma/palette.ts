/** Okabe–Ito, a colour-blind-safe palette; grey for everything past it. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const OTHER = '#9a9a9a';

export function colourOf(index: number): string {
  return PALETTE[index] ?? OTHER;
}
