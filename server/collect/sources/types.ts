/**
 * What a collection source (Mastodon, Bluesky) does, one request-sized step
 * at a time, so a run can be stopped after any step and resumed from its
 * cursor: the hashtag's pages newest first, then the threads of what was
 * kept. The runner judges each item (public? opted out? in the window?
 * seen?) through `describe`, and writes the kept ones as the reader expects.
 */
import type { PoliteClient } from '../net/polite-client.js';

export type Json = Record<string, unknown>;

export interface Credentials {
  /** Mastodon access token. */
  accessToken?: string;
  /** Bluesky handle or e-mail, and app password. */
  identifier?: string;
  appPassword?: string;
}

export interface SourceContext {
  client: PoliteClient;
  /** The instance's or service's origin, `https://glammr.us`. */
  instance: string;
  tag: string;
  since?: string | undefined;
  until?: string | undefined;
  /** Newest post of earlier runs on this instance (Mastodon id, Bluesky time): only newer ones are asked for. */
  sinceMark?: string | undefined;
  credentials?: Credentials | undefined;
  signal?: AbortSignal | undefined;
}

/** Where a run stands on one instance; persisted after every step. */
export interface SourceCursor {
  instance: string;
  stage: 'timeline' | 'threads' | 'done';
  /** The next timeline page (Mastodon max_id, Bluesky cursor); absent: the first page. */
  next?: string | undefined;
  /** Newest post seen this run (becomes the next run's sinceMark). */
  newest?: string | undefined;
  /** Posts whose thread is still to fetch, and how many were queued in all (capped). */
  threads: string[];
  threadsQueued: number;
  /** Page files written for this instance (pages whose posts were all left out write none). */
  pages: number;
  /** Timeline pages asked for, kept or not (bounded by COLLECT_MAX_PAGES). */
  timelinePages?: number;
}

export interface ItemFacts {
  uri: string;
  /** ISO time it was written. */
  time: string | undefined;
  /** The author's person key, as the reader makes it. */
  author: string | undefined;
  public: boolean;
  /** Why the author is left out (ethics.ts), if they are. */
  optOut: string | undefined;
}

export interface Source {
  /** One step: a timeline page or one thread. Items are raw API objects, enriched with bios where needed. */
  step(context: SourceContext, cursor: SourceCursor): Promise<{ items: Json[]; cursor: SourceCursor }>;
  describe(item: Json): ItemFacts;
  /** Of the kept timeline items, those whose thread is worth fetching (a root with replies, a reply to an unseen post). */
  threadsOf(items: readonly Json[]): string[];
  /** A page file's line for kept items, in a shape the format's reader reads. */
  line(items: readonly Json[]): unknown;
  /** The items of a page file's line (`line` read back). */
  itemsOf(line: unknown): Json[];
  /** Newest of two marks (ids or times). */
  newer(a: string | undefined, b: string | undefined): string | undefined;
}

/** Mastodon ids are decimal strings of growing length: longer is newer, else the larger. */
export const newerId = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined ? a : a.length !== b.length ? (a.length > b.length ? a : b) : a > b ? a : b;
