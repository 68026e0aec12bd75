/**
 * Peers worth meeting (issue 20): on a generated history with interests
 * planted across chats (tests/support/planted-interests.ts: four chats, each
 * its own sector and region, six people in three chats writing about the same
 * topic), the share of each planter's first 5 and first 10 suggestions who
 * share their planted interest, and the share from outside their community.
 * At most 0.8 at 5 and 0.4 at 10: four planters are beyond each person.
 */
import { plantedEvaluation } from '../tests/support/planted-interests.js';
import type { Bench } from './fixtures.js';
import { row, type Row } from './table.js';

/** Targets: every planter beyond the person in the first five (4 of 5), all four in the ten. */
const TARGET_AT_5 = 0.75;
const TARGET_AT_10 = 0.38;
const TARGET_OUTSIDE = 0.5;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function peersSection(_bench: Bench): Promise<Row[]> {
  const { payload, planters, lists, shareAt } = plantedEvaluation();
  const community = new Map(payload.nodes.map((n) => [n.key, n.attributes.community]));
  let outside = 0;
  let total = 0;
  for (const p of planters)
    for (const q of lists.get(p.key)!) {
      total++;
      if (community.get(q.key) !== community.get(p.key)) outside++;
    }
  const size = `${planters.length} planters, ${payload.nodes.length} people`;
  const at5 = shareAt(5);
  const at10 = shareAt(10);
  return [
    row('peers', {
      measure: 'planted interest shared, first 5 suggestions',
      size,
      value: pct(at5),
      target: `≥ ${pct(TARGET_AT_5)} (80% at most)`,
      ok: at5 >= TARGET_AT_5,
      data: { shareAt5: at5 },
    }),
    row('peers', {
      measure: 'planted interest shared, first 10 suggestions',
      size,
      value: pct(at10),
      target: `≥ ${pct(TARGET_AT_10)} (40% at most)`,
      ok: at10 >= TARGET_AT_10,
      data: { shareAt10: at10 },
    }),
    row('peers', {
      measure: 'suggestions from outside the person’s community',
      size,
      value: pct(outside / total),
      target: `≥ ${pct(TARGET_OUTSIDE)}`,
      ok: outside / total >= TARGET_OUTSIDE,
      data: { outside, total },
    }),
  ];
}
