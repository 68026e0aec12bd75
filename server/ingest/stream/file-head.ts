/**
 * What the big-file readers share: a file on disk, its first bytes as text
 * for detection, and the limit on what can be read whole.
 */
import fs from 'node:fs';
import type { FormatId } from '../../../shared/index.js';
import type { TableOptions } from '../parse/types.js';
import { decodeTranscript } from '../decode.js';
import { TranscriptError } from '../errors.js';
import { CSV_FORMATS, JSON_LINE_FORMATS } from './read-in-chunks.js';

export interface FileOnDisk {
  path: string;
  /** As uploaded: named in reports and errors. */
  fileName: string;
  size: number;
  format?: FormatId | undefined;
  chat?: string | undefined;
  /** How to read it if it is a table: the user's column mapping and time zone. */
  table?: TableOptions | undefined;
  /** Nicks the user named as bots, left out (IRC logs). */
  bots?: readonly string[] | undefined;
  /** When the file was last saved on the uploader's side (ms since 1970): dates a Zoom chat whose name has none. */
  modifiedAt?: number | undefined;
}

/**
 * The most one text read whole may be: V8 strings hold at most 2^29 − 24
 * UTF-16 code units (~512 MiB of ASCII), and a little room is kept.
 */
export const MAX_WHOLE_TEXT_BYTES = 480 * 1024 * 1024;
const HEAD_BYTES = 256 * 1024;

const mib = (n: number) => `${Math.round(n / 1024 ** 2)} MiB`;

export async function readHead(filePath: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Whole lines from across a big file, for detection to judge more than its
 * head: `windows` reads of `windowBytes` spread evenly past the head, each
 * trimmed to the lines it holds whole. Reads ~80 KiB whatever the file's size.
 */
export async function readSample(filePath: string, size: number, windows = 20, windowBytes = 4096): Promise<string> {
  if (size <= HEAD_BYTES + windowBytes) return '';
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(windowBytes);
    const lines: string[] = [];
    for (let w = 0; w < windows; w++) {
      const at = HEAD_BYTES + Math.floor(((size - HEAD_BYTES - windowBytes) * w) / windows);
      const { bytesRead } = await handle.read(buffer, 0, windowBytes, at);
      const window = buffer.subarray(0, bytesRead);
      const first = window.indexOf(0x0a);
      const last = window.lastIndexOf(0x0a);
      if (first >= 0 && last > first) lines.push(window.toString('utf8', first + 1, last).replace(/\r$/gm, ''));
    }
    return lines.join('\n');
  } finally {
    await handle.close();
  }
}

/** The last `bytes` of a file (a zip's central directory is there). */
export async function readTail(filePath: string, bytes = 64 * 1024): Promise<Buffer> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(bytes, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, size - buffer.length);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A head of bytes → text for detection, cut at its last line break so no character is split. */
export function headText(head: Uint8Array, fileName: string): string {
  const cut = head.lastIndexOf(0x0a);
  return decodeTranscript(cut > 0 ? head.subarray(0, cut + 1) : head, fileName).text;
}

export function tooBigToReadWhole(fileName: string, bytes: number, format: FormatId): TranscriptError {
  const streamed = [...JSON_LINE_FORMATS]
    .map((f) => `${f} as JSON Lines`)
    .concat([...CSV_FORMATS])
    .join(', ');
  return new TranscriptError(
    'too_large',
    `${fileName} is ${mib(bytes)} of ${format}, a format read whole, and one text can be at most ${mib(MAX_WHOLE_TEXT_BYTES)}. Split it into smaller files, or export it in a format read in a stream (${streamed}).`,
    { file: fileName, limit: MAX_WHOLE_TEXT_BYTES, format },
  );
}
