/**
 * What people write about: per person, tf-idf weights of the words and word
 * pairs in their messages (hashtags, handles, links and stop words left out),
 * and the terms two people share most.
 */
import type { Message } from '../../shared/index.js';

const STOP = new Set(
  ('a about above after again all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours ' +
    'a1 a2 a3 a4 a5 q1 q2 q3 q4 q5 thanks thank great good love yes really think like just know get got one would could also well much many need lot lots tonight today chat everyone hello welcome agree same rt amp via')
    .split(' '),
);

export type TermVector = Map<string, number>;

function terms(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[@#][\p{L}\p{N}_.@-]+/gu, ' ')
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w));
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...words, ...pairs];
}

/** Per author, tf-idf vectors over their non-repost messages. */
export function termVectors(messages: readonly Message[]): Map<string, TermVector> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of messages) {
    if (m.kind === 'repost') continue;
    const mine = counts.get(m.author) ?? new Map<string, number>();
    for (const t of terms(m.text)) mine.set(t, (mine.get(t) ?? 0) + 1);
    counts.set(m.author, mine);
  }
  const df = new Map<string, number>();
  for (const mine of counts.values()) for (const t of mine.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = counts.size;
  const vectors = new Map<string, TermVector>();
  for (const [author, mine] of counts) {
    const v: TermVector = new Map();
    let norm = 0;
    for (const [t, c] of mine) {
      // A term everyone uses says nothing about two people in particular.
      if (df.get(t)! > Math.max(2, n * 0.3)) continue;
      const w = (1 + Math.log(c)) * Math.log(n / df.get(t)!);
      if (w > 0) {
        v.set(t, w);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    vectors.set(author, v);
  }
  return vectors;
}

/** Cosine similarity and the shared terms that weigh most (pairs of words first). */
export function sharedTerms(a: TermVector | undefined, b: TermVector | undefined, limit = 2): { similarity: number; terms: string[] } {
  if (!a || !b) return { similarity: 0, terms: [] };
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let similarity = 0;
  const shared: [string, number][] = [];
  for (const [t, w] of small) {
    const other = large.get(t);
    if (other === undefined) continue;
    similarity += w * other;
    shared.push([t, w * other]);
  }
  shared.sort((x, y) => Number(y[0].includes(' ')) - Number(x[0].includes(' ')) || y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const picked: string[] = [];
  for (const [t] of shared) {
    if (picked.length >= limit) break;
    if (picked.some((p) => p.includes(t) || t.includes(p))) continue;
    picked.push(t);
  }
  return { similarity, terms: picked };
}
