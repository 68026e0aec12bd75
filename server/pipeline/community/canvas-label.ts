/**
 * A community's name as the canvas draws it at its centre, among its people and the other names, where room is
 * short (a phone) and every word must tell communities apart. The legend, panels and caption keep the whole label
 * (label.ts); the canvas keeps the parts of it that differ from community to community:
 *
 * - A chat that most communities share (more than half of those the canvas names, and two at least: one busy IRC
 *   day among a few small chats) tells none of them apart: their canvas names leave it out, and the canvas says it
 *   once over them (`omitsChat`), as a map names a region once over its towns. A chat few communities share stays:
 *   there it is what sets them apart.
 * - Beside a chat, its first named topic (phrases, hashtags, the LIS vocabulary: "#critlib · zines"), else its own
 *   sector and region or period ("#aect19 · Dec–Feb 2020"), else the chat alone.
 * - Without one, named topics: two when they fit, else one.
 * - A lone word ("data", "feature", "corba") is noise on a map, often a word of any chat that no stop list foresaw:
 *   a community with no chat and no named topic is named by its own sector, region and period when it has them
 *   ("academic, GB · 9 Mar 2020"), else by who it gathers around, its best-connected member (on a help channel, a
 *   helper), with the word beside ("around Ben64 · data").
 *
 * Names that would clash take more named topics, then the whole label (no two labels are alike), without the
 * chat the canvas says once where that still tells them apart.
 */
import { labelParts, MAX_LABEL_CHAT_CHARS, type LabelFacts, type ViewFacts } from './label.js';

/** The canvas names communities of this many members or more (client/sigma/labels-layer.ts draws no smaller). */
export const CANVAS_MIN_MEMBERS = 3;

export interface CanvasLabel {
  label: string;
  /** The chat the name leaves out because most communities share it. */
  omitsChat?: string;
}

/** The chat most communities the canvas names share, if any. */
function sharedChat(chats: readonly (string | undefined)[], sizes: readonly number[]): string | undefined {
  const named = chats.filter((_, i) => sizes[i]! >= CANVAS_MIN_MEMBERS);
  const counts = new Map<string, number>();
  for (const chat of named) if (chat) counts.set(chat, (counts.get(chat) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return top && top[1] >= 2 && top[1] > named.length / 2 ? top[0] : undefined;
}

/** Named topics joined while they fit the canvas's width for a name (a chat's, MAX_LABEL_CHAT_CHARS). */
function topics(terms: readonly string[], most: number): string {
  let out = terms[0] ?? '';
  for (const t of terms.slice(1, most)) if (`${out}, ${t}`.length <= MAX_LABEL_CHAT_CHARS) out = `${out}, ${t}`;
  return out;
}

/** Canvas names for all communities of a view, in order, no two alike; `labels` are their whole labels. */
export function canvasLabels(communities: readonly LabelFacts[], view: ViewFacts, labels: readonly string[]): CanvasLabel[] {
  const parts = communities.map((c) => labelParts(c, view, 3));
  const shared = sharedChat(
    parts.map((p) => p.chat),
    communities.map((c) => c.size),
  );
  const build = (i: number, most: number): string => {
    const p = parts[i]!;
    const c = communities[i]!;
    const named = p.terms.filter((t) => t.named).map((t) => t.term);
    const lone = p.terms.find((t) => !t.named)?.term;
    if (p.chat && p.chat !== shared) {
      const next = named[0] ?? p.mix ?? p.period;
      return next ? `${p.chat} · ${next}` : p.chat;
    }
    if (named.length) return topics(named, most);
    const own = [p.mix, p.period].filter(Boolean).join(' · ');
    if (own) return own;
    if (c.topMember) return lone ? `around ${c.topMember} · ${lone}` : `around ${c.topMember}`;
    return labels[i]!;
  };
  const names = communities.map((_, i) => build(i, 2));
  const clashing = () => {
    const seen = new Map<string, number>();
    for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
    return names.flatMap((n, i) => (seen.get(n)! > 1 ? [i] : []));
  };
  for (const i of clashing()) names[i] = build(i, 3);
  // Then the whole label, still without the shared chat ("12 Feb 2018 · with AusGLAMBlogs"), else whole.
  const lead = shared === undefined ? '' : `${shared} · `;
  for (const i of clashing())
    names[i] = lead && parts[i]!.chat === shared && labels[i]!.startsWith(lead) ? labels[i]!.slice(lead.length) : labels[i]!;
  for (const i of clashing()) names[i] = labels[i]!;
  // Whole labels can still meet (a chat named "ops · with Sam (2)" beside the labeller's own "(2)"): the community's
  // number settles it, once, so this always ends.
  for (const i of clashing()) names[i] = `${labels[i]!} (${communities[i]!.id + 1})`;
  return names.map((label, i) => (shared && parts[i]!.chat === shared ? { label, omitsChat: shared } : { label }));
}
