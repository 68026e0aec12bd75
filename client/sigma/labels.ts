/**
 * Labels that never overlap. Sigma picks labels by a grid (one or a few per
 * cell) but draws each whole, so long names spill over their neighbours'.
 * Here every label claims its box on the canvas for the frame; a label whose
 * box is taken is not drawn. Claims are made in priority order: the
 * selected and searched-for people and the community names first (reserved
 * before sigma draws, see labels-layer.ts), then sigma's own order (largest
 * people first within a cell).
 *
 * The drawing function is a plain sigma setting, so the pictures that copy
 * the page's settings (export-png.ts, pseudonymous-picture.ts) get it too:
 * a frame's claims are dropped in a microtask, after sigma's synchronous
 * label loop, whichever sigma draws.
 */
import type { NodeLabelDrawingFunction } from 'sigma/rendering';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const claims = new WeakMap<CanvasRenderingContext2D, { boxes: Box[]; reserved: Set<string> }>();

function frameOf(context: CanvasRenderingContext2D) {
  let frame = claims.get(context);
  if (!frame) {
    frame = { boxes: [], reserved: new Set() };
    claims.set(context, frame);
    queueMicrotask(() => claims.delete(context));
  }
  return frame;
}

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Where sigma's disc label for a person at (x, y) of rendered radius `size` falls. */
export function personLabelBox(
  context: CanvasRenderingContext2D,
  label: string,
  x: number,
  y: number,
  size: number,
  fontSize: number,
): Box {
  const left = x + size + 3;
  return { x0: left - 2, y0: y - fontSize / 2 - 2, x1: left + context.measureText(label).width + 2, y1: y + fontSize / 2 + 2 };
}

/** Claims boxes before sigma draws; a forced label with a reservation is drawn, one without is not. */
export function reserve(context: CanvasRenderingContext2D, boxes: Box[], people: string[] = []): void {
  const frame = frameOf(context);
  frame.boxes.push(...boxes);
  for (const key of people) frame.reserved.add(key);
}

/** Claims a box if free. */
export function claim(context: CanvasRenderingContext2D, box: Box): boolean {
  const frame = frameOf(context);
  if (frame.boxes.some((b) => overlaps(b, box))) return false;
  frame.boxes.push(box);
  return true;
}

export const drawLabelApart: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const frame = frameOf(context);
  const key = (data as { key?: string }).key;
  const reserved = key !== undefined && frame.reserved.has(key);
  if (!reserved) {
    // A forced label no one reserved (another sigma copying the settings): it claims like any other.
    const box = personLabelBox(context, data.label, data.x, data.y, data.size, size);
    // A name cut by the canvas's edge reads as another name: not drawn.
    const width = context.canvas.width / (window.devicePixelRatio || 1);
    if (box.x1 > width || box.x0 < 0) return;
    if (!claim(context, box)) return;
  }
  context.fillStyle = settings.labelColor.attribute
    ? String((data as Record<string, unknown>)[settings.labelColor.attribute] ?? settings.labelColor.color ?? '#000')
    : (settings.labelColor.color ?? '#000');
  context.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
};
