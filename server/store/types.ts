/**
 * The store: one narrow, async interface with an embedded SQLite
 * implementation (default) and room for PostgreSQL. Async even where SQLite
 * is synchronous, so callers never change when the backend does.
 */
import type { ChatSchedule, Dataset, ImportJob, Message, PersonProfile, SourceResult } from '../../shared/index.js';
import type { TableReading } from './rows.js';

/** One parsed file ready to store. `result.stored` is filled in by the store. */
export interface ImportFile {
  result: Omit<SourceResult, 'stored'>;
  messages: Message[];
  people: PersonProfile[];
}

export interface ImportRequest {
  /** Add to this dataset; when absent a new dataset is created with `name`. */
  datasetId?: string;
  name: string;
  files: ImportFile[];
}

/**
 * A big import, batch by batch: messages are staged as files are read, so
 * no file is ever whole in memory, and move into the dataset at `commit`, in
 * one transaction (all or nothing, as `importFiles`). Readers never see a
 * half-imported file.
 */
export interface ImportStaging {
  /** Stages a batch of messages of file `fileIndex` (0-based, in the order of `commit`'s list). */
  stage(fileIndex: number, messages: readonly Message[]): Promise<void>;
  /**
   * Creates the dataset (or locks the existing one: StoreNotFoundError if it
   * was deleted meanwhile), moves the staged messages in (a message already
   * there is stored once; the first staged copy wins), merges the people,
   * recomputes counts, bumps the version, drops the staging rows.
   */
  commit(files: readonly Omit<SourceResult, 'stored'>[], people: readonly PersonProfile[]): Promise<Dataset>;
  /** Drops what was staged. */
  abort(): Promise<void>;
}

export interface MessageQuery {
  /** Lower-cased chat names; empty or absent: all. */
  chats?: string[];
  /** ISO UTC bounds, inclusive. */
  from?: string;
  to?: string;
  /** false: every message's `text` is '' (the graph analysis never reads it; a million texts cost memory). Default true. */
  text?: boolean;
  /** Only messages by these authors (person keys). */
  authors?: readonly string[];
  /** No message by these authors (opted-out people). */
  excludeAuthors?: readonly string[];
  /** Only messages after this one in the (time, id, platform) order: a page's cursor. */
  after?: MessageCursor;
  /** At most this many messages. */
  limit?: number;
}

/** Where a page of messages ended: the last message's place in the (time, id, platform) order. */
export interface MessageCursor {
  time: string;
  id: string;
  platform: string;
}

/** What a person did in a dataset, counted by the store (no message is read whole). */
export interface AuthorActivity {
  messages: number;
  /** Per chat, most messages first (ties by chat name). */
  chats: { chat: string; messages: number }[];
  firstSeen?: string;
  lastSeen?: string;
}

/** A snapshot as stored: its JSON parts kept as text, served as they were written. */
export interface StoredSnapshot {
  id: string;
  createdAt: string;
  datasetId: string;
  datasetVersion: number;
  privacy: 'named' | 'pseudonymous';
  /** JSON texts of the options, view and payload. */
  options: string;
  view: string;
  payload: string;
  /** A shared session report (Chat health), frozen as JSON (pipeline/health/remove-people's FrozenReport); absent for a graph's view. */
  report?: string | undefined;
}

/**
 * A person's sector and/or region set by a roster or by hand: it wins over
 * inference (edited over roster). Null fields leave that part to inference.
 */
export interface ContextOverride {
  key: string;
  sector?: string | undefined;
  region?: string | undefined;
  source: 'roster' | 'edited';
  /** Where it came from: "roster line 4", "edited through the API". */
  evidence: string;
}

/** Person flags: `opt-out` (left out of every graph and export) and `relay` (messages count, ties do not). */
export type PersonFlag = 'opt-out' | 'relay';

/** Flags of a dataset; `datasetId` `*` holds the global opt-out list. */
export interface FlaggedPerson {
  datasetId: string;
  key: string;
  flag: PersonFlag;
}

/** A live collection (see server/collect/): its whole state as JSON text, credentials already encrypted. */
export interface StoredCollection {
  id: string;
  datasetId: string;
  updatedAt: string;
  state: string;
}

export interface Store {
  /**
   * Stores every file of the request in one transaction: all of it lands or
   * none does. A message already in the dataset (same platform and id) is
   * stored once; profiles are merged, newer non-empty fields winning.
   * Returns the dataset with its new version and the files' `stored` counts.
   */
  importFiles(request: ImportRequest): Promise<Dataset>;
  listDatasets(): Promise<Dataset[]>;
  getDataset(id: string): Promise<Dataset | undefined>;
  findDatasetByName(name: string): Promise<Dataset | undefined>;
  /** True when it existed. Deletes the dataset's messages and people too. */
  deleteDataset(id: string): Promise<boolean>;
  /** Messages of a dataset, ordered by time then id. */
  getMessages(datasetId: string, query?: MessageQuery): Promise<Message[]>;
  /** The dataset's profiles, by key; only those of `keys` when given. */
  getPeople(datasetId: string, keys?: readonly string[]): Promise<PersonProfile[]>;
  /** Counts of the messages written by any of `authors` (one person's keys), per chat, with first and last times. */
  getAuthorActivity(datasetId: string, authors: readonly string[]): Promise<AuthorActivity>;
  /** Stores an immutable snapshot; it is deleted with its dataset. */
  createSnapshot(snapshot: StoredSnapshot): Promise<void>;
  getSnapshot(id: string): Promise<StoredSnapshot | undefined>;
  countSnapshots(datasetId: string): Promise<number>;
  /**
   * Sets sector/region overrides (merged per person: a given field replaces
   * the stored one, an absent one keeps it) and bumps the dataset's version,
   * so every cached graph of the dataset is recomputed.
   */
  setContextOverrides(datasetId: string, overrides: ContextOverride[]): Promise<void>;
  getContextOverrides(datasetId: string): Promise<ContextOverride[]>;
  /**
   * Replaces the chats' schedules (empty: none), recounts the dataset's sessions by them and bumps its
   * version, so every cached graph is recomputed. Undefined when there is no such dataset.
   */
  setSessionSchedules(datasetId: string, schedules: ChatSchedule[]): Promise<Dataset | undefined>;
  /**
   * Analysis results shared by every process on the database: a graph's
   * JSON per dataset version and options key. Writing one drops the
   * dataset's results for older versions.
   */
  /**
   * Sets or clears a flag for a person in a dataset (or `*`: every dataset)
   * and bumps the version of the dataset(s) concerned, so every cached graph
   * is recomputed on the next request.
   */
  setPersonFlag(datasetId: string, key: string, flag: PersonFlag, on: boolean): Promise<void>;
  /** A dataset's flags, the global ones included. */
  getPersonFlags(datasetId: string): Promise<FlaggedPerson[]>;
  /**
   * One person across platforms: each alias key is read as its canonical key
   * (`mastodon:ann@glammr.us` → `twitter:ann`). Adds or replaces links and bumps
   * the dataset's version.
   */
  setIdentities(datasetId: string, links: { alias: string; canonical: string }[]): Promise<void>;
  getIdentities(datasetId: string): Promise<{ alias: string; canonical: string }[]>;
  /** A stored result, marked as used (a hint: a busy SQLite database skips marking). */
  getCachedGraph(datasetId: string, version: number, optionsKey: string): Promise<string | undefined>;
  /** Stores a result; past the store's ResultLimits (result-limits.ts) the least recently used results go. */
  putCachedGraph(datasetId: string, version: number, optionsKey: string, json: string): Promise<void>;
  /**
   * Starts a staged import (see ImportStaging); `importId` names its staging rows. `table`, when
   * given, is stored with the dataset at commit (in the same transaction): how its tables are read.
   */
  beginImport(request: { importId: string; datasetId?: string; name: string; table?: TableReading | undefined }): ImportStaging;
  /** Writes an import job (insert or replace), readable from every process on the database. */
  putImportJob(job: ImportJob): Promise<void>;
  getImportJob(id: string): Promise<ImportJob | undefined>;
  /**
   * Jobs not finished and not updated since `before` (their process stopped)
   * are marked failed and their staging rows dropped; finished jobs older
   * than `forgetBefore` are deleted. Returns how many were marked failed.
   */
  failInterruptedImports(before: string, forgetBefore: string): Promise<number>;
  /** Writes a collection (insert or replace); false when its dataset no longer exists (nothing written). */
  putCollection(collection: StoredCollection): Promise<boolean>;
  getCollection(id: string): Promise<StoredCollection | undefined>;
  /** A dataset's collections, or every one; oldest first. They go with their dataset. */
  listCollections(datasetId?: string): Promise<StoredCollection[]>;
  deleteCollection(id: string): Promise<boolean>;
  close(): Promise<void>;
}
