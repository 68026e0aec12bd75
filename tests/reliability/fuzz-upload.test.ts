/**
 * Property tests over hostile files (fuzz-inputs.ts): `readTranscript`
 * either reads messages or throws a 4xx TranscriptError, and the upload route
 * answers 201 or a 4xx in the error shape: never a 5xx, a crash or a hang.
 * Each run is bounded in time and prints how many inputs it tried. Replay a
 * failure with FUZZ_SEED=<seed> (printed).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DatasetSchema, FORMAT_IDS, MessageSchema, SourceResultSchema, type FormatId } from '../../shared/index.js';
import { TranscriptError } from '../../server/ingest/errors.js';
import { PARSERS } from '../../server/ingest/parse/index.js';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';
import { deepTranscriptArb, FIXTURES, transcriptArb, zipArb, type FuzzInput } from './fuzz-inputs.js';

/** Longest one input may take: these files are at most a few MB. */
const SLOW_MS = 5_000;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;

/** Formats with a parser (the others are the subject of their own test below), or detection. */
const formatArb = fc.option(fc.constantFrom(...PARSERS.map((p) => p.format)), { freq: 3 });
type Case = { input: FuzzInput; format: FormatId | null; chat?: string | null };
const show = ({ input, format }: Case) =>
  `${input.fileName} (${input.bytes.length} bytes: ${input.how}${format ? `; format=${format}` : ''})`;

/** Runs a property for at most `budgetMs`, prints the count, and fails with the (shrunk) input described, not dumped. */
async function run(name: string, property: fc.IRawProperty<[Case], boolean>, numRuns: number, budgetMs: number) {
  const started = performance.now();
  const out = await fc.check(property, { seed, numRuns, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz ${name}: ${out.numRuns} inputs, ${out.failed ? 1 : 0} failures (${out.numShrinks} shrinks, ${seconds} s, seed ${seed})`,
  );
  if (out.failed) {
    const example = out.counterexample?.[0];
    const error = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
    throw new Error(`fuzz ${name} failed (FUZZ_SEED=${seed}) on ${example ? show(example) : '?'}:\n${error.slice(0, 2000)}`);
  }
  expect(out.numRuns).toBeGreaterThan(50); // a run that tried nothing proves nothing
}

/** readTranscript's contract on one input; counts what happened. */
function readOrRefuse(c: Case, outcomes: { read: number; refused: number }): void {
  const started = performance.now();
  try {
    const read = readTranscript(c.input.bytes, { fileName: c.input.fileName, ...(c.format ? { format: c.format } : {}) });
    expect(read.messages.length).toBe(read.result.messages);
    expect(read.messages.length).toBeGreaterThan(0);
    SourceResultSchema.parse({ ...read.result, stored: 0 }); // what the store will parse
    for (const m of read.messages) MessageSchema.parse(m);
    outcomes.read++;
  } catch (error) {
    if (!(error instanceof TranscriptError))
      throw new Error(`not a TranscriptError: ${String((error as Error)?.stack ?? error).slice(0, 600)}`);
    expect(error.statusCode).toBeGreaterThanOrEqual(400);
    expect(error.statusCode).toBeLessThan(500);
    outcomes.refused++;
  }
  const ms = performance.now() - started;
  if (ms > SLOW_MS) throw new Error(`took ${Math.round(ms)} ms`);
}

describe('readTranscript on hostile files', () => {
  it('reads messages or refuses with a 4xx TranscriptError, promptly', async () => {
    const outcomes = { read: 0, refused: 0 };
    await run(
      'readTranscript',
      fc.property(fc.record({ input: transcriptArb, format: formatArb }), (c) => readOrRefuse(c, outcomes)),
      5000,
      15_000,
    );
    console.log(`fuzz readTranscript: ${outcomes.read} read, ${outcomes.refused} refused`);
    expect(outcomes.read).toBeGreaterThan(0); // the mutations leave some files readable: the property saw both sides
  }, 60_000);

  // BUG (lead, see report): recursive walkers and JSON.stringify/String() on records overflow the stack
  // (RangeError, a 500 through the API) on JSON nested a few thousand deep: bluesky.ts collect and
  // People.learn, twitter-v1.ts:182, twitter-v2.ts:187, slack.ts:91. Fix once: a depth guard in read-json.ts.
  it('handles JSON nested up to 200,000 deep, as a whole file or inside a real record', async () => {
    const outcomes = { read: 0, refused: 0 };
    await run(
      'deep nesting',
      fc.property(fc.record({ input: deepTranscriptArb, format: formatArb }), (c) => readOrRefuse(c, outcomes)),
      400,
      8_000,
    );
  }, 60_000);
});

describe('the upload route on hostile files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ RATE_LIMIT_WRITES_PER_MINUTE: 1_000_000 });
  });
  afterAll(async () => t.close());

  async function post(input: FuzzInput, fields: Record<string, string>) {
    const body = multipart([{ filename: input.fileName, content: input.bytes }], fields);
    const hang = new Promise<'hang'>((resolve) => setTimeout(resolve, SLOW_MS * 2, 'hang').unref());
    return Promise.race([t.app.inject({ method: 'POST', url: '/api/datasets', ...body }), hang]);
  }

  it('answers 201 or a 4xx in the error shape, never a 5xx or a hang (zips too)', async () => {
    const statuses = new Map<number, number>();
    const arb = fc.record({
      input: fc.oneof({ arbitrary: transcriptArb, weight: 3 }, { arbitrary: zipArb, weight: 1 }),
      format: formatArb,
      chat: fc.option(fc.string({ maxLength: 30, unit: 'grapheme' })),
    });
    const property = fc.asyncProperty(arb, async ({ input, format, chat }) => {
      const res = await post(input, { ...(format ? { format } : {}), ...(chat ? { chat } : {}) });
      if (res === 'hang') throw new Error(`no answer within ${SLOW_MS * 2} ms`);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 201) return void DatasetSchema.parse(res.json());
      if (res.statusCode < 400 || res.statusCode >= 500) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      ApiErrorSchema.parse(res.json());
    });
    await run('upload', property as unknown as fc.IRawProperty<[Case], boolean>, 2000, 20_000);
    console.log(`fuzz upload: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(statuses.get(201)).toBeGreaterThan(0);
  }, 60_000);

  it('reads every real fixture with each format forced, without a 5xx', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const f of FIXTURES) {
      for (const format of PARSERS.map((p) => p.format)) {
        const res = await post({ ...f, how: 'as is' }, { format });
        tried++;
        if (res === 'hang' || res.statusCode >= 500) failures.push(`${f.name} as ${format}: ${res === 'hang' ? 'hang' : res.statusCode}`);
      }
    }
    console.log(`fuzz fixtures × formats: ${tried} inputs, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 60_000);

  // BUG (lead, see report) while zoom, whatsapp and irc are listed in FORMATS but have no parser in
  // PARSERS: `format=zoom` makes parserFor throw a plain Error, and the upload answers 500.
  it('answers every format the API accepts with a 4xx for a file that is not one, never a 500', async () => {
    const failures: string[] = [];
    for (const format of FORMAT_IDS) {
      const res = await post({ fileName: 'notes.txt', bytes: Buffer.from('hello\nworld\n'), how: 'plain text' }, { format });
      if (res === 'hang' || res.statusCode >= 500) failures.push(`${format}: ${res === 'hang' ? 'hang' : res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
