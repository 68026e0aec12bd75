/**
 * The people of each chat: a moderator account and 35–70 home members with
 * a true sector and region drawn from the chat's mix, a fictional name, a
 * unique handle, a bio and location in varied wording, and platform ids.
 */
import { makeProfile } from './bio.js';
import type { ChatSpec } from './chats.js';
import type { Attendance, GeneratedPerson } from './model.js';
import { displayName, handleFor, HANDLE_HINTS, pickName } from './names.js';
import type { ResolvedOptions } from './options.js';
import type { Rng } from './random.js';

/** Instances for Mastodon accounts of people whose home chat is elsewhere. */
export const OTHER_INSTANCES = ['mastodon.example', 'scholar.example', 'libraries.example', 'historians.example'] as const;

const ACCOUNTS_FROM = Date.UTC(2009, 0, 1);
const ACCOUNTS_TO = Date.UTC(2022, 11, 1);

/** Keeps handles unique case-insensitively across the whole model (they double as person ids). */
class HandleBook {
  private readonly used = new Set<string>();

  claim(rng: Rng, propose: () => string): string {
    for (let i = 0; i < 20; i++) {
      const h = propose();
      if (this.take(h)) return h;
    }
    for (;;) {
      const h = `${propose().slice(0, 11)}${rng.int(1000, 9999)}`;
      if (this.take(h)) return h;
    }
  }

  take(handle: string): boolean {
    const key = handle.toLowerCase();
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}

const TWITTER_EPOCH = 1288834974657n;

/**
 * Platform user ids that look their age: Twitter counted users up to late
 * 2013 and used snowflakes after; Mastodon accounts got snowflake ids from
 * 2018. `taken` keeps them unique.
 */
function platformIds(rng: Rng, taken: Set<string>): Pick<GeneratedPerson, 'twitterId' | 'mastodonId' | 'createdAt'> {
  const created = ACCOUNTS_FROM + Math.floor(rng.next() * (ACCOUNTS_TO - ACCOUNTS_FROM));
  const unique = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!taken.has(id)) return taken.add(id), id;
    }
  };
  const twitterId = unique(() => created < Date.UTC(2013, 10, 1)
    ? String(rng.int(10_000_000, 2_000_000_000))
    : String(((BigInt(created) - TWITTER_EPOCH) << 22n) | BigInt(rng.int(0, 4_194_303))));
  const mastodonId = unique(() => created < Date.UTC(2018, 0, 1)
    ? String(rng.int(1, 999_999))
    : String((BigInt(created) << 16n) | BigInt(rng.int(0, 65_535))));
  return { twitterId, mastodonId, createdAt: new Date(created).toISOString() };
}

function moderatorOf(rng: Rng, spec: ChatSpec, book: HandleBook, ids: Set<string>): GeneratedPerson {
  const m = spec.moderator;
  if (!book.take(m.handle)) throw new Error(`generator: moderator handle ${m.handle} is taken`);
  return {
    handle: m.handle, instance: spec.instance ?? rng.pick(OTHER_INSTANCES), name: m.name, bio: m.bio, location: m.location,
    homeChat: spec.hashtag, platform: spec.platform, sector: m.sector, region: m.region, city: '', role: 'chat account',
    attendance: 'moderator', ...platformIds(rng, ids),
  };
}

function memberOf(rng: Rng, spec: ChatSpec, options: ResolvedOptions, book: HandleBook, ids: Set<string>): GeneratedPerson {
  const sector = rng.weighted(spec.sectors);
  const region = rng.weighted(spec.regions);
  const name = pickName(rng);
  const hints = HANDLE_HINTS[sector] ?? ['Lib'];
  const handle = book.claim(rng, () => handleFor(rng, name, rng.pick(hints)));
  const profile = makeProfile(rng, sector, region);
  const mix = options.attendanceMix;
  const attendance = rng.weighted<Attendance>([['regular', mix.regular], ['occasional', mix.occasional], ['once', mix.once]]);
  // Most of a Mastodon chat's people live on the instance the export came from; the rest federate in.
  const instance = spec.instance && rng.chance(0.7) ? spec.instance : rng.pick(spec.remoteInstances ?? OTHER_INSTANCES);
  return {
    handle, instance, name: displayName(rng, name), bio: profile.bio, location: profile.location,
    homeChat: spec.hashtag, platform: spec.platform, sector, region, city: profile.city, role: profile.role,
    attendance, ...platformIds(rng, ids),
  };
}

/** Everyone, chat by chat: the moderator first, then the home members. */
export function makePeople(rng: Rng, options: ResolvedOptions): GeneratedPerson[] {
  const book = new HandleBook();
  const ids = new Set<string>();
  const people: GeneratedPerson[] = [];
  for (const spec of options.chats) people.push(moderatorOf(rng, spec, book, ids));
  for (const spec of options.chats) {
    const chatRng = rng.fork(spec.hashtag);
    const n = chatRng.int(options.peoplePerChat.min, options.peoplePerChat.max);
    for (let i = 0; i < n; i++) people.push(memberOf(chatRng, spec, options, book, ids));
  }
  return people;
}
