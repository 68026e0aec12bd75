/** `chat-atlas build actor.json outbox.json`: an unzipped Mastodon archive (real, SOURCES rows 24–25), the profile from actor.json. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const real = path.join(root, 'tests', 'fixtures', 'real', 'mastodon-archive');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-cli-actor-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('chat-atlas build with a Mastodon archive’s loose files', () => {
  it('reads outbox.json and names its author from actor.json', { timeout: 180_000 }, () => {
    const out = path.join(tmp, 'graph.json');
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'chat-atlas.js'), 'build', path.join(real, 'actor.json'), path.join(real, 'outbox.json'), '--out', out],
      { cwd: tmp, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('outbox.json: mastodon-archive, 270 messages, 2 skipped');
    expect(r.stderr).not.toContain('actor.json:');
    const payload = GraphPayloadSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(payload.nodes.find((n) => n.key === 'mastodon:dealingwith@indieweb.social')?.attributes).toMatchObject({
      label: 'dealingwith',
      messages: 270,
    });
  });
});
