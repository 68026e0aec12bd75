import { describe, expect, it } from 'vitest';
import { lineChunks, type LineChunk } from '../../../server/ingest/stream/chunks.js';

async function chunksOf(text: string, pieceBytes: number, options: Parameters<typeof lineChunks>[1]): Promise<LineChunk[]> {
  const bytes = Buffer.from(text);
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += pieceBytes) yield bytes.subarray(i, i + pieceBytes);
  }
  const out: LineChunk[] = [];
  for await (const c of lineChunks(pieces(), options)) out.push(c);
  return out;
}

describe('lineChunks', () => {
  it('cuts at the last line break within the target, numbering lines across chunks', async () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const chunks = await chunksOf(text, 7, { targetBytes: 50 });
    expect(Buffer.concat(chunks.map((c) => c.bytes)).toString()).toBe(text);
    for (const c of chunks) {
      expect(c.bytes.toString().startsWith(`line ${c.firstLine}\n`)).toBe(true);
      expect(c.bytes.at(-1)).toBe(0x0a);
    }
    expect(chunks.length).toBeGreaterThanOrEqual(15);
    expect(chunks.at(-1)!.bytesEnd).toBe(Buffer.byteLength(text));
  });

  it('never cuts a CSV chunk inside a quoted field that holds line breaks', async () => {
    const row = (i: number) => `${i},"a field\nover ""three""\nlines",x\n`;
    const text = `id,text,other\n${Array.from({ length: 40 }, (_, i) => row(i + 1)).join('')}`;
    const chunks = await chunksOf(text, 13, { targetBytes: 64, csv: true });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect((c.bytes.toString().match(/"/g) ?? []).length % 2).toBe(0);
    // Each chunk after the first starts at a row: line 2 + 3 lines per row.
    for (const c of chunks.slice(1)) expect((c.firstLine - 2) % 3).toBe(0);
  });

  it('gives up on a stray quote past 4× the target and cuts at any break, so a bad row cannot hold the file', async () => {
    const text = `id,text\n1,"never closed\n${Array.from({ length: 200 }, (_, i) => `${i},plain`).join('\n')}\n`;
    const chunks = await chunksOf(text, 16, { targetBytes: 100, csv: true });
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.bytes.length))).toBeLessThan(600);
  });

  it('keeps reading through one line longer than the target', async () => {
    const long = 'x'.repeat(5000);
    const text = `short\n${long}\n${'end\n'.repeat(2000)}`;
    const chunks = await chunksOf(text, 100, { targetBytes: 64 });
    // The long line is whole in one chunk; past it, chunks are back to the target's size.
    const withLong = chunks.filter((c) => c.bytes.includes('x'));
    expect(withLong).toHaveLength(1);
    expect(`\n${withLong[0]!.bytes.toString()}`).toContain(`\n${long}\n`);
    expect(chunks.slice(chunks.indexOf(withLong[0]!) + 2).every((c) => c.bytes.length <= 64)).toBe(true);
    expect(Buffer.concat(chunks.map((c) => c.bytes)).toString()).toBe(text);
    expect(chunks.length).toBeGreaterThan(50);
  });

  it('numbers the last line of a stream that ends without a line break', async () => {
    const chunks = await chunksOf('a\nb\nc', 1, { targetBytes: 3 });
    expect(chunks.map((c) => [c.firstLine, c.lastLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const whole = await chunksOf('a\nb\nc\n', 2, { targetBytes: 64 });
    expect(whole.map((c) => [c.firstLine, c.lastLine])).toEqual([[1, 3]]);
  });

  it('closes the stream it reads when left early', async () => {
    let closed = false;
    async function* pieces() {
      try {
        for (let i = 0; i < 100; i++) yield Buffer.from(`line ${i}\n`);
      } finally {
        closed = true;
      }
    }
    for await (const chunk of lineChunks(pieces(), { targetBytes: 16 })) if (chunk.firstLine > 3) break;
    expect(closed).toBe(true);
  });
});
