/**
 * Colour-blind-safe palettes: Okabe–Ito, then Paul Tol's muted scheme, for
 * up to 15 categories; grey for the rest and for "unknown". Colour never
 * carries meaning alone: the legend, panels and table say it in words.
 * Faded people and ties follow the system's light or dark theme (the page's
 * tokens are in client/style.css), so the graph reads on either background.
 */
import { OTHER, PALETTE } from '../../shared/index.js';

export { OTHER, PALETTE };

const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/** People outside the active person's neighbourhood. */
export const FADED = dark ? '#2b313a' : '#e4e4e4';
/** The graph's background (--graph-bg in client/style.css). */
export const GRAPH_BG = dark ? '#12161b' : '#ffffff';
/** Ties at rest. */
export const TIE = dark ? '#4a5361' : '#bcc2ca';

export function colourOf(index: number): string {
  return PALETTE[index] ?? OTHER;
}
/** Ties of the hovered or selected person. */
export const HOVERED_TIE = dark ? '#c9d1d9' : '#555';
