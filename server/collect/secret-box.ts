/**
 * Credentials at rest: AES-256-GCM under a key derived from the server's
 * secret (HKDF-SHA256, its own info string, so the pseudonym salts made from
 * the same secret never meet this key). Each value gets a fresh 96-bit IV;
 * the tag makes a changed or misplaced value fail to open instead of
 * decrypting to garbage. The collection's id is bound in as associated data,
 * so one collection's credentials cannot be pasted into another's row.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export function credentialKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), 'chat-atlas collection credentials', 32));
}

export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The plaintext, or an Error (the server's secret changed, or the value was altered) that names nothing of it. */
export function open(key: Buffer, sealed: string, boundTo: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('stored credentials are unreadable');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('stored credentials cannot be opened: was the server secret (ATLAS_SECRET or DATA_DIR/secret) changed?');
  }
}
