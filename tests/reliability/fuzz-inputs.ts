/**
 * fast-check arbitraries for hostile uploads, built from the real fixtures:
 * random bytes; truncations, byte flips and splices; mixed line endings;
 * UTF-16 (BOM), Latin-1 and BOM re-encodings; JSON records with swapped,
 * deleted or replaced fields (huge numbers, deep nesting); zips of fixtures.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { makeZip } from '../support/zip.js';

export interface FuzzInput {
  fileName: string;
  bytes: Uint8Array;
  /** How it was made, for the failure report. */
  how: string;
}

const REAL = path.resolve(import.meta.dirname, '..', 'fixtures', 'real');

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export const FIXTURES = walk(REAL)
  .sort()
  .map((file) => ({ name: path.relative(REAL, file), fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) }));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const parseJson = (text: string): Json | undefined => {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
};

/** The JSON fixtures, as one document or as JSON Lines. */
interface JsonFixture {
  name: string;
  fileName: string;
  /** JSON Lines (one doc a line) or one document. */
  lines: boolean;
  docs: Json[];
}

const JSON_FIXTURES: JsonFixture[] = FIXTURES.flatMap((f): JsonFixture[] => {
  const text = Buffer.from(f.bytes).toString('utf8');
  const doc = parseJson(text);
  if (doc !== undefined) return [{ name: f.name, fileName: f.fileName, lines: false, docs: [doc] }];
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(parseJson);
  return lines.length > 1 && lines.every((l) => l !== undefined)
    ? [{ name: f.name, fileName: f.fileName, lines: true, docs: lines as Json[] }]
    : [];
});

const fixtureArb = fc.constantFrom(...FIXTURES);
const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

const deepText = (depth: number, kind: 'array' | 'object', closed: boolean) =>
  kind === 'array'
    ? '['.repeat(depth) + (closed ? ']'.repeat(depth) : '')
    : '{"a":'.repeat(depth) + '1' + (closed ? '}'.repeat(depth) : '');

// Raw JSON text, spliced in after stringifying (JSON.stringify cannot write 1e999 or nest 50,000 deep):
// a marker string naming the text, small while fast-check keeps it, expanded at the end.
const RAW = (spec: string) => `@@RAW:${spec}@@`;
const expandRaw = (text: string) =>
  text.replace(/"@@RAW:([^@"]*)@@"/g, (_m, spec: string) => {
    const deep = /^deep:(array|object):(\d+)$/.exec(spec);
    return deep ? deepText(Number(deep[2]), deep[1] as 'array' | 'object', true) : spec;
  });

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    0.1,
    -1,
    '',
    'NaN',
    '-1',
    '9'.repeat(40),
    '2024-13-45T99:99:99Z',
    '0000-00-00',
    null,
    true,
    false,
    [],
    {},
    ' ',
    '\u0000',
    '\ud800',
    '<script>alert(1)</script>',
  ),
  fc.constantFrom(RAW('1e999'), RAW('-1e999'), RAW('123456789012345678901234567890'), RAW('1' + '0'.repeat(400)), RAW('-0.0e-400')),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);
const deepValue: fc.Arbitrary<Json> = fc
  .record({ depth: fc.integer({ min: 100, max: 50_000 }), kind: fc.constantFrom('array' as const, 'object' as const) })
  .map(({ depth, kind }) => RAW(`deep:${kind}:${depth}`));

/** Every path to a value, breadth-first, up to a bound, so edits reach fields inside records. */
function paths(root: Json, max = 3000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { path: (string | number)[]; value: Json }[] = [{ path: [], value: root }];
  while (queue.length && out.length < max) {
    const { path: p, value } = queue.shift()!;
    if (p.length) out.push(p);
    if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) queue.push({ path: [...p, Array.isArray(value) ? Number(k) : k], value: v });
  }
  return out;
}

const at = (root: Json, p: (string | number)[]) => p.reduce<Json>((v, k) => (v as Record<string, Json>)[k]!, root);
function set(root: Json, p: (string | number)[], value: Json | undefined) {
  const parent = at(root, p.slice(0, -1)) as Record<string | number, Json>;
  const key = p[p.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = value;
}

interface Edit {
  op: 'swap' | 'replace' | 'delete';
  doc: number;
  a: number;
  b: number;
  value: Json;
}

function applyEdits(f: JsonFixture, edits: Edit[]): FuzzInput {
  const docs = structuredClone(f.docs);
  for (const e of edits) {
    const d = e.doc % docs.length;
    const all = paths(docs[d]!);
    if (all.length === 0) continue;
    const pa = all[e.a % all.length]!;
    const pb = all[e.b % all.length]!;
    if (e.op === 'swap') {
      const prefix = (x: unknown[], y: unknown[]) => x.every((k, i) => y[i] === k);
      if (prefix(pa, pb) || prefix(pb, pa)) continue;
      const [va, vb] = [at(docs[d]!, pa), at(docs[d]!, pb)];
      set(docs[d]!, pa, vb);
      set(docs[d]!, pb, va);
    } else set(docs[d]!, pa, e.op === 'delete' ? undefined : structuredClone(e.value));
  }
  const text = f.lines ? docs.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(docs[0], null, 1);
  return {
    fileName: f.fileName,
    bytes: Buffer.from(expandRaw(text)),
    how: `${f.name} with ${edits.map((e) => `${e.op} ${JSON.stringify(e.value).slice(0, 40)}`).join(', ')}`,
  };
}

/** JSON fixtures with fields swapped, deleted or replaced by `value`s. */
const jsonRecordsArb = (value: fc.Arbitrary<Json>): fc.Arbitrary<FuzzInput> => {
  const edit: fc.Arbitrary<Edit> = fc.record({
    op: fc.constantFrom('swap' as const, 'replace' as const, 'delete' as const),
    doc: fc.nat(),
    a: fc.nat(),
    b: fc.nat(),
    value,
  });
  return fc
    .record({ f: fc.constantFrom(...JSON_FIXTURES), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) })
    .map(({ f, edits }) => applyEdits(f, edits));
};

const bytesArb: fc.Arbitrary<FuzzInput> = fc
  .record({ bytes: fc.uint8Array({ maxLength: 3000 }), fileName: fc.constantFrom('x.json', 'x.jsonl', 'x.csv', 'x.txt', 'x', 'x.zip') })
  .map(({ bytes, fileName }) => ({ fileName, bytes, how: `${bytes.length} random bytes` }));

const truncatedArb = fc.record({ f: fixtureArb, cut: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ f, cut }) => {
  const n = Math.floor(f.bytes.length * cut);
  return { fileName: f.fileName, bytes: f.bytes.slice(0, n), how: `${f.name} cut at ${n}` };
});

const flippedArb = fc
  .record({ f: fixtureArb, flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 16 }) })
  .map(({ f, flips }) => {
    const bytes = f.bytes.slice();
    for (const [pos, xor] of flips) bytes[pos % bytes.length]! ^= xor;
    return { fileName: f.fileName, bytes, how: `${f.name} with ${flips.length} bytes flipped` };
  });

const splicedArb = fc
  .record({ f: fixtureArb, pos: fc.nat(), drop: fc.nat({ max: 400 }), insert: fc.uint8Array({ maxLength: 64 }) })
  .map(({ f, pos, drop, insert }) => {
    const p = pos % (f.bytes.length + 1);
    const bytes = Buffer.concat([f.bytes.subarray(0, p), insert, f.bytes.subarray(p + drop)]);
    return { fileName: f.fileName, bytes, how: `${f.name}: ${drop} bytes at ${p} replaced by ${insert.length}` };
  });

const lineEndingsArb = fc
  .record({ f: fixtureArb, endings: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\u2028'), { minLength: 1, maxLength: 32 }) })
  .map(({ f, endings }) => {
    let i = 0;
    const text = decode(f.bytes).replace(/\r?\n/g, () => endings[i++ % endings.length]!);
    return { fileName: f.fileName, bytes: Buffer.from(text), how: `${f.name} with line endings ${JSON.stringify(endings.slice(0, 4))}…` };
  });

const reencodedArb = fc
  .record({ f: fixtureArb, encoding: fc.constantFrom('utf16le', 'utf16be', 'latin1', 'utf8bom', 'utf16le-nobom') })
  .map(({ f, encoding }) => {
    const text = decode(f.bytes);
    const le = Buffer.from(text, 'utf16le');
    const bytes =
      encoding === 'utf16le'
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
        : encoding === 'utf16be'
          ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])
          : encoding === 'latin1'
            ? Buffer.from(text, 'latin1')
            : encoding === 'utf8bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), f.bytes])
              : le;
    return { fileName: f.fileName, bytes, how: `${f.name} as ${encoding}` };
  });

const deepArb = fc
  .record({
    depth: fc.integer({ min: 500, max: 200_000 }),
    kind: fc.constantFrom('array' as const, 'object' as const),
    closed: fc.boolean(),
    lines: fc.nat({ max: 3 }),
    fileName: fc.constantFrom('deep.json', 'deep.jsonl', 'deep.txt'),
  })
  .map(({ depth, kind, closed, lines, fileName }) => ({
    fileName,
    bytes: Buffer.from(Array.from({ length: lines + 1 }, () => deepText(depth, kind, closed)).join('\n')),
    how: `${lines + 1} line(s) nested ${depth} deep (${kind}, ${closed ? 'closed' : 'open'})`,
  }));

/** Damaged, re-encoded or edited transcripts, nested no deeper than the fixtures (plus jsonValue's 3). */
export const transcriptArb: fc.Arbitrary<FuzzInput> = fc.oneof(
  bytesArb,
  truncatedArb,
  flippedArb,
  splicedArb,
  lineEndingsArb,
  reencodedArb,
  jsonRecordsArb(oddValue),
);

/** Deep nesting: whole files of brackets, and real records with a field nested up to 50,000 deep. */
export const deepTranscriptArb: fc.Arbitrary<FuzzInput> = fc.oneof(deepArb, jsonRecordsArb(deepValue));

/** A zip of a few (possibly damaged) fixtures, itself possibly damaged: only the upload route unzips. */
export const zipArb: fc.Arbitrary<FuzzInput> = fc
  .record({
    entries: fc.array(transcriptArb, { minLength: 1, maxLength: 3 }),
    deflate: fc.boolean(),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
  })
  .map(({ entries, deflate, flips }) => {
    const bytes = makeZip(
      entries.map((e, i) => ({ path: `dir/${i}-${e.fileName}`, data: e.bytes, method: deflate ? 'deflate' : 'store' })),
    );
    for (const [pos, xor] of flips) bytes[pos % bytes.length]! ^= xor;
    return { fileName: 'export.zip', bytes, how: `zip of [${entries.map((e) => e.how).join('; ')}] with ${flips.length} bytes flipped` };
  });
