/**
 * Privacy applied to a payload before it leaves: in pseudonymous mode,
 * stable "Participant N" names salted per dataset with the server's secret,
 * and communities smaller than k merged (see pipeline/export/pseudonymize).
 */
import { createHmac } from 'node:crypto';
import type { GraphPayload, Privacy } from '../shared/index.js';
import { DEFAULT_PSEUDONYMIZE_OPTIONS, pseudonymize } from './pipeline/export/index.js';

export function withPrivacy(payloadJson: string, options: { privacy: Privacy; datasetId: string; secret: string; k?: number }): { json: string; payload?: GraphPayload } {
  if (options.privacy === 'named') return { json: payloadJson };
  const salt = createHmac('sha256', options.secret).update(options.datasetId).digest('hex');
  const payload = pseudonymize(JSON.parse(payloadJson) as GraphPayload, { salt, k: options.k ?? DEFAULT_PSEUDONYMIZE_OPTIONS.k });
  return { json: JSON.stringify(payload), payload };
}
