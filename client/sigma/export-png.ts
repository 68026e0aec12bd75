/**
 * A PNG of the current view with what makes it readable on its own: the
 * legend beside the graph and a one-line caption under it.
 */
import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Category } from '../graph/model.js';

/** The caption's words in lines that fit `width` at the caption's font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && ctx.measureText(`${line} ${w}`).width > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return line ? [...lines, line] : lines;
}

const CAPTION_FONT = '13px system-ui, sans-serif';
const CAPTION_LINE = 18;

export async function viewToPng(renderer: Sigma, legend: { title: string; categories: Category[] }, caption: string): Promise<Blob> {
  const graphBlob = await toBlob(renderer as unknown as Parameters<typeof toBlob>[0], { format: 'png', backgroundColor: '#ffffff' });
  const graph = await createImageBitmap(graphBlob);
  const legendWidth = 280;
  const canvas = document.createElement('canvas');
  canvas.width = graph.width + legendWidth;
  const ctx = canvas.getContext('2d')!;
  // The caption is wrapped before the canvas gets its height, so a long one is never cut off.
  ctx.font = CAPTION_FONT;
  const lines = wrap(ctx, caption, canvas.width - 32);
  const captionHeight = Math.max(56, 20 + lines.length * CAPTION_LINE);
  canvas.height = Math.max(graph.height, 40 + legend.categories.length * 22) + captionHeight;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(graph, 0, 0);
  ctx.fillStyle = '#1d1d1f';
  ctx.font = 'bold 15px system-ui, sans-serif';
  ctx.fillText(legend.title, graph.width + 16, 28);
  ctx.font = '13px system-ui, sans-serif';
  legend.categories.slice(0, 30).forEach((c, i) => {
    const y = 52 + i * 22;
    ctx.fillStyle = c.colour;
    ctx.beginPath();
    ctx.arc(graph.width + 24, y - 4, 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#1d1d1f';
    ctx.fillText(`${c.label} (${c.count})`.slice(0, 38), graph.width + 38, y);
  });
  ctx.fillStyle = '#444';
  ctx.font = CAPTION_FONT;
  lines.forEach((line, i) => ctx.fillText(line, 16, canvas.height - captionHeight + 22 + i * CAPTION_LINE));
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'));
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
