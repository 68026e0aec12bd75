/**
 * The line above the suggestions: how many, out of how many beyond the
 * person's context. Only people who share something with the person are
 * suggested (server/pipeline/peers/relevance.ts), so a short list says it is
 * short on purpose rather than padding it with strangers.
 */
import type { Peers } from '../../shared/index.js';

export interface StatusInput {
  /** Whose corner: the chooser's own ("you"), or someone else's (their name). */
  forMe: boolean;
  name: string;
  /** Whether a sector or region filter narrows the list. */
  filtered: boolean;
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

export function peersStatusLine(answer: Pick<Peers, 'peers' | 'candidates'> | undefined, input: StatusInput): string {
  const n = answer?.peers.length ?? 0;
  const [you, your] = input.forMe ? ['you', 'your'] : [input.name, `${input.name}’s`];
  const c = answer?.candidates;
  const strangers = c?.relevant !== undefined ? c.beyond - c.relevant : 0;
  const rest =
    strangers > 0
      ? ` ${people(strangers)} in another sector or region ${strangers === 1 ? 'has' : 'have'} nothing in common with ${you} yet: no topic, conversation, session or contact.`
      : '';
  if (n === 0) {
    if (input.filtered)
      return `No one there shares a topic, a conversation, a session or a contact with ${you} yet: try another sector or region.`;
    return `No one in another sector or region shares a topic, a conversation, a session or a contact with ${you} yet${strangers > 0 ? ` (${people(strangers)} there share none)` : ''}.`;
  }
  // Everyone who shares something is listed, and others beyond were left out: the list is short on purpose.
  if (c?.relevant === n && strangers > 0)
    return `Only ${people(n)} ${n === 1 ? 'shares' : 'share'} something with ${you} beyond ${your} corner, most worth meeting first.${rest}`;
  return `${people(n)}${c ? ` of ${c.beyond} beyond ${your} context` : ''}, most worth meeting first.`;
}
