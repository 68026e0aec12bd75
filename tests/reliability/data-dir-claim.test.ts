/**
 * A server claims its SQLite data folder with its pid: finding no other live
 * server there, it may take every unfinished import for a stopped one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimDataDir, PID_FILE } from '../../server/runtime/data-dir-claim.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-claim-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const folder = (name: string) => path.join(root, name);
const pidIn = (dir: string) => fs.readFileSync(path.join(dir, PID_FILE), 'utf8').trim();

describe('claimDataDir', () => {
  it('claims a folder nobody claimed (making it), and gives it up on release', () => {
    const dir = folder('new');
    const claim = claimDataDir(dir);
    expect(claim.alone).toBe(true);
    expect(pidIn(dir)).toBe(String(process.pid));
    claim.release();
    expect(fs.existsSync(path.join(dir, PID_FILE))).toBe(false);
  });

  it('takes over the claim of a server that is gone (a kill leaves it behind)', () => {
    const dir = folder('killed');
    fs.mkdirSync(dir);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(path.join(dir, PID_FILE), `${dead}\n`);
    expect(claimDataDir(dir).alone).toBe(true);
    expect(pidIn(dir)).toBe(String(process.pid));
  });

  it('leaves the claim of a live server alone, and does not remove it on release', () => {
    const dir = folder('shared');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, PID_FILE), `${process.ppid}\n`);
    const claim = claimDataDir(dir);
    expect(claim.alone).toBe(false);
    claim.release();
    expect(pidIn(dir)).toBe(String(process.ppid));
  });

  it('reads a claim it cannot make sense of as none', () => {
    const dir = folder('garbled');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, PID_FILE), 'not a pid');
    expect(claimDataDir(dir).alone).toBe(true);
  });
});
