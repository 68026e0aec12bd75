/**
 * Takes people out of an already computed payload (a stored named snapshot,
 * when someone opts out later): their nodes, their ties, every list that
 * names them, hashtags that name them, and their name in chat names (a DM
 * chat named after them). Communities and layout stay as they were computed;
 * the counts of people, ties, communities and people with no ties (as
 * computed: someone whose only tie was to a removed person keeps their
 * community) and the caption are written again from what is left.
 */
import { NO_COMMUNITY, type GraphPayload } from '../../../shared/index.js';
import { writeCaption } from '../caption.js';
import { hashtagMatcher, isPublicChatName, makeScrubber, nameVariants } from './name-scrubber.js';

export interface RemovedPerson {
  key: string;
  handle?: string | undefined;
  name?: string | undefined;
}

export interface RemovePeopleOptions {
  /**
   * Rewrite chat names that name them (default true: a stored snapshot is read-only). A live graph
   * keeps its chat names (false), since they are what its queries filter on.
   */
  renameChats: boolean;
}

export function removePeople(
  payload: GraphPayload,
  people: readonly RemovedPerson[],
  options: Partial<RemovePeopleOptions> = {},
): GraphPayload {
  const { renameChats } = { renameChats: true, ...options };
  const keys = new Set(people.map((p) => p.key));
  const meta = payload.attributes.meta;
  // Their names as the payload itself knew them, too (a label of a node about to go).
  const known = [
    ...people,
    ...payload.nodes.filter((n) => keys.has(n.key)).map((n) => ({ key: n.key, handle: n.attributes.handle, name: n.attributes.label })),
  ];
  const names = new Map<string, string>();
  for (const p of known) for (const name of nameVariants(p.key, p.handle, p.name)) names.set(name, 'a participant');
  if (names.size === 0) return payload;
  const scrubText = makeScrubber(names);
  const chatNames = new Set([...meta.chats, ...meta.options.chats].map((c) => c.toLowerCase()));
  const scrub = (text: string) => (!renameChats || isPublicChatName(text, chatNames) ? text : scrubText(text));
  const namesThem = hashtagMatcher(names.keys());
  // Others call them by a first name ("alice showed me…"): a term or label item holding a word of their display
  // name (three letters or more) goes too. Only for terms and labels: scrubbing such words from all text would
  // take "will" and "grace" out of everyone's messages.
  const nameWords = new Set(known.flatMap((p) => (p.name ?? '').toLowerCase().split(/[^\p{L}\p{N}_]+/u)).filter((w) => [...w].length >= 3));
  const saysTheirName = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .some((w) => nameWords.has(w));
  const namesThemInTerm = (term: string) => scrubText(term) !== term || namesThem(term) || saysTheirName(term);
  // A label is "part · part" with comma lists inside: an item that names them in a hashtag or by a word of their
  // name goes; one holding their whole name ("around Alice Smith") stays, scrubbed ("around a participant").
  const namesThemInItem = (item: string) => (item.startsWith('#') && namesThem(item)) || (saysTheirName(item) && scrubText(item) === item);
  const dropNamingItems = (label: string) =>
    label
      .split(' · ')
      .map((part) =>
        part
          .split(', ')
          .filter((item) => isPublicChatName(item, chatNames) || !namesThemInItem(item))
          .join(', '),
      )
      .filter(Boolean)
      .join(' · ');

  const nodes = payload.nodes
    .filter((n) => !keys.has(n.key))
    .map((n) => ({ ...n, attributes: { ...n.attributes, chats: n.attributes.chats.map(scrub) } }));
  const edges = payload.edges.filter((e) => !keys.has(e.source) && !keys.has(e.target));
  const sizes = new Map<number, number>();
  for (const n of nodes) sizes.set(n.attributes.community, (sizes.get(n.attributes.community) ?? 0) + 1);
  const communities = meta.communities.filter((c) => (sizes.get(c.id) ?? 0) > 0);
  // People with no ties are counted from the nodes, unless the view hid them (then no node says who they were).
  const isolated = meta.options.isolated === 'hide' ? meta.counts.isolated : (sizes.get(NO_COMMUNITY) ?? 0);
  const chatOfSession = new Map(meta.sessions.map((s) => [s.id, s.chat]));
  const sessionId = (id: string) => {
    const chat = chatOfSession.get(id);
    return chat !== undefined && id.startsWith(`${chat}@`) ? `${scrub(chat)}${id.slice(chat.length)}` : scrub(id);
  };
  const out = {
    ...meta,
    options: { ...meta.options, chats: meta.options.chats.map(scrub) },
    counts: { ...meta.counts, nodes: nodes.length, edges: edges.length, communities: communities.length, isolated },
    communities: communities.map((c) => ({
      ...c,
      size: sizes.get(c.id)!,
      topMembers: c.topMembers.filter((m) => !keys.has(m.key)),
      topHashtags: c.topHashtags.filter((h) => chatNames.has(h.tag.toLowerCase()) || !namesThem(h.tag)),
      chats: c.chats.map((x) => ({ ...x, chat: scrub(x.chat) })),
      // A label may end "with <their name>", and a term may be their name or a hashtag of it.
      ...(c.label === undefined ? {} : { label: scrubText(dropNamingItems(c.label)) }),
      ...(c.canvasLabel === undefined ? {} : { canvasLabel: scrubText(dropNamingItems(c.canvasLabel)) }),
      ...(c.canvasOmitsChat === undefined ? {} : { canvasOmitsChat: scrub(c.canvasOmitsChat) }),
      terms: c.terms.filter((t) => !namesThemInTerm(t.term)),
      activeSessions: c.activeSessions.map((x) => ({ ...x, id: sessionId(x.id) })),
    })),
    sessions: meta.sessions.map((s) => ({
      ...s,
      id: sessionId(s.id),
      chat: scrub(s.chat),
    })),
    chats: meta.chats.map(scrub),
    bridges: meta.bridges.filter((b) => !keys.has(b.key)),
    welcomers: meta.welcomers.filter((w) => !keys.has(w.key)),
    caption: '',
  };
  out.caption = writeCaption(out);
  return { ...payload, nodes, edges, attributes: { meta: out } };
}
