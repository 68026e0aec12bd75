/**
 * Builds the client once per test run into a folder of its own, so browser
 * tests (in parallel workers) all serve the current page, and two runs at
 * once never rebuild each other's files. Tests find it with inject('clientDir').
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    clientDir: string;
  }
}

let outDir = '';

export function setup(project: TestProject): void {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-client-'));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
  project.provide('clientDir', outDir);
}

export function teardown(): void {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
}
