/**
 * The real fixture files of the formats Chat Atlas reads today, as paths
 * under tests/fixtures/real/. Folders of exports not read yet (twarc CSVs,
 * NodeXL, account archives, IRC dialects: issue 18) are left out until their
 * readers land, so detection tests speak only of formats that exist.
 */
import { readdirSync } from 'node:fs';

export const READ_FORMAT_DIRS = ['bluesky', 'irc', 'mastodon', 'slack', 'tags-csv', 'twitter-v1.1', 'twitter-v2', 'whatsapp', 'zoom'] as const;

/** Files waiting for a reader in a folder of a format read today. */
const NOT_READ_YET = new Set(['tags-csv/siteconf-tags-v6-1-2-5-17-5-5-17.xlsx']);

export function realFixtures(): string[] {
  const root = new URL('../fixtures/real/', import.meta.url).pathname;
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`.slice(root.length).replace(/^\//, ''))
    .filter((p) => (READ_FORMAT_DIRS as readonly string[]).includes(p.split('/')[0]!) && !NOT_READ_YET.has(p))
    .sort();
}
