/**
 * The six default chats: fictional hashtags (chosen not to be real chats'
 * exact names) in the style of #ukmedlibs, #tlchat, an Australian
 * public-libraries chat, #critlib, an archives chat on Mastodon and a
 * law-libraries chat. Each has a fixed monthly slot in its local evening,
 * a sector and region mix for its people, and a moderator account.
 */
import type { ChatPlatform, Sector } from './model.js';
import type { Weighted } from './random.js';

export type Theme = 'health' | 'school' | 'public' | 'critlib' | 'archives' | 'law';

export interface ChatSpec {
  /** Lower-cased hashtag, the chat's id. */
  hashtag: string;
  /** How the moderator and most people type it. */
  displayTag: string;
  name: string;
  platform: ChatPlatform;
  theme: Theme;
  /** Monthly slot: the nth (1–4) weekday (0 = Sunday) at hour:minute local time. */
  slot: { nth: number; weekday: number; hour: number; minute: number };
  timeZone: string;
  sectors: Weighted<Sector>;
  regions: Weighted<string>;
  moderator: { handle: string; name: string; bio: string; location: string; sector: Sector; region: string };
  /** Mastodon: the instance the export comes from, and where other participants' accounts live. */
  instance?: string;
  remoteInstances?: readonly string[];
}

export const DEFAULT_CHATS: readonly ChatSpec[] = [
  {
    hashtag: '#medlibsuk', displayTag: '#MedLibsUK', name: 'UK health libraries chat', platform: 'twitter', theme: 'health',
    slot: { nth: 2, weekday: 2, hour: 20, minute: 0 }, timeZone: 'Europe/London',
    sectors: [['health', 82], ['academic', 10], ['government', 4], ['special', 4]],
    regions: [['GB', 96], ['IE', 4]],
    moderator: { handle: 'MedLibsUK', name: '#MedLibsUK chat', sector: 'health', region: 'GB', location: 'UK',
      bio: 'Monthly chat for health & NHS library and knowledge folk. 2nd Tuesday, 8pm UK time. Questions posted here.' },
  },
  {
    hashtag: '#k12libchat', displayTag: '#k12libchat', name: 'US school libraries chat', platform: 'twitter', theme: 'school',
    slot: { nth: 1, weekday: 1, hour: 20, minute: 0 }, timeZone: 'America/New_York',
    sectors: [['school', 84], ['education', 7], ['public', 5], ['vendor', 4]],
    regions: [['US', 100]],
    moderator: { handle: 'k12libchat', name: 'K12 Lib Chat', sector: 'school', region: 'US', location: 'USA',
      bio: 'Teacher librarians talking shop. First Monday of the month, 8pm ET. #k12libchat' },
  },
  {
    hashtag: '#auspublibs', displayTag: '#auspublibs', name: 'Australian public libraries chat', platform: 'twitter', theme: 'public',
    slot: { nth: 3, weekday: 3, hour: 19, minute: 30 }, timeZone: 'Australia/Sydney',
    sectors: [['public', 84], ['national', 6], ['government', 5], ['special', 5]],
    regions: [['AU', 100]],
    moderator: { handle: 'AusPubLibs', name: 'Aus Public Libs Chat', sector: 'public', region: 'AU', location: 'Australia',
      bio: 'A monthly yarn for people who work in Australian public libraries. 3rd Wed 7:30pm AEST/AEDT.' },
  },
  {
    hashtag: '#critlibchat', displayTag: '#critlibchat', name: 'Critical librarianship chat', platform: 'twitter', theme: 'critlib',
    slot: { nth: 3, weekday: 2, hour: 18, minute: 0 }, timeZone: 'America/Los_Angeles',
    sectors: [['academic', 62], ['public', 10], ['education', 12], ['archives', 6], ['special', 5], ['school', 5]],
    regions: [['US', 55], ['CA', 25], ['GB', 20]],
    moderator: { handle: 'critlibchat', name: 'critlibchat', sector: 'academic', region: 'US', location: '',
      bio: 'Critical perspectives on library work. Monthly, 3rd Tuesday 6pm PT / 9pm ET. Moderators rotate.' },
  },
  {
    hashtag: '#archivesfedi', displayTag: '#ArchivesFedi', name: 'Archives chat on the fediverse', platform: 'mastodon', theme: 'archives',
    slot: { nth: 1, weekday: 4, hour: 19, minute: 0 }, timeZone: 'Europe/Dublin',
    sectors: [['archives', 74], ['national', 8], ['government', 6], ['academic', 8], ['special', 4]],
    regions: [['GB', 45], ['IE', 30], ['US', 25]],
    instance: 'glamhub.example', remoteInstances: ['mastodon.example', 'scholar.example', 'libraries.example', 'historians.example'],
    moderator: { handle: 'archivesfedi', name: 'Archives Fedi Chat', sector: 'archives', region: 'IE', location: 'Dublin & online',
      bio: 'Monthly #ArchivesFedi chat for archivists & records folk. 1st Thursday 7pm Irish/UK time. Q1–Q5, answer with A1 etc.' },
  },
  {
    hashtag: '#lawlibsnet', displayTag: '#LawLibsNet', name: 'Law libraries chat', platform: 'csv', theme: 'law',
    slot: { nth: 4, weekday: 3, hour: 20, minute: 0 }, timeZone: 'America/Toronto',
    sectors: [['law', 80], ['government', 10], ['vendor', 5], ['academic', 5]],
    regions: [['US', 50], ['CA', 30], ['GB', 20]],
    moderator: { handle: 'LawLibsNet', name: 'LawLibsNet', sector: 'law', region: 'CA', location: 'Toronto · online',
      bio: 'Law librarians & legal info pros. Monthly chat, 4th Wednesday 8pm ET.' },
  },
];

/**
 * `n` chat specs: the defaults, then numbered copies of them (`#medlibsuk2`)
 * for planted-partition tests that want more chats than six.
 */
export function chatSpecs(n: number): ChatSpec[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`chats: number of chats must be a positive integer, got ${n}`);
  return Array.from({ length: n }, (_, i) => {
    const base = DEFAULT_CHATS[i % DEFAULT_CHATS.length]!;
    const round = Math.floor(i / DEFAULT_CHATS.length);
    if (round === 0) return base;
    const suffix = String(round + 1);
    return {
      ...base,
      hashtag: base.hashtag + suffix,
      displayTag: base.displayTag + suffix,
      name: `${base.name} ${suffix}`,
      moderator: { ...base.moderator, handle: (base.moderator.handle + suffix).slice(0, 15) },
    };
  });
}
