/**
 * The abstract chat history the generator produces and the writers render:
 * people with their true sector and region, chats with their sessions, and
 * messages. Format-free on purpose: a writer turns it into one export layout.
 */
import { personKey, type Platform } from '../../shared/index.js';

export const SECTORS = [
  'academic', 'public', 'school', 'health', 'law', 'government',
  'national', 'special', 'archives', 'education', 'vendor',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Platforms a demo chat runs on; `csv` is a chat whose only export is a generic CSV. */
export type ChatPlatform = Extract<Platform, 'twitter' | 'mastodon' | 'csv'>;

export type Attendance = 'moderator' | 'regular' | 'occasional' | 'once';

export interface GeneratedPerson {
  /** Unique across the model, case-insensitively: the Twitter/CSV handle and the Mastodon username. */
  handle: string;
  /** Mastodon instance of this person's account; its home instance for the Mastodon chat's locals. */
  instance: string;
  name: string;
  /** Profile text; may say nothing about sector or place. */
  bio: string;
  /** Profile location field: a place, something vague, or empty. */
  location: string;
  homeChat: string;
  /** Platform of the home chat. */
  platform: ChatPlatform;
  /** True sector and region (ISO 3166-1 alpha-2): the answer key for inference. */
  sector: Sector;
  region: string;
  /** Where they really are and what they really do, for intros that agree with the bio. */
  city: string;
  role: string;
  attendance: Attendance;
  twitterId: string;
  mastodonId: string;
  /** Account creation time, ISO UTC. */
  createdAt: string;
}

export type GeneratedKind = 'post' | 'reply' | 'repost';

export interface GeneratedMessage {
  /** Platform-style id: Twitter/Mastodon snowflakes grow with time. */
  id: string;
  platform: ChatPlatform;
  /** The chat's hashtag, lower-cased (`#medlibsuk`). */
  chat: string;
  /** 0-based session (month) number within the chat. */
  session: number;
  /** ISO UTC with milliseconds. */
  time: string;
  /** Author's handle (GeneratedPerson.handle). */
  author: string;
  /**
   * Plain text as typed: mentions as the platform writes them (`@Ann_Lib`,
   * `@ann@other.example` for a remote Mastodon account). For a repost, the
   * reposted text; writers add `RT @x: ` where the format does.
   */
  text: string;
  kind: GeneratedKind;
  replyTo?: { id: string; author: string };
  /** Handles named in the text, never the author's own. */
  mentions: string[];
  repostOf?: { id: string; author: string };
  question?: number;
  answer?: number;
}

export interface GeneratedSession {
  index: number;
  /** Scheduled start and end (one hour), ISO UTC. */
  start: string;
  end: string;
  /**
   * Handles attending the chat for the first time (they introduce themselves
   * as new; none in a chat's first month but visitors from other chats): the
   * planted answer for first-timer figures.
   */
  firstTimers: string[];
}

export interface GeneratedChat {
  hashtag: string;
  name: string;
  platform: ChatPlatform;
  /** Moderator account's handle. */
  moderator: string;
  timeZone: string;
  /** For people reading the README: `2nd Tuesday, 20:00 Europe/London`. */
  schedule: string;
  sessions: GeneratedSession[];
  /** Mastodon chats: the instance the export was taken from (local accounts have no domain in `acct`). */
  instance?: string;
}

export interface ChatHistory {
  seed: number;
  /** The `scale` it was made with (people per chat multiplier), to regenerate it. */
  scale: number;
  chats: GeneratedChat[];
  people: GeneratedPerson[];
  /** In time order (ties by id). */
  messages: GeneratedMessage[];
}

/** `@`-handle as written on a platform: remote Mastodon accounts carry their instance. */
export function writtenHandle(person: GeneratedPerson, platform: ChatPlatform, localInstance?: string): string {
  if (platform !== 'mastodon' || person.instance === localInstance) return person.handle;
  return `${person.handle}@${person.instance}`;
}

/** The person key Chat Atlas will give this person's messages on `platform` (see shared/platform.ts). */
export function keyOn(person: GeneratedPerson, platform: ChatPlatform): string {
  return platform === 'mastodon'
    ? personKey('mastodon', `${person.handle}@${person.instance}`)
    : personKey(platform, person.handle);
}

/** Handle → person, case-insensitively. */
export function peopleByHandle(model: Pick<ChatHistory, 'people'>): Map<string, GeneratedPerson> {
  return new Map(model.people.map((p) => [p.handle.toLowerCase(), p]));
}

/** Looks a handle up and fails loudly: a dangling handle is a generator bug. */
export function personOf(index: Map<string, GeneratedPerson>, handle: string): GeneratedPerson {
  const person = index.get(handle.toLowerCase());
  if (!person) throw new Error(`generator: unknown handle ${handle}`);
  return person;
}
