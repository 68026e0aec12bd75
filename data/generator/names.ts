/**
 * Name parts for fictional people, from many cultures, combined at random:
 * any resemblance to a real person is by chance. Handles are built from the
 * names the way people build them (first_last, flast, FirstReads…).
 */
import type { Rng } from './random.js';

export const GIVEN_NAMES = [
  'Aisha', 'Amara', 'Ananya', 'Aoife', 'Ben', 'Bronwen', 'Carmen', 'Chen', 'Chloe', 'Ciarán', 'Dale', 'Dani',
  'Deepa', 'Diego', 'Eilidh', 'Elena', 'Emeka', 'Fatima', 'Fiona', 'Gareth', 'Grace', 'Hamid', 'Hana', 'Harriet',
  'Ifeoma', 'Imogen', 'Ines', 'Jamal', 'Jess', 'Jin', 'Joanna', 'Kai', 'Kavya', 'Keisha', 'Kirsty', 'Lachlan',
  'Laila', 'Leon', 'Liam', 'Lucía', 'Mai', 'Malik', 'Marta', 'Mateo', 'Megan', 'Mei', 'Mohammed', 'Nadia', 'Niamh',
  'Nikhil', 'Noor', 'Olu', 'Oren', 'Pania', 'Priya', 'Rachel', 'Rhys', 'Rosa', 'Ruth', 'Sam', 'Sana', 'Saoirse',
  'Siân', 'Sipho', 'Sofia', 'Tamsin', 'Tariq', 'Tegan', 'Theo', 'Tomasz', 'Valentina', 'Wren', 'Yara', 'Yusuf',
  'Zainab', 'Zoe', 'Andrés', 'Beatriz', 'Cormac', 'Dara', 'Esi', 'Femi', 'Gabriela', 'Hiroshi', 'Ivana', 'Jonah',
  'Kwame', 'Linh', 'Maeve', 'Nasrin', 'Omar', 'Paulo', 'Quinn', 'Ravi', 'Shira', 'Tane', 'Uma', 'Vikram', 'Xin',
] as const;

export const SURNAMES = [
  'Adeyemi', 'Ahmed', 'Anderson', 'Banerjee', 'Bello', 'Brennan', 'Campbell', 'Castillo', 'Chowdhury', 'Clarke',
  'Costa', 'Davies', 'Doherty', 'Dubois', 'Edwards', 'Evans', 'Fernández', 'Fitzgerald', 'Fraser', 'Garcia',
  'Gill', 'Gonzalez', 'Gupta', 'Hall', 'Hassan', 'Hughes', 'Ibrahim', 'Jackson', 'Jones', 'Kaur', 'Kelly',
  'Khan', 'Kim', 'Kowalski', 'Lee', 'Lewis', 'Li', 'Lopez', 'MacLeod', 'Martin', 'McCarthy', 'Mensah', 'Morgan',
  'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Nowak', "O'Brien", 'Okafor', 'Okonkwo', 'Osei', 'Park', 'Patel',
  'Pereira', 'Price', 'Quinn', 'Rahman', 'Reyes', 'Roberts', 'Rossi', 'Sato', 'Schmidt', 'Scott', 'Shah',
  'Silva', 'Singh', 'Smith', 'Sullivan', 'Tanaka', 'Taylor', 'Thomas', 'Tran', 'Turner', 'Walsh', 'Wang',
  'Watson', 'Williams', 'Wilson', 'Wong', 'Wright', 'Yilmaz', 'Young', 'Zhang', 'Zielinski', 'Ngata', 'Haddad',
] as const;

/** Letters only, accents dropped: "Ciarán O'Brien" → "CiaranOBrien". */
function ascii(s: string): string {
  return s.normalize('NFD').replace(/[^A-Za-z]/g, '');
}

export interface NameParts {
  given: string;
  family: string;
}

export function pickName(rng: Rng): NameParts {
  return { given: rng.pick(GIVEN_NAMES), family: rng.pick(SURNAMES) };
}

/** What the profile shows: "Aisha Khan", "Dr Aisha Khan", "aisha k 📚", "Aisha Khan (she/her)". */
export function displayName(rng: Rng, { given, family }: NameParts): string {
  return rng.weighted<string>([
    [`${given} ${family}`, 10],
    [`Dr ${given} ${family}`, 1],
    [`${given.toLowerCase()} ${family[0]!.toLowerCase()}`, 1],
    [`${given} ${family} 📚`, 1],
    [`${given} ${family} (she/her)`, 1],
    [`${given} ${family} (they/them)`, 0.5],
    [`${given} ${family[0]!}.`, 1],
    [given, 1],
  ]);
}

/** A handle candidate, at most 15 characters (Twitter's limit), Twitter-legal characters only. */
export function handleFor(rng: Rng, { given, family }: NameParts, hint: string): string {
  const g = ascii(given);
  const f = ascii(family);
  const raw = rng.weighted<string>([
    [`${g}${f}`, 3],
    [`${g}_${f}`, 3],
    [`${g[0]!}${f}`, 3],
    [`${g.toLowerCase()}${f.toLowerCase()}`, 2],
    [`${g}${hint}`, 2],
    [`${hint}${g}`, 1],
    [`${g}_${hint}`, 1],
    [`${g}${f[0]!}${rng.int(1, 99)}`, 2],
    [`the${g}${f[0]!}`, 0.5],
    [`${g}Reads`, 0.5],
  ]);
  return raw.slice(0, 15);
}

/** Words people put in library handles, by sector id. */
export const HANDLE_HINTS: Record<string, readonly string[]> = {
  health: ['Lib', 'HealthLib', 'NHSLib', 'MedLib', 'KLS'],
  school: ['TL', 'Lib', 'Reads', 'SchoolLib', 'MediaLib'],
  public: ['Lib', 'Libs', 'PubLib', 'Books'],
  academic: ['Lib', 'Libn', 'Liaison', 'InfoLit'],
  archives: ['Archives', 'Archivist', 'Records', 'Arch'],
  law: ['LawLib', 'Law', 'KM', 'Legal'],
  government: ['Gov', 'Info', 'Lib'],
  national: ['Lib', 'Collections', 'Heritage'],
  special: ['Info', 'KM', 'Lib'],
  education: ['LIS', 'MLIS', 'iSchool', 'Student'],
  vendor: ['Tech', 'Systems', 'Data'],
};
