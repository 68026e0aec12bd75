/**
 * The export formats: one writer per format, each a pure function of a
 * GraphPayload, with the content type and file name a download needs.
 */
import type { GraphPayload } from '../../../shared/index.js';
import { toEdgesCsv, toNodesCsv } from './csv.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toSvg } from './svg.js';

export { toEdgesCsv, toNodesCsv } from './csv.js';
export { toGexf } from './gexf.js';
export { toGraphml } from './graphml.js';
export { toSvg } from './svg.js';
export { DEFAULT_PSEUDONYMIZE_OPTIONS, pseudonymize, type PseudonymizeOptions } from './pseudonymize.js';

export const EXPORT_FORMATS = ['json', 'gexf', 'graphml', 'nodes-csv', 'edges-csv', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  body: string;
  contentType: string;
  extension: string;
}

interface FormatSpec {
  write: (payload: GraphPayload) => string;
  contentType: string;
  extension: string;
  /** What the file holds, in its name: `uklibchat-graph.gexf`, `uklibchat-nodes.csv`. */
  part: string;
}

// GEXF and GraphML have no registered media type; `+xml` is the convention and lets tools see XML.
const FORMATS: Record<ExportFormat, FormatSpec> = {
  json: { write: (p) => JSON.stringify(p), contentType: 'application/json; charset=utf-8', extension: 'json', part: 'graph' },
  gexf: { write: toGexf, contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', part: 'graph' },
  graphml: { write: toGraphml, contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', part: 'graph' },
  'nodes-csv': { write: toNodesCsv, contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv', part: 'nodes' },
  'edges-csv': { write: toEdgesCsv, contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv', part: 'edges' },
  svg: { write: (p) => toSvg(p), contentType: 'image/svg+xml; charset=utf-8', extension: 'svg', part: 'graph' },
};

/** Each format's media type without parameters, for the routes' OpenAPI description. */
export const EXPORT_MEDIA_TYPES = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, FORMATS[f].contentType.split(';')[0]!])) as Record<
  ExportFormat,
  string
>;

export function writeExport(payload: GraphPayload, format: ExportFormat): ExportFile {
  const spec = FORMATS[format];
  if (!spec) throw new Error(`export: unknown format ${String(format)}`);
  return { body: spec.write(payload), contentType: spec.contentType, extension: spec.extension };
}

/**
 * A file name people can keep, safe in a Content-Disposition header:
 * `uklibchat-csv-graph.json`, `uklibchat-csv-nodes-pseudonymous.csv`.
 * Pass the name from the payload actually written (a pseudonymised payload's
 * dataset name has been scrubbed).
 */
export function exportFileName(datasetName: string, format: ExportFormat, pseudonymous = false): string {
  // Accents dropped rather than the letters (`Ünïcode` → `unicode`): the name must be plain ASCII in the header.
  const base =
    datasetName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'dataset';
  const spec = FORMATS[format];
  return `${base}-${spec.part}${pseudonymous ? '-pseudonymous' : ''}.${spec.extension}`;
}
