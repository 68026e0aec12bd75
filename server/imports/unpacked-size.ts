/**
 * How many bytes an upload's files hold once unpacked: a zip's entries as
 * its central directory declares them (yauzl reads only the directory, and
 * checks each entry against its declared size when it is inflated), any
 * other file as it is. Gzip is not read (it is no upload format).
 *
 * The import path is chosen by this, not by the bytes uploaded: a 470 KB zip
 * held a 460 MB Mastodon JSON, and read on the main thread it stalled every
 * request for seconds.
 */
import yauzl from 'yauzl';
import { isZip } from '../ingest/archive.js';
import { readHead, type FileOnDisk } from '../ingest/stream/file-head.js';

/** A file's bytes once unpacked; a zip that cannot be opened counts as its own size (its reader says what is wrong). */
export async function unpackedSize(file: FileOnDisk): Promise<number> {
  if (!isZip(await readHead(file.path, 4))) return file.size;
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.openPromise(file.path, { lazyEntries: true, autoClose: false, strictFileNames: false });
    let total = 0;
    for await (const entry of zip.eachEntry()) total += entry.uncompressedSize;
    return Math.max(total, file.size);
  } catch {
    return file.size;
  } finally {
    zip?.close();
  }
}

/** All files' unpacked bytes together. */
export async function unpackedBytes(files: readonly FileOnDisk[]): Promise<number> {
  let total = 0;
  for (const file of files) total += await unpackedSize(file);
  return total;
}
