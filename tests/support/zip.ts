/**
 * A tiny zip writer for tests: stored or deflated entries (zlib), folders,
 * flags, and `zerosEntry` — a genuine deflate stream of n zero bytes written
 * by hand (fixed Huffman: one literal, then 258-byte matches at distance 1),
 * so a zip bomb of over a GiB is built in a blink without allocating it.
 */
import zlib from 'node:zlib';

export interface ZipInput {
  path: string;
  data?: Uint8Array | string;
  method?: 'store' | 'deflate';
  /** Already compressed data with its real size and CRC (see `zerosEntry`). */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
  /** General-purpose flags; bit 0 marks an entry encrypted. */
  flags?: number;
}

const UTF8_NAMES = 0x0800;

export function makeZip(inputs: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.path, 'utf8');
    const data = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : Buffer.from(input.data ?? new Uint8Array());
    const deflate = input.deflated !== undefined || input.method === 'deflate';
    const packed = input.deflated ? Buffer.from(input.deflated.bytes) : deflate ? zlib.deflateRawSync(data) : data;
    // An encrypted (ZipCrypto) entry carries a 12-byte header before its data.
    const body = (input.flags ?? 0) & 1 ? Buffer.concat([Buffer.alloc(12, 7), packed]) : packed;
    const size = input.deflated?.size ?? data.length;
    const crc = input.deflated?.crc ?? zlib.crc32(data);
    const flags = UTF8_NAMES | (input.flags ?? 0);
    const head = (signature: number, central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      let i = 0;
      const u16 = (v: number) => {
        b.writeUInt16LE(v, i);
        i += 2;
      };
      const u32 = (v: number) => {
        b.writeUInt32LE(v >>> 0, i);
        i += 4;
      };
      u32(signature);
      if (central) u16(20); // version made by
      u16(20); // version needed
      u16(flags);
      u16(deflate ? 8 : 0);
      u16(0); // time
      u16(0x5821); // date: 2024-01-01
      u32(crc);
      u32(body.length);
      u32(size);
      u16(name.length);
      u16(0); // extra
      if (central) {
        u16(0); // comment
        u16(0); // disk
        u16(0); // internal attributes
        u32(input.path.endsWith('/') ? 0x10 : 0); // external attributes: MS-DOS directory bit
        u32(offset);
      }
      return Buffer.concat([b, name]);
    };
    const local = Buffer.concat([head(0x04034b50, false), body]);
    locals.push(local);
    centrals.push(head(0x02014b50, true));
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A deflate stream of `n` zeros (n ≥ 1), its size and CRC: about 13 bits per 258 bytes. */
export function zerosEntry(n: number): { bytes: Uint8Array; size: number; crc: number } {
  const matches = Math.floor((n - 1) / 258);
  const literals = n - 1 - matches * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 * (1 + literals) + 13 * matches + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, length: number) => {
    for (let k = 0; k < length; k++, bit++) if ((value >> k) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, length: number) => {
    let reversed = 0;
    for (let k = 0; k < length; k++) reversed |= ((value >> k) & 1) << (length - 1 - k);
    put(reversed, length);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  for (let m = 0; m < matches; m++) {
    code(0xc5, 8); // length 258 (code 285)
    code(0, 5); // distance 1
  }
  for (let l = 0; l < literals; l++) code(0x30, 8);
  code(0, 7); // end of block
  let crc = 0;
  const chunk = Buffer.alloc(Math.min(n, 1 << 24));
  for (let left = n; left > 0; left -= chunk.length) crc = zlib.crc32(left >= chunk.length ? chunk : chunk.subarray(0, left), crc);
  return { bytes: out.subarray(0, Math.ceil(bit / 8)), size: n, crc };
}
