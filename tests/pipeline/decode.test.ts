import { describe, expect, it } from 'vitest';
import { decodeTranscript } from '../../server/ingest/decode.js';
import { TranscriptError } from '../../server/ingest/errors.js';

const codeOf = (bytes: Uint8Array) => {
  try {
    decodeTranscript(bytes, 'f');
    return 'ok';
  } catch (e) {
    return e instanceof TranscriptError ? `${e.statusCode} ${e.code}` : 'other';
  }
};

describe('decodeTranscript', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and falls back to Windows-1252', () => {
    expect(decodeTranscript(Buffer.from('\uFEFFcafé'), 'f')).toEqual({ text: 'café', encoding: 'utf-8' });
    expect(decodeTranscript(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('author,text', 'utf16le')]), 'f')).toEqual({
      text: 'author,text',
      encoding: 'utf-16le',
    });
    expect(decodeTranscript(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'f')).toEqual({ text: 'café', encoding: 'windows-1252' });
  });

  it('refuses empty, blank, binary and zip files', () => {
    expect(codeOf(new Uint8Array())).toBe('422 empty_file');
    expect(codeOf(Buffer.from(' \n\r\n\t'))).toBe('422 empty_file');
    expect(codeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('422 binary_file');
    expect(codeOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toBe('422 binary_file');
  });
});
