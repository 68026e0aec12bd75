/** The one line above the graph: how many people, ties, communities, messages, sessions and chats it shows. */
import type { GraphMeta } from '../../shared/index.js';

export function summaryLine(
  meta: Pick<GraphMeta, 'counts' | 'modularity' | 'backbone'>,
  drawnTies: { minWeight: number; drawn: number },
): string {
  const { counts, modularity, backbone } = meta;
  // A big graph arrives as a backbone of its ties: say how many are drawn (communities and counts use them all).
  // Past the page's drawing budget only the strongest are drawn too; a hover or selection shows a person's all.
  const drawn =
    drawnTies.minWeight > 0
      ? ` (drawing the ${drawnTies.drawn} strongest${backbone ? '' : '; hover or select someone to see all of theirs'})`
      : backbone
        ? ` (showing the ${backbone.edgesShown} strongest)`
        : '';
  return `${counts.nodes} people, ${counts.edges} ties${drawn}, ${counts.communities} communities (modularity ${modularity.toFixed(2)}), ${messagesAndSessions(counts)}`;
}

const chats = (n: number) => `${n} ${n === 1 ? 'chat' : 'chats'}`;

/** "8168 messages in 72 sessions of 6 chats"; messages outside every session said apart, so none reads as lost. */
function messagesAndSessions(counts: GraphMeta['counts']): string {
  const between = counts.betweenSessions ?? 0;
  if (between === 0) return `${counts.messages} messages in ${counts.sessions} sessions of ${chats(counts.chats)}`;
  const inChats = `${counts.messages} messages in ${chats(counts.chats)}`;
  if (counts.sessions === 0) return `${inChats}, none in a session (no hour of the chat stands out)`;
  return `${inChats}, ${counts.messages - between} of them in ${counts.sessions} sessions`;
}
