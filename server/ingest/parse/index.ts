/** Every format parser, in the order detection breaks ties. */
import type { FormatId } from '../../../shared/index.js';
import type { Parser } from './types.js';
import { twitterV1Parser } from './twitter-v1.js';
import { twitterV2Parser } from './twitter-v2.js';
import { storifyParser } from './storify.js';
import { tagsCsvParser } from './tags-csv.js';
import { mastodonParser } from './mastodon.js';
import { csvParser } from './csv.js';
import { discordParser } from './discord.js';
import { teamsParser } from './teams.js';
import { blueskyParser } from './bluesky.js';
import { slackParser } from './slack.js';
import { zoomParser } from './zoom.js';
import { whatsappParser } from './whatsapp.js';
import { ircParser } from './irc.js';
import { mastodonArchiveParser } from './mastodon-archive.js';
import { blueskyCarParser } from './bluesky-car.js';

export const PARSERS: readonly Parser[] = [
  twitterV1Parser,
  twitterV2Parser,
  storifyParser,
  tagsCsvParser,
  mastodonParser,
  mastodonArchiveParser,
  blueskyParser,
  blueskyCarParser,
  slackParser,
  discordParser,
  teamsParser,
  zoomParser,
  whatsappParser,
  ircParser,
  csvParser,
];

export function parserFor(format: FormatId): Parser {
  const parser = PARSERS.find((p) => p.format === format);
  if (!parser) throw new Error(`parse: no parser for format ${format}`);
  return parser;
}
