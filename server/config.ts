/** Configuration, read once from the environment at start and validated. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_MAX_MESSAGE_CHARS } from './ingest/normalize.js';
import { DEFAULT_RESULT_LIMITS } from './store/result-limits.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const flag = z.preprocess(
  (v) => (v === undefined ? undefined : !['0', 'false', 'no', 'off', ''].includes(String(v).toLowerCase())),
  z.boolean(),
);

export const ConfigSchema = z.object({
  /** Port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on; loopback by default. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Host names the server also answers to, comma-separated, besides loopback names, IP addresses and HOST
   * (see plugins/host-guard.ts): a reverse proxy's public name, e.g. `atlas.example.org`; `.example.org` also
   * allows its subdomains. Other Host headers get 421, which stops DNS rebinding.
   */
  ALLOWED_HOSTS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean)
        : v,
    z
      .array(z.string().regex(/^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/, 'a host name such as atlas.example.org, without scheme or port'))
      .default([]),
  ),
  /** `postgres://…` selects the PostgreSQL store; empty or absent: SQLite under DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Where the SQLite database lives. */
  DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'local')),
  /** Where uploads wait on disk while they are imported; default DATA_DIR/uploads. */
  UPLOAD_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Largest accepted upload, per file, in MiB. */
  MAX_UPLOAD_MB: z.coerce.number().positive().default(2048),
  /** Files per upload. */
  MAX_FILES: z.coerce.number().int().positive().default(50),
  /** Load the demo dataset into an empty store at start. */
  LOAD_DEMO: flag.default(true),
  /** Graph payloads kept in memory (per dataset version and query). */
  GRAPH_CACHE_ENTRIES: z.coerce.number().int().positive().default(32),
  /** …and at most this many MiB of them (as sent, uncompressed); the least recently used go first. */
  GRAPH_CACHE_MB: z.coerce.number().positive().default(256),
  /** Graph results kept in the store for every process (see store/result-limits.ts), least recently used going first. */
  GRAPH_RESULTS_MAX_ENTRIES: z.coerce.number().int().min(0).default(DEFAULT_RESULT_LIMITS.maxEntries),
  /** …and at most this many MiB of them. */
  GRAPH_RESULTS_MAX_MB: z.coerce
    .number()
    .min(0)
    .default(DEFAULT_RESULT_LIMITS.maxBytes / 1024 ** 2),
  /**
   * A message's text is cut to this many characters on import (never silently: the file's report names the
   * messages cut). At most 10 million: the CSV reader keeps 16 Mi characters of a field.
   */
  MAX_MESSAGE_CHARS: z.coerce.number().int().positive().max(10_000_000).default(DEFAULT_MAX_MESSAGE_CHARS),
  /** Secret for pseudonym salts; default: generated once and kept in DATA_DIR/secret. */
  ATLAS_SECRET: z.string().min(16).optional(),
  /** Bearer token for writes (see plugins/auth.ts); needed to listen beyond loopback. Empty counts as unset. */
  ATLAS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'use at least 16 characters').optional()),
  /** Dataset reads without the token; `false` makes GETs under /api/datasets need it too. */
  ATLAS_PUBLIC_READ: flag.default(true),
  /** Writes (uploads, deletes, snapshots…) per client address per minute. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Longest a request may take to arrive, and longest a connection may stay idle, in seconds. */
  REQUEST_TIMEOUT_S: z.coerce.number().positive().default(300),
  /** Live collections may fetch from loopback and private addresses, and over http (tests, a lab instance). Never in production. */
  COLLECT_ALLOW_PRIVATE_HOSTS: flag.default(false),
  /**
   * Keep posts of accounts that opted out of discovery or search (Mastodon discoverable/indexable false, #nobot or
   * #noindex in the bio, Bluesky's !no-unauthenticated). Off by default; turn on only knowingly (e.g. consent given).
   */
  COLLECT_INCLUDE_OPTED_OUT: flag.default(false),
  /** Largest answer accepted from an instance, in MiB, and longest one may take, in seconds. */
  COLLECT_MAX_RESPONSE_MB: z.coerce.number().positive().default(8),
  COLLECT_TIMEOUT_S: z.coerce.number().positive().default(30),
  /** Timeline pages per instance per run, and threads fetched per instance per run. */
  COLLECT_MAX_PAGES: z.coerce.number().int().positive().default(200),
  COLLECT_MAX_THREADS: z.coerce.number().int().min(0).default(100),
  /** Run scheduled collections (and resume interrupted runs) in this process. */
  COLLECT_SCHEDULER: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export function readConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration: ${problems}`);
  }
  return { ...result.data, ...overrides };
}
