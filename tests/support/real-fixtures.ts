/**
 * The real fixture files of the formats Chat Atlas reads today, as paths
 * under tests/fixtures/real/, ready to resolve as URLs (`#` in a channel's
 * file name written `%23`). Folders of exports not read yet (issue 18) are
 * left out until their readers land, so detection tests speak only of
 * formats that exist; notes on sources (`*.md`) are not fixtures.
 */
import { readdirSync } from 'node:fs';

export const READ_FORMAT_DIRS = [
  'bluesky',
  'bluesky-car',
  'irc',
  'irc-dialects',
  'mastodon',
  'mastodon-archive',
  'slack',
  'storify',
  'tags-csv',
  'twitter-v1.1',
  'twitter-v2',
  'whatsapp',
  'zoom',
] as const;

/** Files waiting for a reader in a folder of a format read today. */
const NOT_READ_YET = new Set(['tags-csv/siteconf-tags-v6-1-2-5-17-5-5-17.xlsx']);

export function realFixtures(): string[] {
  const root = new URL('../fixtures/real/', import.meta.url).pathname;
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`.slice(root.length).replace(/^\//, ''))
    .filter((p) => (READ_FORMAT_DIRS as readonly string[]).includes(p.split('/')[0]!) && !NOT_READ_YET.has(p) && !p.endsWith('.md'))
    .map((p) => p.replace(/#/g, '%23'))
    .sort();
}
