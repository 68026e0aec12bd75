/**
 * Messages into PostgreSQL as column arrays through `unnest`, a batch per
 * statement (a 100k-message file is a few dozen round trips rather than
 * 100k). Shared by the store and its staged imports.
 */
import type { Message } from '../../shared/index.js';
import { canonicalTime } from './canonical-time.js';

/** Rows per INSERT: one statement's arrays stay a few MB, and a failed file reports within a batch. */
export const IMPORT_BATCH_ROWS = 5000;

/** Parameters $1…$15 of `insertMessages`: the dataset id, then one array per column. */
export function messageColumns(datasetId: string, batch: readonly Message[]): unknown[] {
  const columns: unknown[][] = Array.from({ length: 14 }, () => new Array<unknown>(batch.length));
  batch.forEach((m, i) => {
    const row = [
      m.platform,
      m.id,
      m.chat,
      canonicalTime(m.time),
      m.author,
      m.text,
      m.replyToId ?? null,
      m.replyToAuthor ?? null,
      JSON.stringify(m.mentions),
      JSON.stringify(m.hashtags),
      m.kind,
      m.repostOf ?? null,
      m.question ?? null,
      m.answer ?? null,
    ];
    for (let c = 0; c < 14; c++) columns[c]![i] = row[c];
  });
  return [datasetId, ...columns];
}
