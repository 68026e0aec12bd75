/**
 * Places people say they are in, by region (ISO 3166-1 alpha-2). Each place
 * has the spellings people actually use in bios and location fields
 * ("Brisbane QLD", "Brissie", "Queensland"), so that region inference has
 * something honest to work on.
 */

export interface Place {
  city: string;
  /** State, province or nation, full and short ("Queensland", "QLD"). */
  admin: string;
  adminShort: string;
  /** How a local might write the country. */
  country: string;
  /** A nickname some locals use in bios, when there is a common one. */
  nick?: string;
}

const p = (city: string, admin: string, adminShort: string, country: string, nick?: string): Place =>
  nick ? { city, admin, adminShort, country, nick } : { city, admin, adminShort, country };

export const PLACES: Record<string, readonly Place[]> = {
  GB: [
    p('Leeds', 'West Yorkshire', 'Yorks', 'UK'), p('Manchester', 'Greater Manchester', 'GM', 'UK', 'Mcr'),
    p('Bristol', 'England', 'Eng', 'UK'), p('Newcastle', 'Tyne and Wear', 'Tyneside', 'UK', 'the Toon'),
    p('Norwich', 'Norfolk', 'Norfolk', 'England'), p('Cardiff', 'Wales', 'Cymru', 'UK'),
    p('Glasgow', 'Scotland', 'Scot', 'UK'), p('Edinburgh', 'Scotland', 'Scot', 'UK', 'Auld Reekie'),
    p('Belfast', 'Northern Ireland', 'NI', 'UK'), p('Exeter', 'Devon', 'Devon', 'England'),
    p('Oxford', 'Oxfordshire', 'Oxon', 'UK'), p('Birmingham', 'West Midlands', 'W Mids', 'UK', 'Brum'),
    p('Sheffield', 'South Yorkshire', 'S Yorks', 'UK'), p('Nottingham', 'Nottinghamshire', 'Notts', 'UK'),
    p('Aberystwyth', 'Wales', 'Cymru', 'UK'), p('London', 'England', 'Eng', 'UK', 'LDN'),
    p('Plymouth', 'Devon', 'Devon', 'England'), p('York', 'North Yorkshire', 'N Yorks', 'England'),
  ],
  IE: [
    p('Cork', 'County Cork', 'Co. Cork', 'Ireland', 'the real capital'), p('Dublin', 'Leinster', 'Co. Dublin', 'Ireland'),
    p('Galway', 'County Galway', 'Co. Galway', 'Éire'), p('Limerick', 'County Limerick', 'Co. Limerick', 'Ireland'),
    p('Maynooth', 'County Kildare', 'Co. Kildare', 'Ireland'),
  ],
  US: [
    p('Columbus', 'Ohio', 'OH', 'USA'), p('Cleveland', 'Ohio', 'OH', 'USA'), p('Austin', 'Texas', 'TX', 'USA', 'ATX'),
    p('Houston', 'Texas', 'TX', 'USA', 'H-Town'), p('Portland', 'Oregon', 'OR', 'USA', 'PDX'),
    p('Denver', 'Colorado', 'CO', 'USA'), p('Raleigh', 'North Carolina', 'NC', 'USA'),
    p('Atlanta', 'Georgia', 'GA', 'USA', 'ATL'), p('Newark', 'New Jersey', 'NJ', 'USA'),
    p('Chicago', 'Illinois', 'IL', 'USA', 'Chi-town'), p('Ann Arbor', 'Michigan', 'MI', 'USA'),
    p('Seattle', 'Washington', 'WA', 'USA', 'the PNW'), p('Boston', 'Massachusetts', 'MA', 'USA'),
    p('New York', 'New York', 'NY', 'USA', 'NYC'), p('Minneapolis', 'Minnesota', 'MN', 'USA'),
    p('Tucson', 'Arizona', 'AZ', 'USA'), p('Madison', 'Wisconsin', 'WI', 'USA'), p('Richmond', 'Virginia', 'VA', 'USA', 'RVA'),
  ],
  CA: [
    p('Toronto', 'Ontario', 'ON', 'Canada', 'T.O.'), p('Vancouver', 'British Columbia', 'BC', 'Canada', 'Van'),
    p('Montréal', 'Québec', 'QC', 'Canada', 'MTL'), p('Halifax', 'Nova Scotia', 'NS', 'Canada'),
    p('Calgary', 'Alberta', 'AB', 'Canada', 'YYC'), p('Ottawa', 'Ontario', 'ON', 'Canada'),
    p('Winnipeg', 'Manitoba', 'MB', 'Canada', 'the Peg'), p('Victoria', 'British Columbia', 'BC', 'Canada'),
  ],
  AU: [
    p('Brisbane', 'Queensland', 'QLD', 'Australia', 'Brissie'), p('Melbourne', 'Victoria', 'VIC', 'Australia', 'Naarm'),
    p('Sydney', 'New South Wales', 'NSW', 'Australia'), p('Perth', 'Western Australia', 'WA', 'Australia', 'Boorloo'),
    p('Adelaide', 'South Australia', 'SA', 'Australia'), p('Hobart', 'Tasmania', 'TAS', 'Australia', 'nipaluna'),
    p('Canberra', 'Australian Capital Territory', 'ACT', 'Australia'), p('Darwin', 'Northern Territory', 'NT', 'Australia'),
    p('Townsville', 'Queensland', 'QLD', 'Australia'), p('Geelong', 'Victoria', 'VIC', 'Aus'),
    p('Ballarat', 'Victoria', 'VIC', 'Australia'), p('Newcastle', 'New South Wales', 'NSW', 'Australia'),
  ],
};

/** Location-field values that say nothing about where someone is. */
export const VAGUE_LOCATIONS = [
  'Earth', 'the stacks', 'somewhere with wifi', '🌍', 'In the library', 'Between the shelves', 'Planet Earth',
  'Online', 'she/her', 'Behind a pile of books', 'Here and there', 'The reference desk',
] as const;

export function placesIn(region: string): readonly Place[] {
  const list = PLACES[region];
  if (!list || list.length === 0) throw new Error(`places: no places for region ${region}`);
  return list;
}
