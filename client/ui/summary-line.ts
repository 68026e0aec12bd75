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
  return `${counts.nodes} people, ${counts.edges} ties${drawn}, ${counts.communities} communities (modularity ${modularity.toFixed(2)}), ${counts.messages} messages in ${counts.sessions} sessions of ${counts.chats} chats`;
}
