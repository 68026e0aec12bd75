/**
 * Stored results are keyed by the analysis code as well as the dataset
 * version and options: a server upgraded over an old data folder recomputes
 * instead of serving graphs made by the code before it (found on a real
 * upload: labels from before a restart on newer code kept coming back).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisCode, analysisCodeDigest } from '../../server/graphs/analysis-code.js';
import { resolveBuildOptions } from '../../shared/index.js';
import { buildTestApp } from '../support/app.js';

describe('the analysis code digest', () => {
  it('changes when any analysis source changes, and only then', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-code-'));
    try {
      fs.mkdirSync(path.join(root, 'server/pipeline/community'), { recursive: true });
      fs.mkdirSync(path.join(root, 'data/context'), { recursive: true });
      fs.writeFileSync(path.join(root, 'server/pipeline/community/label.ts'), 'export const label = 1;\n');
      fs.writeFileSync(path.join(root, 'data/context/sectors.json'), '{}');
      const before = analysisCodeDigest(root);
      expect(before).toMatch(/^[0-9a-f]{16}$/);
      expect(analysisCodeDigest(root)).toBe(before);
      fs.writeFileSync(path.join(root, 'server/pipeline/community/label.ts'), 'export const label = 2;\n');
      const edited = analysisCodeDigest(root);
      expect(edited).not.toBe(before);
      fs.writeFileSync(path.join(root, 'data/context/sectors.json'), '{"academic":[]}');
      expect(analysisCodeDigest(root)).not.toBe(edited);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('is part of every stored graph and health key, and of the ETag through it', async () => {
    const t = await buildTestApp();
    try {
      const key = t.app.graphs.resultKey(resolveBuildOptions({ seed: 1 }));
      expect(key.endsWith(` code=${analysisCode()}`)).toBe(true);
      expect(analysisCode()).toBe(analysisCodeDigest());
    } finally {
      await t.close();
    }
  });
});
