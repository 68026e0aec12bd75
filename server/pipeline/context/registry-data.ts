/**
 * The institution registries in data/context/registries/ (see its README for
 * sources and licences), checked at load: universities and colleges
 * worldwide with their countries and web domains (Hipo), UK public libraries
 * and library authorities (Libraries Hacked), Australian public library
 * services and branch towns (public_library_map), US public library systems and
 * their cities (IMLS Public Libraries Survey), NHS trusts (NHS ODS), research
 * organisations by the sector of their staff and their country (ROR), and the
 * hand-written lexicon.json (national and state libraries, trade bodies and
 * abbreviations, roles in six languages, re-weighed base phrases). Read only
 * when the context option `registries` is on.
 */
import { z } from 'zod';
import lexiconJson from '../../../data/context/registries/lexicon.json' with { type: 'json' };
import nhsJson from '../../../data/context/registries/nhs-trusts.json' with { type: 'json' };
import auJson from '../../../data/context/registries/au-public-libraries.json' with { type: 'json' };
import librariesJson from '../../../data/context/registries/uk-public-libraries.json' with { type: 'json' };
import universitiesJson from '../../../data/context/registries/universities.json' with { type: 'json' };
import usJson from '../../../data/context/registries/us-public-libraries.json' with { type: 'json' };
import organisationsJson from '../../../data/context/registries/organisations.json' with { type: 'json' };
import { COUNTRY_CODES, SECTORS } from './gazetteer.js';

const Sector = z.enum(SECTORS);
const Code = z.string().refine((c) => COUNTRY_CODES.has(c), 'unknown country code');
const Weights = z.record(z.string().regex(/^\d+(\.\d+)?$/), z.array(z.string().min(1)));

const LexiconFile = z.object({
  bodies: z.array(
    z.object({ names: z.array(z.string().min(1)), sector: Sector.optional(), region: Code.optional(), handle: z.boolean().optional() }),
  ),
  patterns: z.partialRecord(Sector, Weights),
  overrides: z.record(z.string(), z.partialRecord(Sector, z.number().min(0))),
  handlesNotUniversities: z.array(z.string()),
  acronymStoplist: z.array(z.string()),
  instances: z.record(z.string(), Code.nullable()),
  pastWords: z.array(z.string()),
  needsLibraryContext: z.array(z.string()),
});
const UniversitiesFile = z.object({ universities: z.array(z.tuple([z.string().min(1), z.string(), z.array(z.string())])) });
const LibrariesFile = z.object({
  libraries: z.array(z.string()),
  authorities: z.array(z.string()),
  towns: z.array(z.string()),
  domains: z.array(z.string()),
});
const NhsFile = z.object({ trusts: z.array(z.string()) });
const AuFile = z.object({ services: z.array(z.string()), towns: z.array(z.string()), domains: z.array(z.string()) });
const UsState = z.string().regex(/^[A-Z]{2}$/);
const UsFile = z.object({
  libraries: z.array(z.tuple([z.string().min(1), UsState])),
  cities: z.array(z.tuple([z.string().min(1), UsState])),
});

/** Sector → ISO country → names ("=" before a name of common words alone: read only as written). */
const OrganisationsFile = z.object({
  organisations: z.partialRecord(Sector, z.record(z.string().regex(/^[A-Z]{2}$/), z.array(z.string().min(1)))),
});

function parse<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (!result.success)
    throw new Error(
      `context data: registries/${file}: ${result.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return result.data;
}

export type Lexicon = z.infer<typeof LexiconFile>;
export interface University {
  name: string;
  country: string;
  domains: readonly string[];
}

export interface Organisation {
  name: string;
  sector: z.infer<typeof Sector>;
  country: string;
}

export function loadRegistries() {
  const universities = parse(UniversitiesFile, universitiesJson, 'universities.json')
    .universities // Hipo files a few bodies under codes outside ISO 3166-1 (e.g. XK); those say nothing about region.
    .filter(([, country]) => COUNTRY_CODES.has(country))
    .map(([name, country, domains]): University => ({ name, country, domains }));
  return {
    lexicon: parse(LexiconFile, lexiconJson, 'lexicon.json'),
    universities,
    libraries: parse(LibrariesFile, librariesJson, 'uk-public-libraries.json'),
    nhsTrusts: parse(NhsFile, nhsJson, 'nhs-trusts.json').trusts,
    australia: parse(AuFile, auJson, 'au-public-libraries.json'),
    unitedStates: parse(UsFile, usJson, 'us-public-libraries.json'),
    // ROR files a few bodies under codes outside ISO 3166-1 (XK), as Hipo does; those say nothing about region.
    organisations: Object.entries(parse(OrganisationsFile, organisationsJson, 'organisations.json').organisations).flatMap(
      ([sector, byCountry]) =>
        Object.entries(byCountry ?? {})
          .filter(([country]) => COUNTRY_CODES.has(country))
          .flatMap(([country, names]) => names.map((name): Organisation => ({ name, sector: sector as Organisation['sector'], country }))),
    ),
  };
}
