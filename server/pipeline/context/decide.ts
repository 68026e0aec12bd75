/**
 * From weighted evidence to one answer: the value with most evidence wins if
 * it holds enough of the whole (minShare) and its confidence clears
 * minConfidence; otherwise the answer is `unknown`, with a note of what was
 * seen. Confidence grows with the amount of evidence and shrinks with
 * disagreement: (1 − e^(−strength/2)) × share, capped.
 */
import type { ContextValue } from '../../../shared/person.js';
import type { ContextOptions } from './options.js';

/** One piece of evidence: a span of a field's text and the values it supports. */
export interface Hit {
  field: string;
  /** The field's whole text, for quoting. */
  text: string;
  start: number;
  end: number;
  /** Value → share of this hit's belief (shares sum to 1). */
  readings: Readonly<Record<string, number>>;
  /** Strength after field weight and discounts. */
  strength: number;
}

/** Evidence strength at which confidence reaches 1 − 1/e ≈ 0.63 (one typical-workplace phrase). */
const SATURATION = 2;
// Separators that may sit between two quoted spans of one field and still read as one phrase ("Leeds, UK").
const JOINER = /^[\s,;:|/()·@&\-–—]{0,3}$/;

/** The answer when there is no evidence: a fresh object each time, callers may keep it. */
export function unknownValue(): ContextValue {
  return { value: 'unknown', source: 'unknown', confidence: 0 };
}

/** "bio: 'NHS Foundation Trust'; location: 'Leeds, UK'" for the hits supporting `value`, in field order. */
export function describe(hits: readonly Hit[], value?: string): string {
  const parts: string[] = [];
  const byField = new Map<string, Hit[]>();
  for (const h of hits) if (!value || (h.readings[value] ?? 0) > 0) byField.set(h.field, [...(byField.get(h.field) ?? []), h]);
  for (const [field, list] of byField) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    const spans: [number, number][] = [];
    for (const h of sorted) {
      const last = spans[spans.length - 1];
      if (last && h.start >= last[0] && JOINER.test(h.text.slice(last[1], h.start))) last[1] = Math.max(last[1], h.end);
      else if (!last || h.start >= last[1]) spans.push([h.start, h.end]);
    }
    const text = sorted[0]!.text;
    parts.push(`${field}: ${spans.map(([s, e]) => `'${text.slice(s, e)}'`).join(', ')}`);
  }
  return parts.join('; ');
}

export function decide(hits: readonly Hit[], options: ContextOptions, tieOrder: readonly string[] = []): ContextValue {
  const totals = new Map<string, number>();
  for (const h of hits) for (const [v, share] of Object.entries(h.readings)) totals.set(v, (totals.get(v) ?? 0) + share * h.strength);
  const rank = (v: string) => (tieOrder.includes(v) ? tieOrder.indexOf(v) : tieOrder.length);
  const ranked = [...totals].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1));
  if (ranked.length === 0) return unknownValue();
  const [value, top] = ranked[0]!;
  const sum = ranked.reduce((s, [, v]) => s + v, 0);
  const share = top / sum;
  const confidence = Math.min(options.maxConfidence, (1 - Math.exp(-top / SATURATION)) * share);
  if (share >= options.minShare && confidence >= options.minConfidence) {
    return { value, source: 'inferred', confidence: Math.round(confidence * 100) / 100, evidence: describe(hits, value) };
  }
  const contenders = ranked.filter(([, s]) => s >= top * 0.25).map(([v]) => v);
  const why = contenders.length > 1 ? `undecided between ${contenders.join(' and ')}` : `too little for ${value}`;
  return { ...unknownValue(), evidence: `${why}: ${describe(hits)}` };
}
