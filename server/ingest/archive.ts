/**
 * A .zip upload → its files' bytes, in memory (yauzl). Entry names are never
 * turned into filesystem paths. Folders and macOS/Windows litter are left
 * out; encrypted or oddly compressed entries are reported, not fatal. A zip
 * that can't be read is a 422; so is one too big to unpack (a zip bomb),
 * refused from its central directory before anything is inflated.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { TranscriptError } from './errors.js';

export interface ArchiveEntry {
  /** The entry's path inside the zip, `/`-separated (`general/2024-03-14.json`). */
  path: string;
  bytes: Uint8Array;
}

export interface ArchiveLimits {
  /** Most entries a zip may hold. */
  maxEntries: number;
  /** A zip may unpack to this many times its own size… */
  maxRatio: number;
  /** …or to this many bytes, whichever is more: JSON compresses 10–20×, so a ratio alone would refuse real exports. */
  maxUnpackedFloor: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 20_000, maxRatio: 20, maxUnpackedFloor: 1024 ** 3 };

export interface ArchiveOptions {
  limits?: Partial<ArchiveLimits>;
  /** Told about each file entry left unread and why (encrypted, unsupported compression). */
  onSkip?: (path: string, reason: string) => void;
}

/** Zip files start with a local file header, or (empty) with the end of central directory. */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));

/** Entries that are never anyone's transcript: folders, macOS resource forks and Finder/Explorer files. */
function isLitter(path: string): boolean {
  const base = path.split('/').pop() ?? '';
  return (
    path.endsWith('/') ||
    path.split('/').includes('__MACOSX') ||
    base === '.DS_Store' ||
    base.startsWith('._') ||
    base === 'Thumbs.db' ||
    base === 'desktop.ini'
  );
}

const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MiB`;

function unreadable(fileName: string, error: unknown): TranscriptError {
  const reason = error instanceof Error ? error.message : String(error);
  return new TranscriptError('unreadable_file', `${fileName} is not a readable zip archive: ${reason}`, { file: fileName });
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  // yauzl checks the inflated size against the declared one (validateEntrySizes), so the budget holds.
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The readable file entries of an open zip, after the limits are checked
 * against its central directory (entry count, unpacked size: a bomb is
 * refused before anything is inflated). Litter is left out; encrypted or
 * oddly compressed entries go to `onSkip`.
 */
async function listEntries(zip: ZipFile, fileName: string, zippedBytes: number, options: ArchiveOptions): Promise<Entry[]> {
  const limits = { ...ARCHIVE_LIMITS, ...options.limits };
  if (zip.entryCount > limits.maxEntries) {
    throw new TranscriptError(
      'unreadable_file',
      `${fileName} holds ${zip.entryCount} entries; at most ${limits.maxEntries} are read from one zip`,
      {
        file: fileName,
        limit: 'entries',
        entries: zip.entryCount,
      },
    );
  }
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    throw unreadable(fileName, error);
  }
  const unpacked = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  const budget = Math.max(limits.maxRatio * zippedBytes, limits.maxUnpackedFloor);
  if (unpacked > budget) {
    throw new TranscriptError(
      'unreadable_file',
      `${fileName} would unpack to ${mib(unpacked)} from ${mib(zippedBytes)}: over ${limits.maxRatio}× its size and over ${mib(limits.maxUnpackedFloor)}, refused as a possible zip bomb`,
      { file: fileName, limit: 'unpacked size', unpacked, zipped: zippedBytes },
    );
  }
  const readable: Entry[] = [];
  for (const entry of entries) {
    if (isLitter(entry.fileName)) continue;
    if (entry.isEncrypted()) options.onSkip?.(entry.fileName, 'encrypted');
    else if (!entry.canDecodeFileData()) options.onSkip?.(entry.fileName, `compression method ${entry.compressionMethod} is not supported`);
    else readable.push(entry);
  }
  return readable;
}

export async function readArchive(bytes: Uint8Array, fileName: string, options: ArchiveOptions = {}): Promise<ArchiveEntry[]> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ZIP_OPTIONS);
  } catch (error) {
    throw unreadable(fileName, error);
  }
  try {
    const files: ArchiveEntry[] = [];
    for (const entry of await listEntries(zip, fileName, bytes.length, options)) {
      try {
        files.push({ path: entry.fileName, bytes: await readEntry(zip, entry) });
      } catch (error) {
        throw unreadable(`${fileName}/${entry.fileName}`, error);
      }
    }
    return files;
  } finally {
    zip.close();
  }
}

/**
 * Files read entry by entry: a zip on disk (only its central directory is
 * read up front; each entry is streamed when asked for), a zip already in
 * memory, or a folder on disk. One reader (read-archive.ts) takes them all.
 */
export interface ArchiveFile {
  entries: { path: string; size: number }[];
  /** The entry's inflated bytes as a stream (yauzl checks them against the declared size). */
  stream(path: string): AsyncIterable<Buffer>;
  /** The entry whole, for small entries. */
  read(path: string): Promise<Uint8Array>;
  close(): void;
}

export async function openArchiveFile(
  filePath: string,
  fileName: string,
  zippedBytes: number,
  options: ArchiveOptions = {},
): Promise<ArchiveFile> {
  let zip: ZipFile;
  try {
    // autoClose off: entries are opened after the directory is read, which would otherwise close the file.
    zip = await yauzl.openPromise(filePath, { ...ZIP_OPTIONS, autoClose: false });
  } catch (error) {
    throw unreadable(fileName, error);
  }
  try {
    const entries = await listEntries(zip, fileName, zippedBytes, options);
    const byPath = new Map(entries.map((e) => [e.fileName, e]));
    const entry = (p: string) => {
      const found = byPath.get(p);
      if (!found) throw new Error(`archive: no entry ${p}`);
      return found;
    };
    return {
      entries: entries.map((e) => ({ path: e.fileName, size: e.uncompressedSize })),
      stream: (p) => ({
        async *[Symbol.asyncIterator]() {
          try {
            for await (const chunk of await zip.openReadStreamPromise(entry(p))) yield chunk as Buffer;
          } catch (error) {
            throw unreadable(`${fileName}/${p}`, error);
          }
        },
      }),
      read: async (p) => {
        try {
          return await readEntry(zip, entry(p));
        } catch (error) {
          throw unreadable(`${fileName}/${p}`, error);
        }
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

const ZIP_OPTIONS = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false } as const;

/** Entries already in memory (a zip read whole) as an ArchiveFile. */
export function memoryArchive(files: readonly ArchiveEntry[]): ArchiveFile {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const bytesOf = (p: string) => {
    const found = byPath.get(p);
    if (!found) throw new Error(`archive: no entry ${p}`);
    return found;
  };
  return {
    entries: files.map((f) => ({ path: f.path, size: f.bytes.length })),
    stream: (p) => ({
      async *[Symbol.asyncIterator]() {
        const bytes = bytesOf(p);
        yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      },
    }),
    read: async (p) => bytesOf(p),
    close: () => {},
  };
}
