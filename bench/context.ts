/**
 * Accuracy of sector/region inference on two independent sets:
 *   - tests/fixtures/made/bios.json: hand-written bios, each with the answer a
 *     careful reader would give from the text alone (`unknown` when it says nothing);
 *   - the demo dataset (data/demo): generated profiles scored against truth.json,
 *     which knows everyone's sector and region even when the bio does not say them.
 * Per field: accuracy on profiles that state the field, share of `unknown`
 * answers that were right, and wrong guesses where the profile states nothing.
 * For the demo, which field a bio states is not recorded, so it reports
 * coverage, precision (right among answers) and wrong answers instead.
 *
 *   npx tsx bench/context.ts [--misses] [--registries]   (misses with the registries on; else off)
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PersonProfile } from '../shared/person.js';
import { inferContext, type ContextOptionsInput } from '../server/pipeline/context/index.js';
import { readTranscript } from '../server/ingest/read-transcript.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIELDS = ['sector', 'region'] as const;
type Field = (typeof FIELDS)[number];

export interface BioCase {
  bio: string;
  location?: string;
  name?: string;
  url?: string;
  /** Mastodon cases: the account's `user@instance`. */
  platform?: 'mastodon';
  handle?: string;
  expected: Record<Field, string>;
  note?: string;
}

export interface BioFigures {
  /** Cases whose text states the field, and how many of them were answered right. */
  stated: number;
  statedRight: number;
  statedAccuracy: number;
  /** `unknown` answers, and how many of them were right (the text said nothing). */
  unknownAnswers: number;
  unknownRight: number;
  unknownRightShare: number;
  /** Cases that state nothing, and how many got a value anyway. */
  unstated: number;
  wrongGuesses: number;
}

export interface DemoFigures {
  people: number;
  answered: number;
  coverage: number;
  right: number;
  precision: number;
  wrong: number;
}

export interface ContextFigures {
  bios: { cases: number } & Record<Field, BioFigures>;
  demo: { people: number } & Record<Field, DemoFigures>;
}

export interface Miss {
  set: 'bios' | 'demo';
  field: Field;
  what: string;
  expected: string;
  got: string;
  evidence?: string;
}

export function loadBios(file = path.join(ROOT, 'tests/fixtures/made/bios.json')): BioCase[] {
  return JSON.parse(readFileSync(file, 'utf8')) as BioCase[];
}

export function bioProfile(c: BioCase, i: number): PersonProfile {
  const handle = c.handle ?? `bio${i + 1}`;
  const platform = c.platform ?? 'twitter';
  const p: PersonProfile = { key: `${platform}:${handle.toLowerCase()}`, platform, handle, bio: c.bio };
  if (c.location !== undefined) p.location = c.location;
  if (c.name !== undefined) p.name = c.name;
  if (c.url !== undefined) p.url = c.url;
  return p;
}

/** Demo profiles with their true sector and region (CSV authors have no profile: key only). */
export function loadDemo(dir = path.join(ROOT, 'data/demo')): { profile: PersonProfile; truth: Record<Field, string> }[] {
  const truth = (JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as { people: Record<string, Record<Field, string>> })
    .people;
  const profiles = new Map<string, PersonProfile>();
  for (const file of readdirSync(dir).sort()) {
    if (!/\.(jsonl|json|csv)$/.test(file) || file === 'truth.json') continue;
    for (const p of readTranscript(readFileSync(path.join(dir, file)), { fileName: file }).people)
      profiles.set(p.key, { ...profiles.get(p.key), ...p });
  }
  return Object.entries(truth)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, t]) => ({
      profile: profiles.get(key) ?? { key, platform: 'csv' as const, handle: key.slice(key.indexOf(':') + 1) },
      truth: t,
    }));
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

export function measureContext(options?: ContextOptionsInput): ContextFigures & { misses: Miss[] } {
  const misses: Miss[] = [];
  const bios = loadBios();
  const bioAnswers = bios.map((c, i) => inferContext(bioProfile(c, i), options));
  const bioFigures = (field: Field): BioFigures => {
    let stated = 0,
      statedRight = 0,
      unknownAnswers = 0,
      unknownRight = 0,
      unstated = 0,
      wrongGuesses = 0;
    bios.forEach((c, i) => {
      const want = c.expected[field];
      const got = bioAnswers[i]![field];
      if (got.value === 'unknown') (unknownAnswers++, want === 'unknown' && unknownRight++);
      if (want === 'unknown') (unstated++, got.value !== 'unknown' && wrongGuesses++);
      else (stated++, got.value === want && statedRight++);
      if (got.value !== want)
        misses.push({
          set: 'bios',
          field,
          what: JSON.stringify([c.bio, c.location ?? '', c.name ?? '', c.url ?? c.handle ?? '']),
          expected: want,
          got: got.value,
          ...(got.evidence ? { evidence: got.evidence } : {}),
        });
    });
    return {
      stated,
      statedRight,
      statedAccuracy: ratio(statedRight, stated),
      unknownAnswers,
      unknownRight,
      unknownRightShare: ratio(unknownRight, unknownAnswers),
      unstated,
      wrongGuesses,
    };
  };
  const demo = loadDemo();
  const demoAnswers = demo.map((d) => inferContext(d.profile, options));
  const demoFigures = (field: Field): DemoFigures => {
    let answered = 0,
      right = 0;
    demo.forEach((d, i) => {
      const got = demoAnswers[i]![field];
      if (got.value === 'unknown') return;
      answered++;
      if (got.value === d.truth[field]) right++;
      else
        misses.push({
          set: 'demo',
          field,
          what: `${d.profile.key} ${JSON.stringify([d.profile.bio ?? '', d.profile.location ?? ''])}`,
          expected: d.truth[field],
          got: got.value,
          ...(got.evidence ? { evidence: got.evidence } : {}),
        });
    });
    return {
      people: demo.length,
      answered,
      coverage: ratio(answered, demo.length),
      right,
      precision: ratio(right, answered),
      wrong: answered - right,
    };
  };
  return {
    bios: { cases: bios.length, sector: bioFigures('sector'), region: bioFigures('region') },
    demo: { people: demo.length, sector: demoFigures('sector'), region: demoFigures('region') },
    misses,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function formatContextFigures(f: ContextFigures): string {
  const lines = [
    `context inference — bios.json (${f.bios.cases} hand-written bios)`,
    'field    stated  right  accuracy   unknown  right  right-share   unstated  wrong-guesses',
    ...FIELDS.map((k) => {
      const b = f.bios[k];
      return `${k.padEnd(8)} ${String(b.stated).padStart(6)} ${String(b.statedRight).padStart(6)} ${pct(b.statedAccuracy).padStart(9)}   ${String(b.unknownAnswers).padStart(7)} ${String(b.unknownRight).padStart(6)} ${pct(b.unknownRightShare).padStart(11)}   ${String(b.unstated).padStart(8)} ${String(b.wrongGuesses).padStart(14)}`;
    }),
    '',
    `context inference — demo dataset (${f.demo.people} person keys vs truth.json; about 15% of bios say neither field, CSV authors have no profile)`,
    'field    answered  coverage   right  precision  wrong',
    ...FIELDS.map((k) => {
      const d = f.demo[k];
      return `${k.padEnd(8)} ${String(d.answered).padStart(8)} ${pct(d.coverage).padStart(9)} ${String(d.right).padStart(7)} ${pct(d.precision).padStart(10)} ${String(d.wrong).padStart(6)}`;
    }),
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The registries (context option, default on) must not make the written bios worse: both are printed.
  const withRegistries = process.argv.includes('--registries');
  console.log(
    `${formatContextFigures(measureContext({ registries: !withRegistries }))}\n\n(the above with the registries ${withRegistries ? 'off' : 'on'}; below ${withRegistries ? 'on' : 'off'})\n`,
  );
  const figures = measureContext({ registries: withRegistries });
  console.log(formatContextFigures(figures));
  if (process.argv.includes('--misses')) {
    for (const m of figures.misses)
      console.log(`\n[${m.set} ${m.field}] want ${m.expected}, got ${m.got}: ${m.what}${m.evidence ? `\n    ${m.evidence}` : ''}`);
  }
}
