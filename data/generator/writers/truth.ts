/**
 * truth.json: the answer key for scoring later stages. Every person key that
 * authored a message (`twitter:<handle>`, `mastodon:<user@domain>`,
 * `csv:<handle>`, lower-cased) → true sector, region, city, home chat, and the
 * chats that key posted in. One person visiting a chat on another platform
 * has two keys, both listed, both with the same `person`.
 */
import { keyOn, peopleByHandle, personOf, type ChatHistory } from '../model.js';

export interface TruthEntry {
  /** The person behind the key (their canonical handle), to join keys of one person. */
  person: string;
  sector: string;
  region: string;
  city: string;
  homeChat: string;
  role: 'moderator' | 'member';
  chats: string[];
}

export function truthTable(model: ChatHistory): Record<string, TruthEntry> {
  const index = peopleByHandle(model);
  const table = new Map<string, TruthEntry>();
  for (const m of model.messages) {
    const p = personOf(index, m.author);
    const key = keyOn(p, m.platform);
    let entry = table.get(key);
    if (!entry) {
      entry = {
        person: p.handle, sector: p.sector, region: p.region, city: p.city, homeChat: p.homeChat,
        role: p.attendance === 'moderator' ? 'moderator' : 'member', chats: [],
      };
      table.set(key, entry);
    }
    if (!entry.chats.includes(m.chat)) entry.chats.push(m.chat);
  }
  return Object.fromEntries([...table.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function writeTruth(model: ChatHistory, generator: string): string {
  const people = truthTable(model);
  return `${JSON.stringify({ generator, seed: model.seed, scale: model.scale, people }, null, 1)}\n`;
}
