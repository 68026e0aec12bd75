/**
 * An SVG picture of a graph, made on the server from the payload alone (for
 * a talk's slides or a report): ties, people coloured by community, labels
 * of the most connected, a legend and the caption. Deterministic, no browser.
 */
import { NO_COMMUNITY, OTHER, PALETTE, type GraphPayload } from '../../../shared/index.js';
import { xmlEscape } from './graphml.js';

/** Grey past the palette, and for people with no ties (NO_COMMUNITY, no index into it). */
const colour = (c: number) => PALETTE[c] ?? OTHER;
const n2 = (x: number) => Math.round(x * 100) / 100;

export interface SvgOptions {
  width: number;
  height: number;
  /** People labelled, most connected first. */
  labels: number;
}

export const DEFAULT_SVG_OPTIONS: SvgOptions = { width: 1200, height: 800, labels: 15 };

export function toSvg(payload: GraphPayload, options: Partial<SvgOptions> = {}): string {
  const { width, height, labels } = { ...DEFAULT_SVG_OPTIONS, ...options };
  const legendWidth = 280;
  const plot = { x: 20, y: 20, w: width - legendWidth - 40, h: height - 100 };
  const xs = payload.nodes.map((n) => n.attributes.x);
  const ys = payload.nodes.map((n) => n.attributes.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 1), Math.min(...ys, 0), Math.max(...ys, 1)];
  const scale = Math.min(plot.w / (maxX - minX || 1), plot.h / (maxY - minY || 1));
  const at = new Map(
    payload.nodes.map((n) => [n.key, { x: n2(plot.x + (n.attributes.x - minX) * scale), y: n2(plot.y + (maxY - n.attributes.y) * scale) }]),
  );
  const maxWeight = Math.max(1, ...payload.edges.map((e) => e.attributes.weight));

  const edges = payload.edges.map((e) => {
    const [a, b] = [at.get(e.source)!, at.get(e.target)!];
    return `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke-width="${n2(0.3 + 2 * Math.sqrt(e.attributes.weight / maxWeight))}"/>`;
  });
  const nodes = payload.nodes.map((n) => {
    const p = at.get(n.key)!;
    return `<circle cx="${p.x}" cy="${p.y}" r="${n2(n.attributes.size * 0.6)}" fill="${colour(n.attributes.community)}"><title>${xmlEscape(n.attributes.label)}</title></circle>`;
  });
  const labelled = [...payload.nodes]
    .sort((a, b) => b.attributes.weightedDegree - a.attributes.weightedDegree || (a.key < b.key ? -1 : 1))
    .slice(0, labels);
  const texts = labelled.map((n) => {
    const p = at.get(n.key)!;
    return `<text x="${n2(p.x + n.attributes.size * 0.6 + 3)}" y="${n2(p.y + 4)}">${xmlEscape(n.attributes.label)}</text>`;
  });
  const meta = payload.attributes.meta;
  const legend = meta.communities.slice(0, 15).map((c, i) => {
    const y = 60 + i * 22;
    const chat = c.chats[0]?.chat ? ` · ${c.chats[0].chat}` : '';
    return `<circle cx="${width - legendWidth + 12}" cy="${y - 4}" r="6" fill="${colour(c.id)}"/><text x="${width - legendWidth + 26}" y="${y}">${xmlEscape(`Community ${c.id + 1} (${c.size})${chat}`)}</text>`;
  });
  // People with no ties are drawn (grey, on their ring) but are no community: a row of their own, after the communities.
  const alone = payload.nodes.filter((n) => n.attributes.community === NO_COMMUNITY).length;
  if (alone > 0) {
    const y = 60 + legend.length * 22;
    legend.push(
      `<circle cx="${width - legendWidth + 12}" cy="${y - 4}" r="6" fill="${OTHER}"/><text x="${width - legendWidth + 26}" y="${y}">${alone} ${alone === 1 ? 'person' : 'people'} with no ties</text>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${xmlEscape(meta.dataset.name)}: who talks with whom</title>`,
    `<desc>${xmlEscape(meta.caption)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g stroke="#c8c8c8">${edges.join('')}</g>`,
    `<g stroke="#ffffff" stroke-width="0.5">${nodes.join('')}</g>`,
    `<g fill="#1d1d1f">${texts.join('')}</g>`,
    `<g fill="#1d1d1f"><text x="${width - legendWidth}" y="30" font-size="14" font-weight="bold">Communities (${meta.communities.length})</text>${legend.join('')}</g>`,
    `<foreignObject x="20" y="${height - 70}" width="${width - 40}" height="60"><p xmlns="http://www.w3.org/1999/xhtml" style="margin:0;font:13px system-ui,sans-serif;color:#444">${xmlEscape(meta.caption)}</p></foreignObject>`,
    `</svg>`,
  ].join('\n');
}
