// A profile for context tests: bio and the rest as given, a Twitter key unless a Mastodon handle is given.
import type { PersonProfile } from '../../../shared/person.js';

export function profile(fields: Partial<PersonProfile> = {}): PersonProfile {
  const platform = fields.platform ?? 'twitter';
  const handle = fields.handle ?? 'someone';
  return { key: `${platform}:${handle.toLowerCase()}`, platform, handle, ...fields };
}
