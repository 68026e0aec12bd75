/**
 * data/demo/README.md, written from the model so its counts can't drift
 * from the files beside it.
 */
import { keyOn, peopleByHandle, personOf, type ChatHistory } from '../model.js';
import type { DemoFile } from './demo-files.js';

const FORMAT_NAMES: Record<DemoFile['format'], string> = {
  'twitter-v1': 'Twitter API v1.1 statuses, JSON Lines (twarc 1, extended mode)',
  mastodon: 'Mastodon REST API statuses, JSON array (newest first)',
  csv: 'generic CSV `id,author,to,text,time,chat` (RFC 4180)',
};

export function regenerateCommand(model: ChatHistory): string {
  return `npx tsx data/generator/cli.ts --seed ${model.seed} --out data/demo${model.scale === 1 ? '' : ` --scale ${model.scale}`}`;
}

export function writeReadme(model: ChatHistory, files: readonly DemoFile[], generator: string): string {
  const index = peopleByHandle(model);
  const keys = new Set(model.messages.map((m) => keyOn(personOf(index, m.author), m.platform)));
  const rows = files.map((f) => {
    const mine = model.messages.filter((m) => m.chat === f.chat.hashtag);
    const authors = new Set(mine.map((m) => m.author));
    const visitors = [...authors].filter((h) => personOf(index, h).homeChat !== f.chat.hashtag).length;
    return `| \`${f.name}\` | ${f.chat.hashtag} | ${f.chat.name} | ${FORMAT_NAMES[f.format]} | ${f.chat.schedule} | ${f.chat.sessions.length} | ${authors.size} (${visitors} visitors) | ${mine.length} |`;
  });
  const first = model.chats.flatMap((c) => c.sessions.map((s) => s.start)).sort()[0] ?? '';
  const last = model.chats.flatMap((c) => c.sessions.map((s) => s.end)).sort().at(-1) ?? '';
  return `# Demo dataset (fictional)

Six monthly library-and-information chats, one year of sessions, made up from start to finish by the seeded
generator in \`data/generator/\`. **Every person, handle, bio, message and id here is fictional**; the hashtags were
chosen not to be real chats' names, and the Mastodon instances use the reserved \`.example\` domain. Any
resemblance to a real account is chance.

It is what \`npm start\` loads into an empty database, so a newcomer sees a graph at once, and what tests use
as a realistic, known-answer input.

## Files

| file | chat | what | format | slot (local time) | sessions | participants | messages |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Totals: ${model.messages.length} messages, ${keys.size} person keys (${model.people.length} people), ${model.chats.length} chats,
${model.chats.reduce((n, c) => n + c.sessions.length, 0)} sessions, ${first.slice(0, 10)} to ${last.slice(0, 10)} (UTC).

- \`truth.json\`: the answer key. \`people\` maps every person key (\`twitter:<handle>\`, \`mastodon:<user@domain>\`,
  \`csv:<handle>\`, lower-cased) to the true \`sector\` (academic, public, school, health, law, government,
  national, special, archives, education, vendor), \`region\` (ISO 3166-1 alpha-2), \`city\`, \`homeChat\`, \`role\`
  and the \`chats\` that key posted in. Someone visiting a chat on another platform has two keys with the same
  \`person\`. Profiles do not always say their sector or place (about 15% of bios say neither): score inference
  against this file, never feed it in.

## What is in it

- Each session is one hour on a fixed weekday in the chat's local evening, converted to UTC with daylight
  saving (so some UTC dates fall on the next day). The moderator account welcomes people, asks Q1–Q5 with the
  hashtag and wraps up; people introduce themselves, answer in mixed styles (\`A1:\`, \`A1)\`, \`a1 -\`, \`A1.\`,
  some as replies to the question), reply to and @-mention each other, and retweet or boost.
- Attendance varies: regulars, occasional attenders, one-offs; about 8% of each chat's participants are
  visitors whose home chat is another one.
- Format details kept on purpose: Twitter ids beyond 2^53 as bare numbers beside \`id_str\`, HTML-escaped
  \`full_text\`, retweet text cut at 140 characters with the whole text in \`retweeted_status\`; Mastodon
  \`acct\` without a domain for accounts local to the instance the export came from; CSV fields with commas,
  quotes and line breaks quoted.

## Regenerate

\`\`\`
${regenerateCommand(model)}
\`\`\`

Same seed, same bytes (generator \`${generator}\`); \`tests/data/generator.test.ts\` fails if these files drift
from a fresh generation.
`;
}
