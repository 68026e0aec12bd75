/** Credentials sealed with AES-256-GCM under the server secret: unreadable at rest, bound to their collection, tamper-evident. */
import { describe, expect, it } from 'vitest';
import { credentialKey, open, seal } from '../../server/collect/secret-box.js';

const key = credentialKey('a-server-secret-of-some-length');

describe('sealed credentials', () => {
  it('open to what was sealed, and hold nothing of it in the clear', () => {
    const sealed = seal(key, '{"accessToken":"tok-1234567890"}', 'collection-1');
    expect(sealed).not.toContain('tok-1234567890');
    expect(Buffer.from(sealed.split('.')[3]!, 'base64url').toString('latin1')).not.toContain('tok-');
    expect(open(key, sealed, 'collection-1')).toBe('{"accessToken":"tok-1234567890"}');
  });
  it('differ each time (a fresh IV)', () => {
    expect(seal(key, 'same', 'c')).not.toBe(seal(key, 'same', 'c'));
  });
  it('do not open under another secret, for another collection, or once altered', () => {
    const sealed = seal(key, 'app-password', 'c1');
    expect(() => open(credentialKey('another-secret-entirely'), sealed, 'c1')).toThrow(/server secret/);
    expect(() => open(key, sealed, 'c2')).toThrow(/server secret/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => open(key, [...parts.slice(0, 3), body.toString('base64url')].join('.'), 'c1')).toThrow(/cannot be opened/);
  });
});
