/** Transcript formats Chat Atlas reads, by id, with a line for people. */
import { z } from 'zod';

export const FORMATS = {
  'twitter-v1': 'Twitter API v1.1 statuses: JSON array, JSONL (twarc 1) or the personal archive tweets.js',
  'twitter-v2': 'Twitter API v2: twarc2 response pages (data + includes) or twarc2 flatten lines',
  'tags-csv': 'TAGS (Twitter Archiving Google Sheet) export, CSV or .xlsx, older and newer column sets',
  storify: 'Storify story export (JSON or XML): the tweets the story quotes, with their authors’ names, bios and locations',
  mastodon: 'Mastodon statuses: JSON array from the API (timelines, tag timelines, context)',
  'mastodon-archive': "Mastodon account archive: outbox.json (the account's posts, replies and boosts), alone or in the archive's zip",
  csv: 'Tables (CSV, TSV, JSON array, .xlsx): twarc 1 json2csv, twarc2 csv, Hydrator, rtweet and NodeXL exports; author, text, time/date and optional to/reply_to, chat, id (Netlytic works as is); any other columns by mapping',
  bluesky: 'Bluesky: app.bsky.feed searchPosts, getPostThread, getAuthorFeed responses or app.bsky.feed.post records',
  'bluesky-car': "Bluesky repository export (.car): the account's posts, replies and reposts",
  slack: 'Slack workspace export: the .zip or its folder (users.json, channels.json, <channel>/<date>.json)',
  discord: 'Discord: DiscordChatExporter JSON',
  zoom: 'Zoom chat .txt: saved meeting chat or cloud-recording chat (direct messages are never imported)',
  teams: 'Microsoft Teams: Graph API chatMessage JSON',
  whatsapp: 'WhatsApp chat export .txt (Android or iOS, any locale)',
  irc: 'IRC logs of any common client or logging bot (irssi, WeeChat, ZNC, HexChat/XChat, Textual, mIRC, Quassel, Konversation, LimeChat, EnergyMech/eggdrop, Limnoria, dircproxy, HTML logs)',
} as const;

export type FormatId = keyof typeof FORMATS;
export const FORMAT_IDS = Object.keys(FORMATS) as [FormatId, ...FormatId[]];
export const FormatIdSchema = z.enum(FORMAT_IDS);
