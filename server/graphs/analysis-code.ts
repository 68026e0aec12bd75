/**
 * A digest of the code and data that make an analysis: the pipeline, the
 * shared contract, the analysis workers and the context registries. It is
 * part of every stored result's key, so a server upgraded (or a registry
 * edited) never serves a graph, label or health report computed by the code
 * before it: stored results are keyed by dataset version and options, and
 * neither changes when the code does.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What an analysis is made of, from the project root. */
export const ANALYSIS_SOURCES = ['server/pipeline', 'server/graphs', 'shared', 'data/context'] as const;

function filesUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // not shipped: nothing of it to change
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.isFile() ? [full] : [];
  });
}

/** Sixteen hex digits over every source file's path and bytes, in path order. */
export function analysisCodeDigest(root = ROOT, sources: readonly string[] = ANALYSIS_SOURCES): string {
  const hash = createHash('sha256');
  const files = sources.flatMap((s) => filesUnder(path.join(root, s))).sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update('\u0000');
    hash.update(fs.readFileSync(file));
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 16);
}

let memo: string | undefined;

/** This server's digest, read once. */
export const analysisCode = (): string => (memo ??= analysisCodeDigest());
