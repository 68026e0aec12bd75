/**
 * The hovered person's ties, drawn on a 2D canvas of their own over sigma's
 * layers (below its hover layer), for big graphs: a hover then repaints this
 * canvas and sigma's hover layer only, never the tens of thousands of ties
 * and people underneath (which cost seconds per frame without a GPU).
 * Sigma draws the hovered person and their label itself. Redrawn after each
 * render, so the ties follow the camera; hidden people (filters, legend)
 * get no tie.
 */
import type Sigma from 'sigma';
import type { AtlasGraph } from '../graph/model.js';
import { HOVERED_TIE } from '../design/palette.js';

export interface HoverTies {
  show(node: string | undefined): void;
  kill(): void;
}

export function createHoverTies(renderer: Sigma, graph: AtlasGraph): HoverTies {
  const canvas = renderer.createCanvas('atlasHoverTies', { beforeLayer: 'hovers', style: { pointerEvents: 'none' } });
  const context = canvas.getContext('2d')!;
  let hovered: string | undefined;

  const size = () => {
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { width, height };
  };

  const draw = () => {
    const { width, height } = size();
    context.clearRect(0, 0, width, height);
    if (hovered === undefined || !graph.hasNode(hovered)) return;
    const centre = renderer.getNodeDisplayData(hovered);
    if (!centre || centre.hidden) return;
    const from = renderer.framedGraphToViewport(centre);
    context.strokeStyle = HOVERED_TIE;
    context.lineWidth = 1.5;
    context.beginPath();
    const ends: { x: number; y: number; size: number; color: string }[] = [];
    graph.forEachNeighbor(hovered, (neighbour) => {
      const display = renderer.getNodeDisplayData(neighbour);
      if (!display || display.hidden) return;
      const to = renderer.framedGraphToViewport(display);
      context.moveTo(from.x, from.y);
      context.lineTo(to.x, to.y);
      ends.push({ ...to, size: renderer.scaleSize(display.size), color: display.color });
    });
    context.stroke();
    // The neighbours on top of the ties, so the ends read as people.
    for (const end of ends) {
      context.fillStyle = end.color;
      context.beginPath();
      context.arc(end.x, end.y, Math.max(2, end.size), 0, 2 * Math.PI);
      context.fill();
    }
  };

  renderer.on('afterRender', draw);
  renderer.on('resize', draw);
  return {
    show(node) {
      hovered = node;
      draw();
    },
    kill() {
      renderer.off('afterRender', draw);
      renderer.off('resize', draw);
      renderer.killLayer('atlasHoverTies');
    },
  };
}
