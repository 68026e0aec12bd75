/**
 * How people in each sector describe their job in a bio: roles and
 * workplaces in the varied wording and abbreviations real profiles use.
 * A workplace may be limited to regions (NHS is British; ISD is Texan).
 */
import type { Sector } from './model.js';

export interface Workplace {
  text: string;
  regions?: readonly string[];
}

export interface SectorWords {
  roles: readonly string[];
  workplaces: readonly Workplace[];
}

const w = (text: string, ...regions: string[]): Workplace => (regions.length ? { text, regions } : { text });

export const SECTOR_WORDS: Record<Sector, SectorWords> = {
  health: {
    roles: ['Clinical librarian', 'Outreach librarian', 'Knowledge specialist', 'LKS manager', 'Health sciences librarian',
      'Evidence search specialist', 'Medical librarian', 'Knowledge & library services lead', 'Library assistant'],
    workplaces: [w('NHS Foundation Trust', 'GB'), w('NHS Trust', 'GB'), w('hospital library'), w('a mental health trust', 'GB'),
      w('Teaching Hospitals NHS FT', 'GB'), w('NHS', 'GB'), w('HSE', 'IE'), w('health sciences library'), w('a hospice')],
  },
  school: {
    roles: ['K-12 teacher librarian', 'School librarian', 'TL', 'Library media specialist', 'School library media specialist',
      'Middle school librarian', 'HS librarian', 'Elementary librarian', 'Teacher-librarian'],
    workplaces: [w('middle school'), w('high school'), w('an elementary school'), w('a K-8'), w('ISD', 'US'),
      w('a public school district', 'US'), w('a secondary school'), w('a primary school')],
  },
  public: {
    roles: ['Public librarian', 'Outreach', 'Branch manager', "Children's & youth services", 'Library officer',
      'Local studies librarian', 'Community librarian', 'Teen services librarian', 'Library technician'],
    workplaces: [w('a public library'), w('council libraries', 'GB', 'AU'), w('regional library service', 'AU'),
      w('city libraries'), w('a shire library', 'AU'), w('county library system', 'US'), w('the local library')],
  },
  academic: {
    roles: ['Academic librarian', 'Subject librarian', 'Liaison librarian', 'Instruction librarian', 'Scholarly comms',
      'Research support librarian', 'Info lit librarian', 'Teaching & learning librarian', 'Metadata librarian'],
    workplaces: [w('a university'), w('uni library'), w('a liberal arts college', 'US'), w('community college', 'US', 'CA'),
      w('an R1', 'US'), w('a Russell Group uni', 'GB'), w('a small college')],
  },
  archives: {
    roles: ['Archivist', 'Digital archivist', 'Records manager', 'Special collections', 'Archives assistant',
      'Conservator', 'Digital preservation officer', 'Archivist & cataloguer'],
    workplaces: [w('county record office', 'GB', 'IE'), w('city archives'), w('diocesan archives'), w('uni archives'),
      w('a community archive'), w('a business archive'), w('a historical society', 'US')],
  },
  law: {
    roles: ['Law librarian', 'Knowledge manager', 'Research librarian', 'Legal information specialist', 'Court librarian',
      'Professional support lawyer turned librarian', 'Legal research analyst'],
    workplaces: [w('(firm)'), w('a law firm'), w('Bar library', 'GB', 'IE'), w('a law school'), w('the courthouse'),
      w('legal KM'), w('a county law library', 'US'), w('Inns of Court', 'GB')],
  },
  government: {
    roles: ['Govt librarian', 'Research officer', 'Information officer', 'Records & information lead', 'Federal librarian',
      'Parliamentary researcher'],
    workplaces: [w('a government department'), w('local council', 'GB', 'AU'), w('the legislature library'),
      w('a federal agency', 'US', 'CA'), w('parliamentary library')],
  },
  national: {
    roles: ['Curator', 'Collections librarian', 'Digital collections', 'Reference librarian', 'Engagement officer'],
    workplaces: [w('national library'), w('state library', 'AU', 'US'), w('national archives'), w('a legal deposit library', 'GB', 'IE')],
  },
  special: {
    roles: ['Corporate librarian', 'Info pro', 'Special librarian', 'Embedded librarian', 'Knowledge manager', 'Museum librarian'],
    workplaces: [w('a pharma company'), w('a charity'), w('an engineering firm'), w('a museum library'), w('a think tank'),
      w('a news library')],
  },
  education: {
    roles: ['MLIS student', 'LIS lecturer', 'iSchool PhD candidate', 'Library school student', 'Teaching LIS',
      'MA Archives student', 'MSc Information Management student'],
    workplaces: [w('an iSchool'), w('library school'), w('a university'), w('distance learning')],
  },
  vendor: {
    roles: ['Library systems', 'Customer success', 'Ed-tech for school libraries', 'Research platform trainer',
      'Discovery product manager', 'Account manager'],
    workplaces: [w('a library vendor'), w('a publisher'), w('a legal research platform'), w('an LMS company'), w('a startup')],
  },
};

/** Bio filler that says nothing about sector or place. */
export const HOBBIES = [
  'Tea, books, cats.', 'Knitter. Runner. Reader.', 'Coffee-powered.', 'Sci-fi nerd 🚀', 'Gardener in my spare time 🌱',
  'Cyclist and crossword fan.', 'Dog person 🐕', 'Terrible at pub quizzes.', 'Probably reading.', 'Choir geek 🎶',
  'Board games & baking.', 'Plant parent.', 'Amateur historian.', 'Open access advocate.', 'Always learning.',
] as const;

export const DISCLAIMERS = ['Views my own.', 'views my own', 'Opinions mine, not my employer’s.', 'RTs ≠ endorsement.',
  'All views personal.', ''] as const;

export const EMOJI = ['📚', '📖', '✨', '🌈', '🗂️', '🔎', '💻', '🦉'] as const;
