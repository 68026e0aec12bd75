import { describe, expect, it } from 'vitest';
import { measureContext } from '../../../bench/context.js';
import {
  REAL_SAMPLES,
  UNSEEN_SAMPLES,
  fnv1a,
  halfOf,
  loadRealProfiles,
  loadUnseenProfiles,
  loadBlindLibraryProfiles,
  BLIND_LIBRARY_SAMPLES,
  measureRealContext,
  measureSecondLabeller,
  loadAdjudicatedProfiles,
  readJsonl,
  ADJUDICATION,
  SECOND_LABELS,
  type Adjudicated,
} from '../../../bench/context-real.js';
import { SECTORS } from '../../../server/pipeline/context/gazetteer.js';
import { DEFAULT_CONTEXT_OPTIONS, inferContext } from '../../../server/pipeline/context/index.js';
import { profile } from './helpers.js';

// Floors at the figures reached with the registries on (bench/context-real.ts); they may only go up.
// The targets are judged on the held-out half: sector ≥ 85 % right where stated, precision ≥ 90 %;
// region ≥ 90 %, precision ≥ 95 %; guesses on at most 5 % of profiles that state nothing.
/** The profiles of one of bench/context-real.ts's samples, by its id. */
/** The samples labelled before any rule was tuned on them and pooled for the targets, in the bench's order. */
const UNSEEN_IDS = [
  'twitter-unseen-200',
  'twitter-unseen-b-300',
  'twitter-unseen-c-300',
  'twitter-unseen-e-300',
  'twitter-unseen-f-300',
  'twitter-unseen-g-300',
];
const sampleProfiles = (id: string) => loadRealProfiles(REAL_SAMPLES.find((x) => x.id === id)!.file);

describe('context inference on real profiles', () => {
  const on = measureRealContext({ registries: true });
  const off = measureRealContext({ registries: false });

  it('splits the 586 profiles by a fixed rule: FNV-1a of the lower-cased handle, even → dev', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    const profiles = loadRealProfiles();
    expect(profiles).toHaveLength(586);
    expect(profiles.filter((p) => halfOf(p.handle) === 'dev')).toHaveLength(301);
    expect(halfOf('Mary_Tomsic')).toBe(halfOf('mary_tomsic'));
    expect(on['held-out'].sector.profiles).toBe(285);
  });

  it('reads the registries by default; without them, the figures of the written lexicons alone', () => {
    expect(DEFAULT_CONTEXT_OPTIONS.registries).toBe(true);
    expect(off['held-out'].sector).toMatchObject({ stated: 166, statedRight: 85, guesses: 113, unstatedGuesses: 13 });
    expect(off['held-out'].region).toMatchObject({ stated: 240, statedRight: 220, guesses: 223, unstatedGuesses: 2 });
  });

  it('reads sector on the held-out half at least as well as it did (586 profiles: 116/166 before the rules of 7 Dec)', () => {
    const s = on['held-out'].sector;
    // 117 (70.5 %) before the second 7 Dec session; 125 after it, 134 after the third: part of that from kinds of
    // evidence learnt from this half's misses, so this half overstates (the unseen sample below is the honest measure).
    expect(s.statedRight).toBeGreaterThanOrEqual(134); // of 166: 80.7 %, off 50.6 %
    expect(s.precision).toBeGreaterThanOrEqual(0.925); // 135/146 (134/144 before a hospital's "Academy Library" read as a school's, p423); off 75.0 %
    expect(s.unstatedGuesses).toBeLessThanOrEqual(3); // of 119: 2.5 % (2 before the third 7 Dec session); off 13
    expect(s.labels.academic!.right).toBeGreaterThanOrEqual(35);
    expect(s.labels.public!.right).toBeGreaterThanOrEqual(24);
  });

  it('reads region on the held-out half at least as well as it did: right where stated and precision meet the targets', () => {
    const r = on['held-out'].region;
    expect(r.statedShare).toBeGreaterThanOrEqual(0.954); // 229/240; off 91.3 %
    expect(r.precision).toBeGreaterThanOrEqual(0.991);
    expect(r.unstatedGuesses).toBeLessThanOrEqual(2); // of 45: 4.4 % (coordinates are no longer read as a place)
  });

  it('meets every target on the development half it was tuned on', () => {
    const { sector, region } = on.dev;
    expect(sector.statedShare).toBeGreaterThanOrEqual(0.94); // 174/185
    expect(sector.precision).toBeGreaterThanOrEqual(0.96); // 174/181
    expect(sector.unstatedGuessShare).toBeLessThanOrEqual(0.05);
    expect(region.statedShare).toBeGreaterThanOrEqual(0.963);
    expect(region.precision).toBeGreaterThanOrEqual(0.99);
    expect(region.unstatedGuesses).toBe(0);
  });

  it('measures the Code4Lib speakers apart, split by the same rule (59 dev, 71 held-out), at least as well as it did', () => {
    const profiles = sampleProfiles('code4lib-130');
    expect(profiles).toHaveLength(130);
    const c4l = measureRealContext({ registries: true }, profiles);
    expect(c4l.dev.sector.profiles).toBe(59);
    // Before the 7 Dec work (labels of c019/c049 then unknown): sector 37/59, region 52/59 on the held-out half.
    expect(c4l['held-out'].sector.statedRight).toBeGreaterThanOrEqual(49); // of 61: 80.3 % (48 before the third 7 Dec session; 50 before hints stopped deciding alone)
    expect(c4l['held-out'].sector.precision).toBeGreaterThanOrEqual(0.89); // 49/55 (48/54 before)
    expect(c4l['held-out'].region.statedRight).toBeGreaterThanOrEqual(54); // of 59: 91.5 %
    expect(c4l['held-out'].region.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('measures the unseen fifth sample apart (200 profiles labelled before any inference; 102 dev, 98 held-out)', () => {
    const profiles = sampleProfiles('twitter-unseen-200');
    expect(profiles).toHaveLength(200);
    const unseen = measureRealContext({ registries: true }, profiles);
    expect(unseen.dev.sector.profiles).toBe(102);
    // First measure, before any rule was tuned on it: held-out sector 43/64 right, precision 43/50; region 77/89.
    // Rules of the third 7 Dec session were tuned on the dev half only (and on LABELLING.md rules 15-16, region 11).
    expect(unseen['held-out'].sector.statedRight).toBeGreaterThanOrEqual(46); // of 64: 71.9 %
    expect(unseen['held-out'].sector.precision).toBeGreaterThanOrEqual(0.87); // 47/54 (46/52 before the UK organisation phrases of the seventh sample's dev half)
    expect(unseen['held-out'].region.statedRight).toBeGreaterThanOrEqual(79); // of 89: 88.8 %
    expect(unseen['held-out'].region.precision).toBe(1);
    expect(unseen.dev.sector.statedRight).toBeGreaterThanOrEqual(63); // of 70
  });

  it('measures the unseen seventh sample apart (300 list members, almost all organisation accounts, labelled before any inference)', () => {
    const profiles = sampleProfiles('twitter-unseen-c-300');
    expect(profiles).toHaveLength(300);
    const unseen = measureRealContext({ registries: true }, profiles);
    expect(unseen.dev.sector.profiles).toBe(147);
    // Blind, first run (code of bfd9cbc, before any rule saw this sample): held-out sector 118/139, precision 118/127,
    // guesses 4/14; region 136/145, precision 136/138, guesses 2/8. Dev: sector 103/132, region 127/135.
    // 122 before "College" alone became a hint (LABELLING.md rule 18, third 7 Dec session): 120, and 2 fewer guesses.
    expect(unseen['held-out'].sector.statedRight).toBeGreaterThanOrEqual(120); // of 139: 86.3 % (118 blind)
    expect(unseen['held-out'].sector.precision).toBeGreaterThanOrEqual(0.938); // 122/130 (118/127 blind)
    expect(unseen['held-out'].region.statedRight).toBeGreaterThanOrEqual(138); // of 145: 95.2 % (136 blind)
    expect(unseen['held-out'].region.precision).toBeGreaterThanOrEqual(0.985); // 136/138
  });

  // The thirteenth to fifteenth samples: 300 more list members each (organisation accounts), labelled before any
  // inference and pooled with the unseen samples. `blind` is each one's first run, before any rule saw it; the floors
  // are the figures after rules learnt from the dev halves (and, for the fourteenth, after the review narrowed rule 20).
  it.each([
    {
      id: 'twitter-unseen-e-300',
      devProfiles: 136,
      blind: 'f4b909d: held-out sector 124/147, precision 124/135, guesses 5/17; region 148/152, 148/151, 2/12; dev sector 109/128',
      heldOut: { right: 125, precision: 0.946, guesses: 2, regionRight: 148, regionPrecision: 0.98 }, // 125/132, 148/151
      devRight: 123,
    },
    {
      id: 'twitter-unseen-f-300',
      devProfiles: 148,
      blind: '2f6da59: held-out sector 121/137, precision 121/133, guesses 8/15; region 144/149, 144/146, 2/3; dev sector 112/131',
      heldOut: { right: 123, precision: 0.924, guesses: 8, regionRight: 144, regionPrecision: 0.986 }, // 123/133, 144/146
      devRight: 120,
    },
    {
      id: 'twitter-unseen-g-300',
      devProfiles: 146,
      blind: '4f4dca2: held-out sector 119/137, precision 119/127, guesses 5/17; region 139/147, 139/140, 1/7; dev sector 107/127',
      heldOut: { right: 122, precision: 0.945, guesses: 5, regionRight: 139, regionPrecision: 0.99 }, // 122/129, 139/140
      devRight: 113,
    },
  ])(
    'measures the unseen sample $id apart (300 list members, labelled before any inference; blind $blind)',
    ({ id, devProfiles, heldOut, devRight }) => {
      const profiles = sampleProfiles(id);
      expect(profiles).toHaveLength(300);
      expect(UNSEEN_SAMPLES.some((x) => x.id === id)).toBe(true);
      const unseen = measureRealContext({ registries: true }, profiles);
      expect(unseen.dev.sector.profiles).toBe(devProfiles);
      const h = unseen['held-out'];
      expect(h.sector.statedRight).toBeGreaterThanOrEqual(heldOut.right);
      expect(h.sector.precision).toBeGreaterThanOrEqual(heldOut.precision);
      expect(h.sector.unstatedGuesses).toBeLessThanOrEqual(heldOut.guesses);
      expect(h.region.statedRight).toBeGreaterThanOrEqual(heldOut.regionRight);
      expect(h.region.precision).toBeGreaterThanOrEqual(heldOut.regionPrecision);
      expect(unseen.dev.sector.statedRight).toBeGreaterThanOrEqual(devRight);
    },
  );

  // Samples printed apart, not pooled: conference programmes (ninth to twelfth) and a research-computing conference
  // (eighth), each labelled before any inference. `blind` is each one's first run; the floors are the figures after rules
  // learnt from their dev halves. A precision floor of 1 means every answer right.
  it.each([
    {
      id: 'code4lib-b-150',
      what: '150 more Code4Lib speakers (2017, 2021–2026)',
      size: 150,
      devProfiles: 75,
      blind: '22e7569: sector 113/142 (dev 53/70, held-out 60/72), precision 113/124; region 134/141, precision 134/134',
      heldOut: { right: 60, precision: 0.952, regionRight: 67, regionPrecision: 1 }, // 60/72 83.3 %, 60/63; 67/73
    },
    {
      id: 'ndlc-200',
      what: '200 NDLC 2016 presenters (US/Canada library staff title lines)',
      size: 200,
      devProfiles: 92,
      // Then rules from its dev half (LIS schools, law-school library staff, subject librarians, faculty libraries "and …
      // Center", ARL, registered names over shortened ones). Dev 89 with 'LLP' as a law firm, dropped in review: accounting
      // firms are LLPs too.
      blind: '68ced71: sector 176/198 (dev 80/92, held-out 96/106), precision 176/188; region 177/195 (held-out 98/105), precision 177/181',
      heldOut: { right: 100, precision: 0.96, regionRight: 98, regionPrecision: 0.98 }, // 100/106 94.3 %, 100/104; 98/105, 98/100
      dev: { right: 88 }, // of 92
    },
    {
      id: 'swib-93',
      what: '93 SWIB speakers (European library technologists)',
      size: 93,
      devProfiles: 46,
      // Then rules and bodies from its dev half (national subject libraries, degrees with stops are no hosts, service beside
      // the job, degrees abroad less than the workplace now).
      blind:
        '77a8acd: sector 48/75 (dev 23/37, held-out 25/38), precision 48/67; region 63/85 (dev 29/43, held-out 34/42), precision 63/70',
      heldOut: { right: 27, regionRight: 36 }, // of 38, of 42
      dev: { right: 30, regionRight: 38 }, // of 37, of 43
    },
    {
      id: 'code4lib-c-150',
      what: "150 Code4Lib 2006–2015 speakers' affiliation lines",
      size: 150,
      devProfiles: 74,
      // York University is Toronto's by a hand-kept body, not by registered names (dropped in review).
      blind: '77a8acd: sector 114/135 (dev 56/65, held-out 58/70), precision 114/122; region 113/133 (held-out 54/67), precision 113/113',
      heldOut: { right: 61, precision: 0.92, regionRight: 56, regionPrecision: 1 }, // 61/70, 61/66; 56/67
    },
    {
      id: 'carpentrycon-250',
      what: '250 #CarpentryCon2018 participants, researchers rather than a library chat',
      size: 250,
      devProfiles: 118,
      // Dev then 21/44, precision 21/31; after the rules learnt on it 26/44, 26/32.
      blind: '067c4e2: held-out sector 26/47, precision 26/35; region 94/101, precision 94/100',
      heldOut: { right: 27, precision: 0.77, regionRight: 94 }, // 27/47, 27/35; 94/101
      dev: { right: 26 }, // of 44
    },
  ])('measures $id apart: $what, labelled before any inference (not pooled; blind $blind)', (sample) => {
    const profiles = sampleProfiles(sample.id);
    expect(profiles).toHaveLength(sample.size);
    expect(UNSEEN_SAMPLES.some((x) => x.id === sample.id)).toBe(false);
    const figures = measureRealContext({ registries: true }, profiles);
    expect(figures.dev.sector.profiles).toBe(sample.devProfiles);
    const h = figures['held-out'];
    expect(h.sector.statedRight).toBeGreaterThanOrEqual(sample.heldOut.right);
    if (sample.heldOut.precision !== undefined) expect(h.sector.precision).toBeGreaterThanOrEqual(sample.heldOut.precision);
    expect(h.region.statedRight).toBeGreaterThanOrEqual(sample.heldOut.regionRight);
    if (sample.heldOut.regionPrecision !== undefined) expect(h.region.precision).toBeGreaterThanOrEqual(sample.heldOut.regionPrecision);
    if (sample.dev?.right !== undefined) expect(figures.dev.sector.statedRight).toBeGreaterThanOrEqual(sample.dev.right);
    if (sample.dev?.regionRight !== undefined) expect(figures.dev.region.statedRight).toBeGreaterThanOrEqual(sample.dev.regionRight);
  });

  it('measures the unseen samples pooled: 1,700 profiles labelled before any rule was tuned on them, judged on 861 held out', () => {
    const profiles = loadUnseenProfiles();
    expect(profiles).toHaveLength(1700);
    expect(UNSEEN_SAMPLES.map((x) => x.id)).toEqual(UNSEEN_IDS);
    const pooled = measureRealContext({ registries: true }, profiles)['held-out'];
    expect(pooled.sector.profiles).toBe(861);
    // The first three samples alone (391 held out), with the seventh as first measured (blind): sector 223/280 79.6 %,
    // precision 91.0 %, guesses 11/111; region 319/343, precision 97.9 %, guesses 7/48. Each later sample entered the pool
    // with its first, blind run: with the thirteenth (f4b909d; 555 held out) sector 355/427, guesses 15/128; region
    // 470/495, guesses 8/60; with the fourteenth (2f6da59; 707) sector 479/564 84.9 %, precision 91.6 %, guesses 23/143;
    // region 615/644, guesses 10/63; with the fifteenth (4f4dca2; 861) sector 601/701 85.7 %, precision 93.5 %, guesses
    // 22/160; region 754/791 95.3 %, precision 98.4 %, guesses 11/70. Targets: 85 %, 90 %, 5 %; 90 %, 95 %, 5 %.
    // 7 Dec, fourth session: 604 ('NHS Grampian Aberdeen Library' and the like read as the health board's).
    expect(pooled.sector.statedRight).toBeGreaterThanOrEqual(604); // of 701: 86.2 % (605 before the review's fixes for ordinary bios)
    expect(pooled.sector.precision).toBeGreaterThanOrEqual(0.934); // 603/645
    expect(pooled.sector.unstatedGuesses).toBeLessThanOrEqual(22); // of 160
    // 757 with a looser reading of comma-less locations ("Montrose Angus"), dropped after review for its false positives.
    expect(pooled.region.statedRight).toBeGreaterThanOrEqual(754); // of 791: 95.3 %
    expect(pooled.region.precision).toBeGreaterThanOrEqual(0.984); // 754/766
  });

  it("measures every blind library sample pooled, a wider check beside the targets' measure (chat profiles and conference programmes)", () => {
    expect(BLIND_LIBRARY_SAMPLES.map((x) => x.id)).toEqual([...UNSEEN_IDS, 'code4lib-b-150', 'ndlc-200', 'code4lib-c-150', 'swib-93']);
    const wider = measureRealContext({ registries: true }, loadBlindLibraryProfiles())['held-out'];
    expect(wider.sector.profiles).toBe(1167);
    // 7 Dec 2026, second session (697 held out): sector 483/566 85.3 %, precision 92.0 %, guesses 16/131; region 580/630.
    // Third session, with the thirteenth to fifteenth samples (1,167 held out): sector 857/987 86.8 %, precision 857/919
    // 93.3 %, guesses 28/180; region 1013/1078 94.0 %, precision 98.2 %.
    expect(wider.sector.statedRight).toBeGreaterThanOrEqual(857); // 856 before the fourth session
    expect(wider.sector.precision).toBeGreaterThanOrEqual(0.932);
    expect(wider.region.statedRight).toBeGreaterThanOrEqual(1013);
  });

  it('labels every pooled profile a second time, blind, and adjudicates exactly where the two labels differ', () => {
    const pool = loadUnseenProfiles();
    const second = readJsonl<{ id: string; sector: string; region: string }>(SECOND_LABELS);
    // The file holds exactly the pool's profiles, once each.
    expect(second.map((x) => x.id).sort()).toEqual(pool.map((r) => r.id).sort());
    for (const r of second) {
      expect([...SECTORS, 'unknown']).toContain(r.sector);
      expect(r.region).toMatch(/^(?:[A-Z]{2}|unknown)$/);
    }
    const secondOf = new Map(second.map((x) => [x.id, x]));
    const decided = readJsonl<Adjudicated>(ADJUDICATION);
    const differing = pool.flatMap((r) =>
      (['sector', 'region'] as const).filter((f) => secondOf.get(r.id)![f] !== r[f]).map((f) => `${r.id} ${f}`),
    );
    expect(differing).toHaveLength(87);
    expect(decided.map((d) => `${d.id} ${d.field}`).sort()).toEqual(differing.sort());
    const firstOf = new Map(pool.map((r) => [r.id, r]));
    const adjudicated = new Map(loadAdjudicatedProfiles().map((r) => [r.id, r]));
    for (const d of decided) {
      expect(d.first).toBe(firstOf.get(d.id)![d.field]);
      expect(d.second).toBe(secondOf.get(d.id)![d.field]);
      expect(d.answer).toBe(d[d.chose]);
      // Adjudicated labels: the adjudicator's answer where the two differ...
      expect(adjudicated.get(d.id)![d.field]).toBe(d.answer);
    }
    // ...and the first label wherever they agree.
    const decidedKeys = new Set(differing);
    for (const r of pool)
      for (const f of ['sector', 'region'] as const) if (!decidedKeys.has(`${r.id} ${f}`)) expect(adjudicated.get(r.id)![f]).toBe(r[f]);
  });

  it("measures how far two labellers agree, in the inference's own figures: the second against the first labels", () => {
    const figures = measureSecondLabeller();
    expect(figures.all.sector).toMatchObject({ stated: 1373, statedRight: 1356, unstated: 327, unstatedGuesses: 43 });
    expect(figures.all.region).toMatchObject({ stated: 1559, statedRight: 1551, unstated: 141, unstatedGuesses: 19 });
    // Beside the inference on the same 861 held out (sector guesses 22/160, region 11/70): a second careful person reads a
    // value from more of the first labeller's unknowns than the inference does.
    expect(figures['held-out'].sector).toMatchObject({ stated: 701, statedRight: 694, unstated: 160, unstatedGuesses: 24 });
    expect(figures['held-out'].region).toMatchObject({ stated: 791, statedRight: 785, unstated: 70, unstatedGuesses: 12 });
  });

  it('measures the pooled held-out half against the adjudicated labels at least as well as it first did', () => {
    const held = measureRealContext({ registries: true }, loadAdjudicatedProfiles())['held-out'];
    // First run (a953588): sector 605/712 85.0 %, precision 605/643 94.1 %, guesses 17/149 11.4 %; region 755/802 94.1 %,
    // precision 755/766 98.6 %, guesses 9/59 15.3 %. After the review's fixes: sector 606/712, precision 606/644.
    expect(held.sector.stated).toBe(712);
    expect(held.sector.statedRight).toBeGreaterThanOrEqual(606);
    expect(held.sector.precision).toBeGreaterThanOrEqual(0.941);
    expect(held.sector.unstatedGuesses).toBeLessThanOrEqual(17);
    expect(held.region.stated).toBe(802);
    expect(held.region.statedRight).toBeGreaterThanOrEqual(755);
    expect(held.region.precision).toBeGreaterThanOrEqual(0.986);
    expect(held.region.unstatedGuesses).toBeLessThanOrEqual(9);
  });

  it('does no worse on the written bios with the registries on', () => {
    const a = measureContext().bios;
    const b = measureContext({ registries: true }).bios;
    for (const field of ['sector', 'region'] as const) {
      expect(b[field].statedAccuracy).toBeGreaterThanOrEqual(a[field].statedAccuracy);
      expect(b[field].wrongGuesses).toBeLessThanOrEqual(a[field].wrongGuesses);
    }
  });
});

describe('registries', () => {
  const read = (fields: Parameters<typeof profile>[0]) => inferContext(profile(fields), { registries: true });

  it('reads workplaces from handles, acronyms and registry names, and quotes them', () => {
    expect(read({ bio: 'historian @unimelb working on visual culture' }).sector).toMatchObject({
      value: 'academic',
      evidence: "bio: '@unimelb'",
    });
    expect(read({ bio: 'UX librarian at UWindsor' })).toMatchObject({ sector: { value: 'academic' }, region: { value: 'CA' } });
    expect(read({ bio: 'Chief Librarian, CUNY Graduate Center' })).toMatchObject({
      sector: { value: 'academic' },
      region: { value: 'US' },
    });
    expect(read({ bio: 'librarian at Hampshire College' }).region.value).toBe('US');
    const nhs = read({ bio: 'Outreach librarian, Manchester University NHS Foundation Trust' });
    expect(nhs).toMatchObject({ sector: { value: 'health' }, region: { value: 'GB' } });
    expect(nhs.sector.evidence).toBe("bio: 'Manchester University NHS Foundation Trust'");
  });

  it('reads a library named after a place as its public library, names run together too', () => {
    expect(read({ name: 'Suffolk Libraries' })).toMatchObject({ sector: { value: 'public' }, region: { value: 'GB' } });
    expect(read({ name: 'LeithLibrary' }).sector).toMatchObject({ value: 'public', evidence: "name: 'LeithLibrary'" });
    expect(read({ bio: 'Library at Aintree University Hospital', name: 'Aintree Library' }).sector.value).toBe('health');
  });

  it('reads roles in French, Spanish, German, Portuguese, Dutch and Italian', () => {
    expect(read({ bio: 'Professeure documentaliste au lycée' }).sector.value).toBe('school');
    expect(read({ bio: 'Bibliotecaria en la Biblioteca Nacional de España' })).toMatchObject({
      sector: { value: 'national' },
      region: { value: 'ES' },
    });
    expect(read({ bio: 'Bibliothekarin an der Universitätsbibliothek Leipzig' })).toMatchObject({
      sector: { value: 'academic' },
      region: { value: 'DE' },
    });
    expect(read({ bio: 'Bibliotecária escolar em Lisboa' })).toMatchObject({ sector: { value: 'school' }, region: { value: 'PT' } });
    expect(read({ bio: 'Archivaris bij het Stadsarchief Amsterdam' }).sector.value).toBe('archives');
    expect(read({ bio: 'Bibliotecario in una biblioteca comunale' }).sector.value).toBe('public');
  });

  it('reads a town the gazetteer lacks from its state code or its public library, the location field first', () => {
    expect(read({ location: 'Topsfield, MA' }).region).toMatchObject({ value: 'US', evidence: "location: 'Topsfield, MA'" });
    expect(read({ location: 'Beechworth' }).region.value).toBe('AU');
    expect(read({ location: 'Beechworth' }).sector.value).toBe('unknown');
    expect(inferContext(profile({ location: 'Topsfield, MA' }), { registries: false }).region.value).toBe('unknown');
    const sales = read({ bio: 'Sales Executive for Vietnam, Indonesia and Philippines', location: 'Jakarta' });
    expect(sales.region.value).toBe('ID');
  });

  it('reads university domains and known Mastodon instances', () => {
    expect(read({ bio: 'Metadata librarian', url: 'https://lib.unimelb.edu.au/' })).toMatchObject({
      sector: { value: 'academic' },
      region: { value: 'AU' },
    });
    // A national server alone (mamot.fr, mastodon.nl) is a hint, not a residence (hosts.ts INSTANCE_REGION; NL before 7 Dec).
    expect(read({ bio: 'Librarian', platform: 'mastodon', handle: 'ann@mastodon.nl' }).region.value).toBe('unknown');
    expect(read({ bio: 'Librarian', platform: 'mastodon', handle: 'ann@mamot.fr' }).region.evidence).toBe(
      "too little for FR: instance: 'mamot.fr'",
    );
    expect(read({ bio: 'Bibliothécaire à Paris', platform: 'mastodon', handle: 'ann@mamot.fr' }).region.value).toBe('FR');
    expect(read({ bio: 'Librarian', platform: 'mastodon', handle: 'ann@mastodon.uni-heidelberg.de' }).region.value).toBe('DE');
  });

  it('leaves unknown what names no workplace: interest lists, citations, past roles, shouting', () => {
    expect(read({ bio: 'Libraries. Archives. Museums. Coffee.' }).sector.value).toBe('unknown');
    expect(read({ bio: 'Author of Bad Data (Routledge, 2019)' }).sector.value).toBe('unknown');
    expect(read({ bio: 'Erstwhile academic and librarian' }).sector.value).toBe('unknown');
    expect(read({ bio: 'Reader. Librarian. Cat person.' })).toMatchObject({ sector: { value: 'unknown' }, region: { value: 'unknown' } });
    expect(read({ bio: 'I AM HERE TO HELP YOU WITH CLARITY' }).sector.value).toBe('unknown');
  });
});
