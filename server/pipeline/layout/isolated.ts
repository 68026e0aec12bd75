/**
 * People without ties: no force pass needs them (nothing pulls them, and
 * ForceAtlas2 would only push them out to the rim over many iterations), so
 * they go straight to where it would put them, a thin ring just outside
 * everyone else, spread along it on a golden-angle sunflower so none overlap.
 * On Twitter chats they can be many (one tweet with the tag, outside any chat
 * hour), which is why they are worth not simulating.
 */

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Spacing of the sunflower when no one has a tie: about the distance between neighbouring seeds. */
const SPACING = 10;

/**
 * Places indices from…x.length−1 around the layout of 0…from−1 (centred on its centroid). With no one
 * to go around (from = 0: no one has a tie), they fill a sunflower disc instead, evenly, none on another.
 */
export function ringIsolated(x: Float64Array, y: Float64Array, from: number): void {
  const count = x.length - from;
  if (count === 0) return;
  if (from === 0) {
    for (let j = 0; j < count; j++) {
      const r = SPACING * Math.sqrt(j + 0.5);
      x[j] = r * Math.cos(j * GOLDEN_ANGLE);
      y[j] = r * Math.sin(j * GOLDEN_ANGLE);
    }
    return;
  }
  let cx = 0,
    cy = 0;
  for (let i = 0; i < from; i++) {
    cx += x[i]!;
    cy += y[i]!;
  }
  cx /= from;
  cy /= from;
  let radius = 0;
  for (let i = 0; i < from; i++) radius = Math.max(radius, Math.sqrt((x[i]! - cx) ** 2 + (y[i]! - cy) ** 2));
  if (!(radius > 0)) radius = 1;
  for (let j = 0; j < count; j++) {
    const r = radius * (1.08 + 0.12 * Math.sqrt((j + 0.5) / count));
    x[from + j] = cx + r * Math.cos(j * GOLDEN_ANGLE);
    y[from + j] = cy + r * Math.sin(j * GOLDEN_ANGLE);
  }
}
