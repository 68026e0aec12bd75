/**
 * Bytes → text, the way uploaded transcripts come: UTF-8 (with or without a
 * BOM), UTF-16 with a BOM (Excel's "Unicode text"), or Windows-1252 for old
 * spreadsheets. Empty and binary files are refused here, with a reason.
 */
import { isUtf8 } from 'node:buffer';
import { TranscriptError } from './errors.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Whether the first 8 KiB look binary: a NUL byte, or more than 2 % control characters. */
export function hasBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** The bytes after a UTF-8 byte-order mark (all of them when there is none), as a Buffer over the same memory. */
export function afterUtf8Bom(bytes: Uint8Array): Buffer {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
}

export function decodeTranscript(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0 || bytes.every((b) => b === 32 || b === 9 || b === 10 || b === 13)) {
    throw new TranscriptError('empty_file', `${fileName} is empty`, { file: fileName });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new TranscriptError('binary_file', `${fileName} is a zip archive inside a zip; unpack the outer one`, { file: fileName });
  }
  if (hasBinaryBytes(bytes)) {
    throw new TranscriptError('binary_file', `${fileName} looks like binary data, not a text transcript`, { file: fileName });
  }
  const body = afterUtf8Bom(bytes);
  // Validating, then decoding with Buffer, is several times faster than a fatal TextDecoder on big files.
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
}
