/**
 * Reading a person key someone typed (an opt-out request, a relay account):
 * `csv:Bob`, `csv: carol`, `twitter:@Ann`, `@dave`. Keys are made the way the
 * readers make them (`personKey`: lower-cased, trimmed, a leading `@` dropped),
 * so every spelling of one person finds the same key.
 */
import { PLATFORMS, personKey, type Platform } from '../../shared/index.js';

export type KeyInput =
  /** `platform:handle` with a known platform: exactly that person. */
  | { kind: 'key'; key: string; platform: Platform; handle: string }
  /** A handle alone (`@dave`): whoever has that handle, on any platform. */
  | { kind: 'handle'; handle: string };

const isPlatform = (p: string): p is Platform => (PLATFORMS as readonly string[]).includes(p);

/** Undefined when nothing is left of it (`@`, blanks). */
export function readKeyInput(raw: string): KeyInput | undefined {
  const text = raw.normalize('NFC').trim();
  const colon = text.indexOf(':');
  const platform = colon < 0 ? '' : text.slice(0, colon).trim().toLowerCase();
  if (isPlatform(platform)) {
    const key = personKey(platform, text.slice(colon + 1));
    const handle = key.slice(platform.length + 1);
    return handle ? { kind: 'key', key, platform, handle } : undefined;
  }
  const handle = text.replace(/^@+/, '').toLowerCase();
  return handle ? { kind: 'handle', handle } : undefined;
}
