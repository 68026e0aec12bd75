/**
 * The posts a collection has stored, as URI hashes (`uriHash`), so a post met
 * again — on another instance, whose ids are its own, or in a later run's
 * thread — is kept once. The store's own dedupe cannot do this: it goes by
 * platform and id, and a Mastodon id is per instance. The hashes sit in a
 * file beside the run pages, one a line, appended once per stored run; the
 * collection's state, saved after every page, carries none of them (when it
 * did, every page rewrote every hash the collection had ever stored).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CollectionRecord, RunState } from './record.js';
import { uriHash } from './record.js';
import type { Source } from './sources/types.js';

const seenFile = (dir: string, collectionId: string) => path.join(dir, collectionId, 'seen-posts.txt');

/** Every hash the collection's stored runs kept. */
export function readSeen(dir: string, collectionId: string): Set<string> {
  const file = seenFile(dir, collectionId);
  if (!fs.existsSync(file)) return new Set();
  return new Set(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
}

/**
 * Adds a stored run's hashes. Each append starts on a line of its own, so a
 * write torn by a crash spoils only its own last line; the run is then
 * recorded again on restart and appends them all once more (a repeat is harmless).
 */
export function appendSeen(dir: string, collectionId: string, hashes: Iterable<string>): void {
  const lines = [...hashes];
  if (lines.length === 0) return;
  fs.mkdirSync(path.join(dir, collectionId), { recursive: true });
  fs.appendFileSync(seenFile(dir, collectionId), `\n${lines.join('\n')}\n`);
}

/** The page file of instance `index`'s page `page` in a run's folder. */
export const pageFile = (runDir: string, index: number, page: number) =>
  path.join(runDir, `${index}-${String(page).padStart(5, '0')}.json`);

/**
 * The hashes of the posts a run has kept so far: those in the pages its
 * saved cursors count. A page written after the last save is not counted (the
 * step that wrote it is done again and writes it again), as before a crash.
 */
export function keptByRun(source: Source, runDir: string, run: RunState): Set<string> {
  const kept = new Set<string>();
  run.cursors.forEach((cursor, i) => {
    for (let page = 0; page < cursor.pages; page++) {
      const file = pageFile(runDir, i, page);
      // Gone only once the run was recorded (its folder removed): nothing left to add.
      if (!fs.existsSync(file)) continue;
      const items = source.itemsOf(JSON.parse(fs.readFileSync(file, 'utf8')));
      for (const item of items) kept.add(uriHash(source.describe(item).uri));
    }
  });
  return kept;
}

/** Moves the hashes an older record kept in its state (`seen`) to the file; its run's (`run.seen`) are its pages again. */
export function migrateSeen(dir: string, record: CollectionRecord & { seen?: string[]; run?: { seen?: string[] } }): void {
  if (record.seen) appendSeen(dir, record.id, record.seen);
  delete record.seen;
  if (record.run) delete record.run.seen;
}
