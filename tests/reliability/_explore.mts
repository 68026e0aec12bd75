Error.stackTraceLimit = Infinity;
import fc from 'fast-check';
import { TranscriptError } from '../../server/pipeline/errors.js';
import { PARSERS } from '../../server/pipeline/parse/index.js';
import { readTranscript } from '../../server/pipeline/read-transcript.js';
import { MessageSchema, SourceResultSchema } from '../../shared/index.js';
import { transcriptArb } from './fuzz-inputs.js';
const formatArb = fc.option(fc.constantFrom(...PARSERS.map((p) => p.format)), { freq: 3 });
const sigs = new Map<string, { n: number; ex: string }>();
let n = 0, read = 0;
const t0 = Date.now();
const seed = Number(process.argv[2] ?? 1);
for (const { input, format } of fc.sample(fc.record({ input: transcriptArb, format: formatArb }), { numRuns: Number(process.argv[3] ?? 3000), seed })) {
  if (process.env.NODEEP && /deep|nested/.test(input.how)) continue;
  n++;
  const s = performance.now();
  try {
    const r = readTranscript(input.bytes, { fileName: input.fileName, ...(format ? { format } : {}) });
    SourceResultSchema.parse({ ...r.result, stored: 0 });
    for (const m of r.messages) MessageSchema.parse(m);
    read++;
  } catch (e: any) {
    if (!(e instanceof TranscriptError)) {
      const frame = (e.stack ?? '').split('\n').filter((l: string) => l.includes('/server/') || l.includes('node_modules')).slice(0, 2).join(' / ');
      const sig = `${e.name}: ${String(e.message).slice(0, 60)} @ ${frame.trim()}`;
      const cur = sigs.get(sig) ?? { n: 0, ex: `${input.fileName} ${input.bytes.length}B ${input.how} format=${format}` };
      cur.n++; sigs.set(sig, cur); if (!frame) console.log('STACK', e.stack.split('\n').filter((l: string) => !/Array\.(join|toString)/.test(l)).slice(0, 12).join('\n'));
    }
  }
  const ms = performance.now() - s;
  if (ms > 1000) console.log('SLOW', Math.round(ms), input.fileName, input.bytes.length, input.how, format);
}
console.log(n, 'inputs', read, 'read', Date.now() - t0, 'ms');
for (const [k, v] of sigs) console.log(v.n, k, '\n   e.g.', v.ex.slice(0, 300));
