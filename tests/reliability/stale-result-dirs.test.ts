/**
 * A server killed with SIGKILL never closes its analysis pool: its result
 * folder stays in the temp dir. The next pool removes the folders of servers
 * that no longer run, and only those.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleResultDirs } from '../../server/graphs/analysis-pool.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-stale-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('removeStaleResultDirs', () => {
  it('removes the folders of processes that are gone, with what is in them, and nothing else', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(dead).toBeGreaterThan(0);
    const folders = {
      dead: `chat-atlas-analysis-${dead}-Ab12Cd`,
      ours: `chat-atlas-analysis-${process.pid}-Ef34Gh`,
      alive: `chat-atlas-analysis-${process.ppid}-Ij56Kl`,
      noPid: 'chat-atlas-analysis-Mn78Op',
      other: 'something-else-1',
    };
    for (const name of Object.values(folders)) fs.mkdirSync(path.join(tmp, name));
    fs.writeFileSync(path.join(tmp, folders.dead, 'result-7.json'), '{}');

    expect(removeStaleResultDirs(tmp)).toEqual([folders.dead]);
    expect(fs.readdirSync(tmp).sort()).toEqual([folders.alive, folders.noPid, folders.ours, folders.other].sort());
    expect(removeStaleResultDirs(tmp)).toEqual([]);
  });

  it('says nothing was removed when the temp dir cannot be read', () => {
    expect(removeStaleResultDirs(path.join(tmp, 'missing'))).toEqual([]);
  });
});
