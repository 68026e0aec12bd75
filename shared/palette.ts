/**
 * The colour-blind-safe category palette the explorer and the server's SVG
 * export both draw with: Okabe–Ito, then Paul Tol's muted scheme, for up to
 * 15 categories; one grey for the rest and for "unknown" or "no ties".
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#332288',
  '#117733',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
  '#DDCC77',
  '#88CCEE',
  '#CC6677',
] as const;

/** Past the palette, and for categories that carry no colour. */
export const OTHER = '#9a9a9a';
