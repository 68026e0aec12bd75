// Research organisations from ROR (data/context/registries/organisations.json), each rule shown on a real bio from the
// dev half of data/eval/real-profiles (its id in the title).
import { describe, expect, it } from 'vitest';
import { inferContext } from '../../../server/pipeline/context/index.js';
import { loadRegistries } from '../../../server/pipeline/context/registry-data.js';
import { profile } from './helpers.js';

const read = (fields: Parameters<typeof profile>[0]) => inferContext(profile(fields));

describe('research organisations (ROR)', () => {
  it('reads a college the university list lacks as a named workplace with its country (p358)', () => {
    const walsall = read({ name: 'WalsallCollegeLRC', bio: 'Learning Resource Centre at Walsall College' });
    expect(walsall.sector.value).toBe('academic');
    // The display name, cut at its capitals, names it too.
    expect(walsall.region).toMatchObject({ value: 'GB', evidence: "name: 'WalsallCollege'; bio: 'Walsall College'" });
  });

  it('reads a university only ROR holds, so the doctoral student is academic (c093)', () => {
    const bio =
      "Doctoral student, Simmons University\nAlyson Gamble is a PhD student at Simmons University and a research associate at Harvard University. As a fellow through Drexel University’s IMLS-funded program LEADS-4-NDP, under the supervision of Caroline Hayden from the Historical Society of Pennsylvania (HSP), Gamble worked with the HSP's Public Schools Admission Records database to normalize and visualize historical data.";
    const gamble = read({ name: 'Alyson Gamble', bio });
    expect(gamble.sector.value).toBe('academic');
    expect(gamble.sector.evidence).toContain('Simmons University');
    expect(gamble.region).toMatchObject({ value: 'US' });
    expect(gamble.region.evidence).toContain("'Simmons University'");
  });

  it('reads a museum as special and gives no country for a name of common words alone (p467)', () => {
    const keeper = read({ name: 'Natasha McEnroe', bio: 'Keeper of Medicine at Science Museum London. Views own.' });
    expect(keeper.sector).toMatchObject({ value: 'special', evidence: "bio: 'Science Museum'" });
    expect(keeper.region).toMatchObject({ value: 'GB', evidence: "bio: 'London'" });
    // Filed with "=": read only as written; in lower case only the base lexicons' "museum" is read.
    expect(read({ bio: 'keeper of medicine at the science museum' }).sector).toMatchObject({ value: 'special', evidence: "bio: 'museum'" });
    const filed = loadRegistries().organisations.filter((o) => o.name === '=Science Museum');
    expect(filed.map((o) => [o.sector, o.country])).toEqual([['special', 'GB']]);
  });

  it('leaves out a whole government, a topic as often as an employer (p107)', () => {
    const tweets = read({
      name: 'Great Oz Gov Tweets',
      bio: 'A service from @measuredvoice showcasing great examples of Australian Government social-media messages.',
      location: 'Australia',
    });
    expect(tweets.sector.value).toBe('unknown');
  });

  it('leaves out a college of a profession, a learned body and no place of study (c036)', () => {
    const dahn = read({ name: 'Tristan Dahn', bio: 'Digital Projects Librarian, The College of Physicians of Philadelphia' });
    expect(dahn.sector.value).not.toBe('academic');
  });
});
