/**
 * Synthetic twarc 1 JSON Lines for the largest size: a fast, streaming
 * stand-in for the demo generator, which does not reach a million messages
 * here (its whole model lives in memory, ~1 GB at 225k messages, and
 * `writeTwitterJsonl` returns one string, which V8 caps at ~512 MiB).
 *
 * Same line shape as the generator's (extended mode, `entities` with
 * indices, a user object per status, retweets as "RT @x: …" with
 * `retweeted_status`, ~1.2 KB a line) and the same chat habits: per monthly
 * session a moderator's welcome and Q1–Q5, attendees' "A3:" answers, replies
 * with `in_reply_to_*`, answers crediting someone by @-name, retweets.
 * People belong to a home chat as regulars, occasionals or one-offs, and a few
 * visit other chats. One file per chat, written chat by chat, so memory stays
 * flat. All text is ASCII, so code-point indices are string offsets.
 * Seeded with the generator's Rng: same options, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../data/generator/random.js';

export interface SyntheticOptions {
  seed: number;
  /** People in the model (each with a home chat); about this many post. */
  people: number;
  chats: number;
  /** Monthly sessions per chat. */
  months: number;
  /** Total messages to write, spread evenly over sessions. */
  messages: number;
}

export interface WrittenDataset {
  files: string[];
  messages: number;
  /** Distinct authors. */
  people: number;
  bytes: number;
}

const FIRST = [
  'Ann',
  'Bea',
  'Cal',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hal',
  'Ivy',
  'Jo',
  'Kit',
  'Lou',
  'Mo',
  'Ned',
  'Ola',
  'Pat',
  'Quin',
  'Ray',
  'Sam',
  'Tess',
];
const LAST = [
  'Adams',
  'Byrne',
  'Chen',
  'Diaz',
  'Evans',
  'Fox',
  'Gray',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lee',
  'Moss',
  'Nunez',
  'Obi',
  'Price',
];
const ROLES = [
  'Subject librarian',
  'Archivist',
  'Clinical librarian',
  'School librarian',
  'Law librarian',
  'Metadata lead',
  'Outreach officer',
  'Systems librarian',
];
const PLACES = ['Leeds', 'Dublin', 'Toronto', 'Sydney', 'Boston', 'Cardiff', 'Glasgow', 'Denver', 'Perth', 'Ottawa', ''];
const WORDS = [
  'open access',
  'outreach',
  'cataloguing',
  'induction',
  'search skills',
  'the budget',
  'digitisation',
  'our students',
  'evidence',
  'workflows',
  'metadata',
  'the reading list',
  'user research',
  'accessibility',
  'copyright',
  'the new LMS',
];
const OPENERS = [
  'We tried',
  'Honestly,',
  'For us',
  'Big yes to',
  'Still working on',
  'Our team loves',
  'Struggled with',
  'Great point about',
];
const CLOSERS = [
  'and it worked well',
  'but it took ages',
  'with mixed results',
  'on a shoestring',
  'after a lot of pilots',
  'thanks to our volunteers',
];
const CLIENT = JSON.stringify('<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TWITTER_EPOCH = 1288834974657n;

interface Person {
  handle: string;
  name: string;
  id: number;
  bio: string;
  location: string;
  created: string;
  kind: 0 | 1 | 2;
}
/** A written status: what later replies and retweets need of it. */
interface Posted {
  id: string;
  author: number;
  text: string;
  json: string;
  retweet: boolean;
}
/** `entities` as JSON text, with the hashtag and mention offsets. */
interface Tagged {
  text: string;
  entities: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function twitterDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

function makePeople(rng: Rng, n: number): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const r = rng.next();
    return {
      handle: `${first}${last[0]}_${i.toString(36)}`.slice(0, 15),
      name: `${first} ${last}`,
      id: 100_000_000 + i * 7919,
      bio: `${rng.pick(ROLES)} at a ${rng.pick(['university', 'public', 'hospital', 'school', 'law firm'])} library. Views my own.`,
      location: rng.pick(PLACES),
      created: twitterDate(Date.UTC(2010, 0, 1) + rng.int(0, 3000) * 86_400_000),
      kind: r < 0.3 ? 0 : r < 0.75 ? 1 : 2, // regular, occasional, one-off
    };
  });
}

/** Writes `chats` files of twarc 1 JSON Lines into `dir`; returns what was written. */
export function writeSyntheticChats(dir: string, options: SyntheticOptions): WrittenDataset {
  const rng = new Rng(options.seed);
  const people = makePeople(rng.fork('people'), options.people);
  const { chats, months } = options;
  const sessions = chats * months;
  const perSession = Math.floor(options.messages / sessions);
  let extra = options.messages - perSession * sessions;
  const authors = new Set<number>();
  const files: string[] = [];
  let written = 0;
  let bytes = 0;
  let seq = 0n;

  // Lines are assembled as text around JSON.stringify'd strings: stringifying
  // whole status objects made this writer slower than the parser it feeds.
  const users = people.map((p) =>
    JSON.stringify({
      id: p.id,
      id_str: String(p.id),
      name: p.name,
      screen_name: p.handle,
      location: p.location,
      description: p.bio,
      url: null,
      protected: false,
      followers_count: 40 + (p.id % 2400),
      friends_count: 60 + (p.id % 1500),
      created_at: p.created,
      verified: false,
      statuses_count: 300 + (p.id % 20000),
    }),
  );
  const mention = (p: Person, at: number) =>
    `{"screen_name":"${p.handle}","name":"${p.name}","id":${p.id},"id_str":"${p.id}","indices":[${at},${at + p.handle.length + 1}]}`;
  const entities = (hashtags: string, mentions: string) =>
    `{"hashtags":[${hashtags}],"symbols":[],"user_mentions":[${mentions}],"urls":[]}`;

  for (let c = 0; c < chats; c++) {
    const chatRng = rng.fork(`chat ${c}`);
    const tag = `#LibChat${c + 1}`;
    const moderator = c % people.length;
    const members = people.map((_, i) => i).filter((i) => i % chats === c && i !== moderator);
    const lines: string[] = [];

    const status = (ms: number, author: number, body: Tagged, links: { replyTo?: Posted; retweeted?: Posted } = {}): Posted => {
      const id = String(((BigInt(ms) - TWITTER_EPOCH) << 22n) | (seq++ & 0x3fffffn));
      const to = links.replyTo ? people[links.replyTo.author]! : undefined;
      const json =
        `{"created_at":"${twitterDate(ms)}","id":${id},"id_str":"${id}","full_text":${JSON.stringify(body.text)},"truncated":false,` +
        `"display_text_range":[${to ? to.handle.length + 2 : 0},${body.text.length}],"entities":${body.entities},"source":${CLIENT},` +
        `"in_reply_to_status_id":${links.replyTo?.id ?? null},"in_reply_to_status_id_str":${links.replyTo ? `"${links.replyTo.id}"` : null},` +
        `"in_reply_to_user_id":${to?.id ?? null},"in_reply_to_user_id_str":${to ? `"${to.id}"` : null},` +
        `"in_reply_to_screen_name":${to ? `"${to.handle}"` : null},"user":${users[author]},` +
        `"geo":null,"coordinates":null,"place":null,"contributors":null,` +
        `${links.retweeted ? `"retweeted_status":${links.retweeted.json},` : ''}` +
        `"is_quote_status":false,"retweet_count":0,"favorite_count":${ms % 7},"favorited":false,"retweeted":false,"lang":"en"}`;
      return { id, author, text: body.text, json, retweet: !!links.retweeted };
    };
    const tagged = (text: string, mentions = ''): Tagged => {
      const full = `${text} ${tag}`;
      return {
        text: full,
        entities: entities(`{"text":"${tag.slice(1)}","indices":[${full.length - tag.length},${full.length}]}`, mentions),
      };
    };

    for (let m = 0; m < months; m++) {
      const start = Date.UTC(2021, m, 1 + ((c * 7) % 27), 18 + (c % 5), (c * 13) % 60);
      const attendees = members.filter((i) => {
        const k = people[i]!.kind;
        return k === 0 ? chatRng.chance(0.8) : k === 1 ? chatRng.chance(0.25) : (i * 31) % months === m;
      });
      const visitors = Math.round(attendees.length * 0.08);
      for (let v = 0; v < visitors; v++) attendees.push(chatRng.int(0, people.length - 1));
      // Regulars speak more: they appear twice in the draw.
      const speakers = attendees.flatMap((i) => (people[i]!.kind === 0 ? [i, i] : [i]));
      let budget = perSession + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
      let ms = start;
      const session: Posted[] = [];
      const post = (p: Posted) => {
        lines.push(`${p.json}\n`);
        authors.add(p.author);
        written++;
        session.push(p);
        budget--;
      };
      const welcome = tagged(`Welcome to this month's chat! Say hello and tell us where you are joining from. Q1 in five minutes`);
      post(status(ms, moderator, welcome));
      for (let q = 1; q <= 5 && budget > 0; q++) {
        ms = Math.max(ms + 1000, start + (q - 1) * 12 * 60_000 + 60_000);
        const question = tagged(`Q${q}: How does ${chatRng.pick(WORDS)} fit with ${chatRng.pick(WORDS)} where you work?`);
        post(status(ms, moderator, question));
        const share = Math.ceil(budget / (6 - q));
        for (let e = 0; e < share && budget > 0; e++) {
          ms += 1000 + Math.floor(chatRng.exponential(600_000 / share));
          const author = speakers.length ? chatRng.pick(speakers) : moderator;
          const roll = chatRng.next();
          const sentence = `${chatRng.pick(OPENERS)} ${chatRng.pick(WORDS)} ${chatRng.pick(CLOSERS)}`;
          const other = (recent: number) => {
            for (let tries = 0; tries < 4; tries++) {
              const s = session[session.length - 1 - chatRng.int(0, Math.min(recent, session.length) - 1)]!;
              if (s.author !== author && !s.retweet) return s; // Twitter never nests retweets
            }
            return undefined;
          };
          const target = roll < 0.35 ? other(roll < 0.25 ? 30 : session.length) : undefined;
          if (target && roll < 0.25) {
            const h = people[target.author]!;
            post(status(ms, author, tagged(`@${h.handle} ${sentence}, same here`, mention(h, 0)), { replyTo: target }));
          } else if (target) {
            const h = people[target.author]!;
            let text = `RT @${h.handle}: ${target.text}`;
            if (text.length > 140) text = `${text.slice(0, 139)}…`;
            post(status(ms, author, { text, entities: entities('', mention(h, 3)) }, { retweeted: target }));
          } else {
            const credit = roll < 0.45 ? chatRng.pick(attendees) : undefined;
            const body = `A${q}: ${sentence}`;
            const credited = credit !== undefined && credit !== author ? people[credit]! : undefined;
            post(
              status(ms, author, credited ? tagged(`${body}, cc @${credited.handle}`, mention(credited, body.length + 5)) : tagged(body)),
            );
          }
        }
      }
    }
    const file = path.join(dir, `libchat${c + 1}.jsonl`);
    const text = lines.join('');
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return { files, messages: written, people: authors.size, bytes };
}
