/**
 * A Mastodon archive unzipped before upload: its `actor.json`, sent beside
 * `outbox.json` as a file of its own, is the profile of the outbox's author
 * (mastodon-actor.ts), not a transcript. Only files named actor.json, small,
 * that read as an ActivityPub Person, and only in an upload of more than one
 * file (alone, it is reported as any other file that is no transcript).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PersonProfile } from '../../shared/index.js';
import { readMastodonActor } from './parse/mastodon-actor.js';
import type { FileOnDisk } from './stream/file-head.js';

const MAX_ACTOR_BYTES = 1024 * 1024;

export async function looseActors(files: readonly FileOnDisk[]): Promise<Map<FileOnDisk, PersonProfile>> {
  const actors = new Map<FileOnDisk, PersonProfile>();
  if (files.length < 2) return actors;
  for (const file of files) {
    if (path.basename(file.fileName).toLowerCase() !== 'actor.json' || file.size > MAX_ACTOR_BYTES) continue;
    const profile = readMastodonActor(await fs.promises.readFile(file.path, 'utf8'));
    if (profile) actors.set(file, profile);
  }
  return actors;
}
