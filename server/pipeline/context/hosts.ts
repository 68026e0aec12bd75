/**
 * What a web host says: `leeds.ac.uk` is a British university, `nhs.net`
 * the NHS, `bl.uk` the British Library, `annlib.co.uk` only "British".
 * Link shorteners and platforms (`linktr.ee`, `academia.edu`, `youtu.be`)
 * say nothing, whatever their top-level domain, and so do vanity ccTLDs
 * (`glammr.us`, `mas.to`). A Mastodon instance speaks for its members only
 * through a ccTLD or a known national instance (`mastodon.ie`, `aus.social`),
 * and only as a hint (see INSTANCE_REGION).
 */
import { COUNTRIES_DATA, COUNTRY_CODES, INSTITUTIONS_DATA, type SectorId } from './gazetteer.js';

export interface HostCue {
  sector?: { id: SectorId; weight: number };
  region?: { code: string; strength: number };
}

/** A ccTLD's country, or undefined for generic and vanity TLDs. */
function countryOfTld(tld: string): string | undefined {
  if (COUNTRIES_DATA.vanityTlds.includes(tld)) return undefined;
  const alias = COUNTRIES_DATA.tlds[tld];
  if (alias) return alias;
  const code = tld.toUpperCase();
  return tld.length === 2 && COUNTRY_CODES.has(code) ? code : undefined;
}

function ignored(host: string): boolean {
  return host.split('.').includes('blogspot') || INSTITUTIONS_DATA.ignoredHosts.some((h) => host === h || host.endsWith(`.${h}`));
}

// How much a second-level label ("ac" in leeds.ac.uk) says about sector:
// a school or NHS address is specific; a university address is also used by
// its archives and LIS school; a .gov address by councils' public libraries.
const SECOND_LEVEL_WEIGHT: Record<SectorId, number> = {
  school: 2,
  health: 2,
  academic: 1.5,
  public: 1.5,
  government: 1,
  law: 1,
  national: 1,
  special: 1,
  archives: 1,
  education: 1,
  vendor: 1,
};
/** A ccTLD under a second-level label that only institutions get (ac.uk, edu.au, govt.nz): certain of the country. */
const INSTITUTIONAL_REGION = 3;
/** Any other ccTLD (annlib.co.uk): people do register abroad. */
const PLAIN_REGION = 2;
/**
 * A general Mastodon server's country (its ccTLD, or a national server: `mamot.fr`, `mastodon.ie`, `aus.social`)
 * is where the account is hosted, chosen for a language, a community or its moderation, not where the person
 * lives: mamot.fr has Belgian, Swiss, Québécois and expatriate members. Alone it is a hint below the minimum
 * confidence (1 − e^(−1/2) ≈ 0.39 < 0.4), so the region stays unknown (LABELLING.md, region rule 10); beside
 * a place it settles an ambiguous one ("Perth" on aus.social) or adds to a stated one. A server an institution
 * runs for its own people (`mastodon.uni-heidelberg.de`) is a workplace and reads as one (infer-region.ts).
 */
export const INSTANCE_REGION = 1;
const KNOWN_INSTANCE_REGION = INSTANCE_REGION;
const US_STATE = /^[a-z]{2}$/;

export function hostCue(hostInput: string): HostCue | undefined {
  const host = hostInput
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  if (!host.includes('.') || ignored(host)) return undefined;
  const labels = host.split('.');
  const tld = labels[labels.length - 1]!;
  const second = labels.length >= 3 ? labels[labels.length - 2]! : '';
  const cue: HostCue = {};
  const known = INSTITUTIONS_DATA.domains.find((d) => host === d.suffix || host.endsWith(`.${d.suffix}`));
  if (known?.sector) cue.sector = { id: known.sector, weight: 3 };
  const secondSector = INSTITUTIONS_DATA.secondLevel[second] ?? (labels.includes('k12') ? 'school' : undefined);
  if (!cue.sector && secondSector) cue.sector = { id: secondSector, weight: SECOND_LEVEL_WEIGHT[secondSector] };
  if (tld === 'edu' || tld === 'gov') {
    // US-only generic TLDs (a non-US university has .edu.<cc>, handled below).
    cue.sector ??= { id: tld === 'edu' ? 'academic' : 'government', weight: tld === 'edu' ? 1.5 : 1 };
    cue.region = { code: 'US', strength: PLAIN_REGION };
  } else if (tld === 'us' && labels.length >= 3 && US_STATE.test(second)) {
    // Locality domains (lib.oh.us, k12.tx.us): only US bodies get these; a bare .us is vanity.
    cue.region = { code: 'US', strength: INSTITUTIONAL_REGION };
    if (labels.includes('lib')) cue.sector ??= { id: 'public', weight: 1.5 };
  } else {
    const code = known?.region ?? countryOfTld(tld);
    if (code) cue.region = { code, strength: secondSector || known ? INSTITUTIONAL_REGION : PLAIN_REGION };
  }
  return cue.sector || cue.region ? cue : undefined;
}

/** What a Mastodon instance domain says about where its member is. */
export function instanceCue(domainInput: string): HostCue | undefined {
  const domain = domainInput.toLowerCase();
  const instances = INSTITUTIONS_DATA.instances;
  if (domain in instances) {
    const code = instances[domain];
    return code ? { region: { code, strength: KNOWN_INSTANCE_REGION } } : undefined;
  }
  const tld = domain.split('.').pop() ?? '';
  const code = domain.includes('.') ? countryOfTld(tld) : undefined;
  return code ? { region: { code, strength: INSTANCE_REGION } } : undefined;
}
