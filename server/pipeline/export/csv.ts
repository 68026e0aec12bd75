/**
 * Node and edge tables for spreadsheets, written by the one CSV writer
 * (shared/csv.ts: RFC 4180, a BOM, formula-safe quoted text cells). Numeric
 * columns are written bare: a negative number stays a number (ours are
 * counts and weights, and the community −1 of a person with no ties, who is
 * in none).
 */
import type { GraphPayload } from '../../../shared/index.js';
import { csvTable } from '../../../shared/csv.js';
import { LIST_SEPARATOR } from './graphml.js';

export { textCell } from '../../../shared/csv.js';

export const NODE_CSV_COLUMNS = [
  'key',
  'label',
  'handle',
  'platform',
  'community',
  'sector',
  'region',
  'messages',
  'sessions',
  'degree',
  'weightedDegree',
  'chats',
] as const;

export const EDGE_CSV_COLUMNS = [
  'source',
  'target',
  'source_label',
  'target_label',
  'weight',
  'reply',
  'mention',
  'coAnswer',
  'coSession',
  'repost',
] as const;

export function toNodesCsv(payload: GraphPayload): string {
  return csvTable(
    NODE_CSV_COLUMNS,
    payload.nodes.map(({ key, attributes: a }) => [
      key,
      a.label,
      a.handle,
      a.platform,
      a.community,
      a.sector,
      a.region,
      a.messages,
      a.sessions,
      a.degree,
      a.weightedDegree,
      a.chats.join(LIST_SEPARATOR),
    ]),
  );
}

export function toEdgesCsv(payload: GraphPayload): string {
  const labels = new Map(payload.nodes.map((n) => [n.key, n.attributes.label]));
  return csvTable(
    EDGE_CSV_COLUMNS,
    payload.edges.map(({ source, target, attributes: a }) => [
      source,
      target,
      labels.get(source) ?? '',
      labels.get(target) ?? '',
      a.weight,
      a.reply,
      a.mention,
      a.coAnswer,
      a.coSession,
      a.repost,
    ]),
  );
}
