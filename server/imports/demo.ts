/**
 * The demo dataset: fictional library chats generated into `data/demo/`,
 * loaded into an empty store at start so a newcomer sees a graph at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../shared/index.js';
import { PROJECT_ROOT } from '../config.js';
import { newImportJob, runImportJob } from './run-import.js';
import type { Store } from '../store/types.js';

export const DEMO_DIR = path.join(PROJECT_ROOT, 'data', 'demo');
export const DEMO_NAME = 'Demo: library chats (fictional)';

/** Transcript files of the demo folder (not its README or answer key). */
export function demoFiles(dir = DEMO_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(jsonl|json|csv|txt|js)$/i.test(f) && !/^(truth|readme)/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

export interface DemoOptions {
  /** Folder of the demo's files (default DEMO_DIR). */
  dir?: string;
  /** A longer message text is cut to this many characters (the server's MAX_MESSAGE_CHARS). */
  maxMessageChars?: number | undefined;
}

export async function loadDemoIfEmpty(store: Store, options: DemoOptions = {}): Promise<Dataset | undefined> {
  const dir = options.dir ?? DEMO_DIR;
  if ((await store.listDatasets()).length > 0 || !fs.existsSync(dir)) return undefined;
  const files = demoFiles(dir).map((file) => ({ path: file, fileName: path.basename(file), size: fs.statSync(file).size }));
  if (files.length === 0) return undefined;
  // As any upload: read by the one reader, staged, committed at once.
  const request = { name: DEMO_NAME, files };
  return runImportJob(store, { job: newImportJob(request), ...request }, { read: { maxMessageChars: options.maxMessageChars } });
}
