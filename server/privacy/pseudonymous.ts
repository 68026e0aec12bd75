/**
 * The secrets behind a dataset's pseudonymous shares, derived from the
 * server's secret (see runtime secret.ts) so nobody without it can recompute
 * who is who: the salt that orders "Participant N", and the seed of the
 * share's own layout (positions that cannot be joined to the named graph's).
 * Exports and snapshots both take them from here.
 */
import { createHmac } from 'node:crypto';

export interface PseudonymousRequest {
  /** HMAC key of the numbering (see pipeline/export/pseudonymize). */
  salt: string;
  /** Communities smaller than k merge; figures are shared by at least k people. */
  k: number;
  /** Seed of the share's own layout. */
  layoutSeed: number;
}

export function pseudonymousRequest(secret: string, datasetId: string, k: number): PseudonymousRequest {
  const salt = createHmac('sha256', secret).update(datasetId).digest('hex');
  const layoutSeed = createHmac('sha256', salt).update('layout').digest().readUInt32BE(0) & 0x7fffffff;
  return { salt, k, layoutSeed };
}
