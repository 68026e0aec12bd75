/**
 * Takes people out of an already computed payload (an existing snapshot, when
 * someone opts out later): their nodes, their ties, and every list that names
 * them. Communities and layout stay as they were computed.
 */
import type { GraphPayload } from '../../../shared/index.js';

export function removePeople(payload: GraphPayload, keys: ReadonlySet<string>): GraphPayload {
  if (!payload.nodes.some((n) => keys.has(n.key))) return payload;
  const nodes = payload.nodes.filter((n) => !keys.has(n.key));
  const edges = payload.edges.filter((e) => !keys.has(e.source) && !keys.has(e.target));
  const meta = payload.attributes.meta;
  const sizes = new Map<number, number>();
  for (const n of nodes) sizes.set(n.attributes.community, (sizes.get(n.attributes.community) ?? 0) + 1);
  return {
    ...payload,
    nodes,
    edges,
    attributes: {
      meta: {
        ...meta,
        counts: { ...meta.counts, nodes: nodes.length, edges: edges.length },
        communities: meta.communities
          .filter((c) => (sizes.get(c.id) ?? 0) > 0)
          .map((c) => ({ ...c, size: sizes.get(c.id)!, topMembers: c.topMembers.filter((m) => !keys.has(m.key)) })),
        bridges: meta.bridges.filter((b) => !keys.has(b.key)),
        welcomers: meta.welcomers.filter((w) => !keys.has(w.key)),
        // The caption may name them; it is rewritten without names rather than kept.
        caption: meta.caption.replace(/ Bridging most: .*$/, ''),
      },
    },
  };
}
