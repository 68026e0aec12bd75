/**
 * A planted partition for community-detection tests: k chats whose members
 * mostly stay home, with a controllable share of visitors blurring the
 * boundaries. Same model as the demo, every chat on Twitter so each person has
 * one key; the answer is each key's home chat, for an NMI check.
 */
import { chatSpecs } from './chats.js';
import { generateChatHistory } from './history.js';
import { keyOn, type ChatHistory } from './model.js';

export interface PlantedOptions {
  seed: number;
  /** Number of chats (communities to recover). */
  chats: number;
  /** Home members per chat: a fixed number or a range. */
  peoplePerChat: number | { min: number; max: number };
  /** Monthly sessions per chat. */
  sessions: number;
  /** Share of each chat's participants who are visitors from another chat, in [0, 1). */
  visitorRate: number;
}

export interface PlantedChats {
  model: ChatHistory;
  /** Person key (`twitter:<handle>`) → the chat that person belongs to. */
  trueChat: Record<string, string>;
}

export function plantedChats(options: PlantedOptions): PlantedChats {
  const specs = chatSpecs(options.chats).map(({ instance: _i, remoteInstances: _r, ...spec }) => ({ ...spec, platform: 'twitter' as const }));
  const range = typeof options.peoplePerChat === 'number'
    ? { min: options.peoplePerChat, max: options.peoplePerChat }
    : options.peoplePerChat;
  const model = generateChatHistory({
    seed: options.seed, chats: specs, peoplePerChat: range, months: options.sessions, visitorRate: options.visitorRate,
  });
  const trueChat: Record<string, string> = {};
  for (const p of model.people) trueChat[keyOn(p, 'twitter')] = p.homeChat;
  return { model, trueChat };
}
