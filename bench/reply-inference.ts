/**
 * Reply inference against gold: the #ubuntu log of 19–20 Dec 2016 with
 * Kummerfeld et al.'s hand-made reply links (ACL 2019, doi:10.18653/v1/P19-1374,
 * CC-BY-4.0), annotated for file lines 1000–1249.
 *
 * What is scored is what the graph uses: reply edges by author pair. For each
 * message on an annotated line, a gold edge goes to the author of each line it
 * is linked to (`<earlier> <later> -`, 0-based file lines); self-links (a
 * conversation start), links to system lines and links to one's own earlier
 * message make no edge between two people and are left out. A predicted edge
 * is the parsed message's `replyToAuthor`; it is correct when that author is
 * among the message's gold authors, whichever of their messages was meant.
 * Lines map to messages through `readIrcLog`'s `lineOf` side table (message id
 * → 1-based line).
 *
 * Run: npx tsx bench/reply-inference.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readIrcLog } from '../server/ingest/parse/irc.js';
import type { ReplyInferenceOptions } from '../server/ingest/parse/reply-inference.js';

const DIR = new URL('../tests/fixtures/real/irc/', import.meta.url);
const LOG = '2016-12-19_20.raw.txt';
const GOLD = '2016-12-19_20.annotation.txt';
/** Annotated span, 0-based file lines, inclusive. */
const FIRST_LINE = 1000;
const LAST_LINE = 1249;

export interface ReplyScore {
  precision: number;
  recall: number;
  predicted: number;
  gold: number;
  correct: number;
}

const score = (predicted: Set<string>, gold: Set<string>): ReplyScore => {
  const correct = [...predicted].filter((e) => gold.has(e)).length;
  return {
    precision: predicted.size ? correct / predicted.size : 1,
    recall: gold.size ? correct / gold.size : 1,
    predicted: predicted.size,
    gold: gold.size,
    correct,
  };
};

/** Edges as `line→author` (per message) and as undirected author pairs, predicted and gold. */
function edges(options: Partial<ReplyInferenceOptions>) {
  const log = readIrcLog(readFileSync(new URL(LOG, DIR), 'utf8'), { fileName: LOG }, options);
  const byLine = new Map(log.messages.map((m) => [log.lineOf.get(m.id)! - 1, m]));
  const annotated = (line: number) => line >= FIRST_LINE && line <= LAST_LINE && byLine.has(line);
  const pair = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const gold = { links: new Set<string>(), pairs: new Set<string>() };
  for (const row of readFileSync(new URL(GOLD, DIR), 'utf8').split('\n')) {
    const [earlier, later] = row.trim().split(/\s+/).map(Number);
    if (earlier === undefined || later === undefined || !annotated(later) || earlier === later) continue;
    const from = byLine.get(later)!.author;
    const to = byLine.get(earlier)?.author;
    if (!to || to === from) continue;
    gold.links.add(`${later} ${to}`);
    gold.pairs.add(pair(from, to));
  }
  const predicted = { links: new Set<string>(), pairs: new Set<string>() };
  for (const [line, m] of byLine) {
    if (!annotated(line) || !m.replyToAuthor) continue;
    predicted.links.add(`${line} ${m.replyToAuthor}`);
    predicted.pairs.add(pair(m.author, m.replyToAuthor));
  }
  return { gold, predicted };
}

/** Precision and recall of reply edges (message → replied-to author) on the annotated lines, default options. */
export function measureReplyInference(options: Partial<ReplyInferenceOptions> = {}): ReplyScore {
  const { gold, predicted } = edges(options);
  return score(predicted.links, gold.links);
}

/** Rules switched on one by one, then the defaults scored by distinct author pairs too. */
export const ABLATIONS: readonly [string, Partial<ReplyInferenceOptions>][] = [
  ['1 addressing, bot commands', { greetings: false, answerSeconds: 0, quickSeconds: 0 }],
  ['1+2 greetings', { answerSeconds: 0, quickSeconds: 0 }],
  ['1+2+3 answer to addresser', { quickSeconds: 0 }],
  ['1–4 two-person (defaults)', {}],
];

function main(): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const row = (label: string, s: ReplyScore) =>
    `${label.padEnd(30)} ${String(s.predicted).padStart(9)} ${String(s.gold).padStart(5)} ${String(s.correct).padStart(8)} ${pct(s.precision).padStart(10)} ${pct(s.recall).padStart(7)}`;
  console.log(`Reply inference on ${LOG}, lines ${FIRST_LINE}–${LAST_LINE} (gold: ${GOLD})`);
  console.log(
    `${'rules'.padEnd(30)} ${'predicted'.padStart(9)} ${'gold'.padStart(5)} ${'correct'.padStart(8)} ${'precision'.padStart(10)} ${'recall'.padStart(7)}`,
  );
  for (const [label, options] of ABLATIONS) console.log(row(label, measureReplyInference(options)));
  const { gold, predicted } = edges({});
  console.log(row('defaults, distinct pairs', score(predicted.pairs, gold.pairs)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
