/**
 * A folder on disk (an unpacked Slack export, a folder of transcripts) as an
 * ArchiveFile: walked in name order, hidden files, `__MACOSX` and symbolic
 * links left out, each file read only when asked for. The zip limits hold
 * here too (entries, total size), so a folder is no way around them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ARCHIVE_LIMITS, type ArchiveFile } from './archive.js';
import { TranscriptError } from './errors.js';

export async function openFolderArchive(dir: string, name: string): Promise<ArchiveFile> {
  const entries: { path: string; size: number }[] = [];
  let total = 0;
  const walk = async (rel: string): Promise<void> => {
    const items = await fs.promises.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const item of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (item.name.startsWith('.') || item.name === '__MACOSX' || item.isSymbolicLink()) continue;
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) await walk(child);
      else if (item.isFile()) {
        if (entries.length >= ARCHIVE_LIMITS.maxEntries) {
          throw new TranscriptError('unreadable_file', `${name} holds more than ${ARCHIVE_LIMITS.maxEntries} files; read fewer at once`, {
            file: name,
            limit: 'entries',
          });
        }
        const size = (await fs.promises.stat(path.join(dir, child))).size;
        total += size;
        if (total > ARCHIVE_LIMITS.maxUnpackedFloor) {
          throw new TranscriptError(
            'unreadable_file',
            `${name} holds more than ${ARCHIVE_LIMITS.maxUnpackedFloor / 1024 ** 3} GiB of files; read fewer at once`,
            { file: name, limit: 'size' },
          );
        }
        entries.push({ path: child, size });
      }
    }
  };
  await walk('');
  const known = new Set(entries.map((e) => e.path));
  const file = (p: string) => {
    if (!known.has(p)) throw new Error(`folder: no file ${p}`);
    return path.join(dir, p);
  };
  return {
    entries,
    stream: (p) => fs.createReadStream(file(p)),
    read: async (p) => new Uint8Array(await fs.promises.readFile(file(p))),
    close: () => {},
  };
}

/** Bytes of every file of a folder (what `du` would count, as the walk sees it). */
export async function folderSize(dir: string): Promise<number> {
  const archive = await openFolderArchive(dir, path.basename(dir));
  return archive.entries.reduce((n, e) => n + e.size, 0);
}
