/**
 * ForceAtlas2 (Jacomy et al. 2014, "ForceAtlas2, a continuous graph layout
 * algorithm for handy network visualization") on typed arrays: repulsion
 * k_r·m_i·m_j/d between everyone (Barnes–Hut, see quadtree.ts), linear
 * attraction w·d along ties, strong gravity k_g·m·d towards the origin, and
 * the paper's adaptive global speed (swinging against traction, as Gephi
 * implements it). k_r and k_g are graphology's `inferSettings` values, so the
 * client's "Refine layout" (graphology's FA2) carries on from here instead of
 * rescaling everything. Moves `x`/`y` in place; stops early once the mean
 * step, smoothed over a few iterations, falls below `tolerance` × the
 * layout's radius.
 */
import { Quadtree } from './quadtree.js';

export interface ForceSettings {
  /** k_r: repulsion strength. */
  scalingRatio: number;
  /** k_g: strong gravity (grows with the distance from the origin). */
  gravity: number;
  /** Barnes–Hut opening ratio: a cell narrower than theta × its distance pushes as one body (Gephi: 1.2). */
  theta: number;
  /** How much swinging the speed tolerates (Gephi's jitter tolerance). */
  jitterTolerance: number;
  /** Stop once the smoothed mean step per iteration is below this share of the layout's radius. */
  tolerance: number;
}

export const DEFAULT_FORCE_SETTINGS: Readonly<ForceSettings> = {
  scalingRatio: 10,
  gravity: 0.05,
  theta: 1.2,
  jitterTolerance: 1,
  tolerance: 0.001,
};

export interface ForceInput {
  x: Float64Array;
  y: Float64Array;
  mass: Float64Array;
  /** CSR ties, each under both ends (see arrays.ts). */
  start: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
}

/** Smoothing of the step measure, so one calm iteration amid swinging does not stop the run. */
const STEP_SMOOTHING = 0.3;

/** Runs at most `iterations` steps over everyone in `input.x`; returns how many ran. */
export function forceAtlas2(input: ForceInput, iterations: number, settings: ForceSettings): number {
  const { x, y, mass, start, neighbour, weight } = input;
  const n = x.length;
  if (n < 2) return 0;
  const fx = new Float64Array(n),
    fy = new Float64Array(n);
  const oldX = new Float64Array(n),
    oldY = new Float64Array(n);
  const tree = new Quadtree();
  const { scalingRatio: kr, gravity: kg, theta, jitterTolerance } = settings;
  let speed = 1,
    efficiency = 1,
    step = Infinity;

  for (let iteration = 0; iteration < iterations; iteration++) {
    oldX.set(fx);
    oldY.set(fy);
    // Gravity and attraction first, then repulsion adds to them.
    for (let i = 0; i < n; i++) {
      const xi = x[i]!,
        yi = y[i]!;
      let sx = 0,
        sy = 0;
      for (let k = start[i]!, end = start[i + 1]!; k < end; k++) {
        const j = neighbour[k]!,
          w = weight[k]!;
        sx += w * (x[j]! - xi);
        sy += w * (y[j]! - yi);
      }
      fx[i] = sx - kg * mass[i]! * xi;
      fy[i] = sy - kg * mass[i]! * yi;
    }
    tree.build(x, y, mass, n);
    tree.repulse(x, y, mass, kr, theta, fx, fy);

    // Adaptive speed: faster while forces keep their direction, slower when people swing back and forth.
    let swinging = 0,
      traction = 0;
    for (let i = 0; i < n; i++) {
      swinging += mass[i]! * length(oldX[i]! - fx[i]!, oldY[i]! - fy[i]!);
      traction += (mass[i]! * length(oldX[i]! + fx[i]!, oldY[i]! + fy[i]!)) / 2;
    }
    if (!(swinging > 0)) return iteration;
    const optimal = 0.05 * Math.sqrt(n);
    let jitter = jitterTolerance * Math.max(Math.sqrt(optimal), Math.min(10, (optimal * traction) / (n * n)));
    if (swinging / traction > 2) {
      if (efficiency > 0.05) efficiency *= 0.5;
      jitter = Math.max(jitter, jitterTolerance);
    }
    const targetSpeed = (jitter * efficiency * traction) / swinging;
    if (swinging > jitter * traction) {
      if (efficiency > 0.05) efficiency *= 0.7;
    } else if (speed < 1000) efficiency *= 1.3;
    speed += Math.min(targetSpeed - speed, 0.5 * speed);

    let moved = 0,
      cx = 0,
      cy = 0;
    for (let i = 0; i < n; i++) {
      const swing = mass[i]! * length(oldX[i]! - fx[i]!, oldY[i]! - fy[i]!);
      const factor = speed / (1 + Math.sqrt(speed * swing));
      x[i] = x[i]! + fx[i]! * factor;
      y[i] = y[i]! + fy[i]! * factor;
      moved += factor * length(fx[i]!, fy[i]!);
      cx += x[i]!;
      cy += y[i]!;
    }
    cx /= n;
    cy /= n;
    let spread = 0;
    for (let i = 0; i < n; i++) spread += (x[i]! - cx) ** 2 + (y[i]! - cy) ** 2;
    const relative = moved / n / Math.sqrt(spread / n);
    step = step === Infinity ? relative : (1 - STEP_SMOOTHING) * step + STEP_SMOOTHING * relative;
    if (step < settings.tolerance) return iteration + 1;
  }
  return iterations;
}

/** Math.hypot guards against overflow and is several times slower; layout numbers are far from overflowing. */
const length = (dx: number, dy: number) => Math.sqrt(dx * dx + dy * dy);
