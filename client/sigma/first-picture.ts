/**
 * The first picture (issue 21, item 7): the moment the graph's JSON
 * arrives, before it is checked, loaded into graphology or handed to sigma,
 * its people are drawn as dots at the positions the server computed, in
 * their community colours, on a plain 2D canvas over the graph. Sigma's first
 * WebGL frame costs far more (without a GPU, ≈0.6 s of shader set-up and
 * drawing before the browser can show it); when it has drawn, the picture
 * goes. Framed as the renderer fits everyone (camera.ts), so nothing jumps.
 * Reads the raw payload defensively: anything unexpected draws nothing.
 */
import { NO_COMMUNITY } from '../../shared/index.js';
import { OTHER } from '../design/palette.js';
import { communityColours } from '../graph/community-colours.js';
import { CROWD_PEOPLE } from '../graph/model.js';

interface RawNode {
  key: string;
  attributes: { x: number; y: number; size: number; community: number; weightedDegree: number };
}

/** Pixels kept free around the people, as camera.ts keeps them (margin, and room for names at the sides). */
const MARGIN = 24;
const LABEL_ROOM = 60;

function rawNodes(payload: unknown): RawNode[] | undefined {
  const nodes = (payload as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return undefined;
  const ok = nodes.every((n: RawNode) => Number.isFinite(n?.attributes?.x) && Number.isFinite(n?.attributes?.y));
  return ok ? (nodes as RawNode[]) : undefined;
}

export interface FirstPictureOptions {
  /** Community colours remembered from an earlier view (community-colours.ts). */
  remembered: ReadonlyMap<string, string>;
  /** Whether people are coloured by community (else they are drawn in one neutral colour). */
  byCommunity: boolean;
}

/** Draws the picture into `container` and returns a function that removes it; undefined when there is nothing to draw. */
export function drawFirstPicture(container: HTMLElement, payload: unknown, options: FirstPictureOptions): (() => void) | undefined {
  const nodes = rawNodes(payload);
  const width = container.clientWidth;
  const height = container.clientHeight;
  if (!nodes || nodes.length === 0 || width < 10 || height < 10) return undefined;

  const crowding = Math.min(1, Math.sqrt(CROWD_PEOPLE / nodes.length));
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity,
    biggest = 0;
  for (const { attributes: a } of nodes) {
    x0 = Math.min(x0, a.x);
    x1 = Math.max(x1, a.x);
    y0 = Math.min(y0, a.y);
    y1 = Math.max(y1, a.y);
    biggest = Math.max(biggest, (a.size || 1) * crowding);
  }
  const room = MARGIN + biggest;
  const roomX = room + Math.min(LABEL_ROOM, width / 8);
  const scale = Math.min((width - 2 * roomX) / Math.max(x1 - x0, 1e-9), (height - 2 * room) / Math.max(y1 - y0, 1e-9));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;

  const colours = options.byCommunity
    ? communityColours({ forEachNode: (cb) => nodes.forEach((n) => cb(n.key, n.attributes)) }, options.remembered)
    : new Map<number, string>();
  const byColour = new Map<string, RawNode[]>();
  for (const n of nodes) {
    const colour = n.attributes.community === NO_COMMUNITY ? OTHER : (colours.get(n.attributes.community) ?? OTHER);
    const list = byColour.get(colour) ?? [];
    list.push(n);
    byColour.set(colour, list);
  }

  const canvas = document.createElement('canvas');
  canvas.className = 'first-picture';
  canvas.setAttribute('aria-hidden', 'true');
  Object.assign(canvas.style, { position: 'absolute', inset: '0', width: `${width}px`, height: `${height}px`, pointerEvents: 'none' });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  context.scale(ratio, ratio);
  for (const [colour, list] of byColour) {
    context.fillStyle = colour;
    context.beginPath();
    for (const { attributes: a } of list) {
      const x = width / 2 + (a.x - cx) * scale;
      // Graph y points up, the screen's down (as sigma draws it).
      const y = height / 2 - (a.y - cy) * scale;
      const r = Math.max(1, (a.size || 1) * crowding);
      context.moveTo(x + r, y);
      context.arc(x, y, r, 0, 2 * Math.PI);
    }
    context.fill();
  }
  container.append(canvas);
  return () => canvas.remove();
}

/**
 * Resolves once the browser has painted what is on screen now: a task posted
 * from a frame's animation callback runs after that frame's paint.
 */
export const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Lets the browser handle input and paint before the next piece of work. */
export const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
