/**
 * The demo dataset as files: each Twitter chat as twarc 1 JSON Lines, each
 * Mastodon chat as an API JSON array, each CSV chat as the generic CSV, plus
 * truth.json and README.md. Name → content, so the CLI writes them and the
 * test compares them with what is committed.
 */
import type { ChatHistory, GeneratedChat } from '../model.js';
import { writeCsv } from './csv.js';
import { writeMastodonJson } from './mastodon.js';
import { writeReadme } from './readme.js';
import { writeTruth } from './truth.js';
import { writeTwitterJsonl } from './twitter-v1.js';

/** Bump when the generator's output changes on purpose (and regenerate data/demo). */
export const GENERATOR_VERSION = 'chat-atlas-demo/1';

export interface DemoFile {
  name: string;
  format: 'twitter-v1' | 'mastodon' | 'csv';
  chat: GeneratedChat;
}

export function demoFileFor(chat: GeneratedChat): DemoFile {
  const slug = chat.hashtag.replace(/^#/, '');
  if (chat.platform === 'twitter') return { name: `${slug}.jsonl`, format: 'twitter-v1', chat };
  if (chat.platform === 'mastodon') return { name: `${slug}.mastodon.json`, format: 'mastodon', chat };
  return { name: `${slug}.csv`, format: 'csv', chat };
}

function render(model: ChatHistory, file: DemoFile): string {
  if (file.format === 'twitter-v1') return writeTwitterJsonl(model, [file.chat.hashtag]);
  if (file.format === 'mastodon') return writeMastodonJson(model, file.chat);
  return writeCsv(model, file.chat.hashtag);
}

/** Every demo file, by name, in a stable order. */
export function demoFiles(model: ChatHistory): Map<string, string> {
  const files = new Map<string, string>();
  const transcripts = model.chats.map(demoFileFor);
  for (const f of transcripts) files.set(f.name, render(model, f));
  files.set('truth.json', writeTruth(model, GENERATOR_VERSION));
  files.set('README.md', writeReadme(model, transcripts, GENERATOR_VERSION));
  return files;
}
