/**
 * The bench's datasets, written as twarc 1 JSON Lines, one file per chat (as
 * `twarc search "#chat"` captures them and as data/demo is laid out):
 *
 * - S, M: the demo generator scaled (`scale` 3 = the demo's 35–70 people per
 *   chat ×3, 5 monthly sessions, 6 or 60 chats), every chat on Twitter so all
 *   of it is JSON Lines;
 * - L: bench/synthetic.ts, the same habits written by a streaming writer,
 *   because the generator does not reach 1M messages here (see there).
 *
 * One file per chat matters: a file holding many chats lets normalize find
 * no tag used by ≥10% of its messages, and the chats run together.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chatSpecs, generateChatHistory, writeTwitterJsonl } from '../data/generator/index.js';
import { writeSyntheticChats, type SyntheticOptions } from './synthetic.js';

export type SizeId = 'S' | 'M' | 'L';

export interface SizeSpec {
  id: SizeId;
  /** What the issue asked for. */
  nominal: string;
  generator?: { seed: number; chats: number; scale: number; months: number };
  synthetic?: SyntheticOptions;
}

export const FULL_SIZES: readonly SizeSpec[] = [
  { id: 'S', nominal: '10k messages, 1k people', generator: { seed: 1, chats: 6, scale: 3, months: 5 } },
  { id: 'M', nominal: '100k messages, 10k people', generator: { seed: 1, chats: 60, scale: 3, months: 5 } },
  { id: 'L', nominal: '1M messages, 30k people', synthetic: { seed: 1, people: 30_000, chats: 300, months: 12, messages: 1_000_000 } },
];

/** `--quick`: one small demo-scaled size, for a one-minute smoke run. */
export const QUICK_SIZES: readonly SizeSpec[] = [
  { id: 'S', nominal: 'quick: the demo scale, 3 months', generator: { seed: 1, chats: 6, scale: 1, months: 3 } },
];

export interface DatasetFiles {
  size: SizeId;
  source: string;
  files: string[];
  messages: number;
  people: number;
  chats: number;
  bytes: number;
  /** Generating and writing the files. */
  ms: number;
}

export function writeDataset(spec: SizeSpec, dir: string): DatasetFiles {
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  if (spec.synthetic) {
    const written = writeSyntheticChats(dir, spec.synthetic);
    const o = spec.synthetic;
    return {
      size: spec.id,
      source: `bench/synthetic.ts (${o.chats} chats × ${o.months} months, seed ${o.seed})`,
      ...written,
      chats: o.chats,
      ms: performance.now() - started,
    };
  }
  const g = spec.generator!;
  // Every chat on Twitter: Mastodon and CSV chats would not be JSON Lines.
  const specs = chatSpecs(g.chats).map(({ instance: _i, remoteInstances: _r, ...chat }) => ({ ...chat, platform: 'twitter' as const }));
  const model = generateChatHistory({ seed: g.seed, chats: specs, scale: g.scale, months: g.months });
  const files: string[] = [];
  let bytes = 0;
  for (const chat of model.chats) {
    const file = path.join(dir, `${chat.hashtag.slice(1)}.jsonl`);
    const text = writeTwitterJsonl(model, [chat.hashtag]);
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return {
    size: spec.id,
    source: `demo generator (${g.chats} chats, scale ${g.scale}, ${g.months} months, seed ${g.seed})`,
    files,
    messages: model.messages.length,
    people: model.people.length,
    chats: model.chats.length,
    bytes,
    ms: performance.now() - started,
  };
}
