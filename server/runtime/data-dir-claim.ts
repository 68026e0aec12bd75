/**
 * Which server uses a SQLite data folder: its pid in `server.pid` there.
 *
 * A server that starts and finds no other live server on its folder knows
 * that every unfinished import in the store was left by a stopped process (a
 * crash, a kill), and fails it at once: its job then says so, and a new
 * dataset's rows, written in place while hidden, are dropped. Without that
 * knowledge (another server on the folder, or a PostgreSQL store shared by
 * many) only an import quiet for long enough can be taken for dead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRunning } from './process-alive.js';

export interface DataDirClaim {
  /** No other live server uses the folder. */
  alone: boolean;
  /** Gives the folder up (on shutdown); only a claim this process holds is removed. */
  release(): void;
}

export const PID_FILE = 'server.pid';

export function claimDataDir(dir: string): DataDirClaim {
  const file = path.join(dir, PID_FILE);
  let other: number | undefined;
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) other = pid;
  } catch {
    // No claim yet.
  }
  if (other !== undefined) return { alone: false, release: () => {} };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${process.pid}\n`);
  return {
    alone: true,
    release: () => {
      try {
        if (Number(fs.readFileSync(file, 'utf8').trim()) === process.pid) fs.rmSync(file);
      } catch {
        // Gone already.
      }
    },
  };
}
