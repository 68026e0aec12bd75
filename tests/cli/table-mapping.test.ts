import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-cli-map-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Each test starts the CLI once or twice: on a loaded two-core machine that can take many seconds.
const SPAWNING = { timeout: 180_000 };
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'chat-atlas.js'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

fs.writeFileSync(
  path.join(tmp, 'odd.csv'),
  'who,said,at,parent\nann_lib,"Q1 what do you catalogue? #uklibchat",2024-06-14 20:00:00,\nbob_books,"A1 serials #uklibchat",2024-06-14 20:01:00,ann_lib\n',
);
fs.writeFileSync(path.join(tmp, 'odd-later.csv'), 'who,said,at,parent\ncat_l,"A1 maps #uklibchat",2024-06-14 20:02:00,bob_books\n');

describe('chat-atlas --map', () => {
  it('says which columns a table has and suggests a --map line when none is recognised (exit 1)', SPAWNING, () => {
    const r = run('build', 'odd.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: odd.csv: which columns hold author, text, time?');
    expect(r.stderr).toContain('  columns: who, said, at, parent\n');
    expect(r.stderr).toMatch(/ {2}try: --map (?=.*time=at)(?=.*text=said)(?=.*author=who)/);
  });

  it('builds a graph with --map and --timezone', SPAWNING, () => {
    const out = path.join(tmp, 'graph.json');
    const r = run('build', 'odd.csv', '--map', 'author=who,text=said,time=at,to=parent', '--timezone', 'Europe/London', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('odd.csv: csv, 2 messages, 0 skipped');
    const payload = GraphPayloadSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(payload.nodes.map((n) => n.key).sort()).toEqual(['csv:ann_lib', 'csv:bob_books']);
  });

  it('refuses an unknown --map role (exit 2) or --timezone', SPAWNING, () => {
    const role = run('build', 'odd.csv', '--map', 'writer=who');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--map: roles are author, text, time');
    expect(run('build', 'odd.csv', '--map', 'author=who,text=said,time=at', '--timezone', 'Mars/Olympus').stderr).toContain(
      'unknown timezone "Mars/Olympus"',
    );
  });

  it('import remembers the mapping for the dataset and reads a later file with it', SPAWNING, async () => {
    const dataDir = path.join(tmp, 'data');
    expect(
      run('import', 'odd.csv', '--dataset', 'odd', '--map', 'author=who,text=said,time=at,to=parent', '--data-dir', dataDir).code,
    ).toBe(0);
    const later = run('import', 'odd-later.csv', '--dataset', 'odd', '--data-dir', dataDir);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/^updated dataset \S+ "odd" \(version 2\): 3 messages, 3 people\n$/);
    const store = openSqliteStore({ dataDir });
    try {
      const dataset = await store.findDatasetByName('odd');
      expect(dataset!.mapping).toEqual({ author: 'who', text: 'said', time: 'at', to: 'parent' });
    } finally {
      await store.close();
    }
  });
});
