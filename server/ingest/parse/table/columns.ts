/**
 * Which column plays which role in a table. Known column sets are tried by
 * the columns only they have: twarc2's `twarc2 csv` (twarc-csv), twarc 1's
 * `json2csv.py` and DocNow's Hydrator (the same older json2csv columns),
 * rtweet's `write_as_csv`; anything else is read by the generic aliases
 * (`author`, `text`, `time`…, Netlytic's export among them). A mapping the
 * user gives (`{"author": "user_screen_name", …}`) wins over all of them.
 */
import { TABLE_ROLES, type Platform, type TableMapping, type TableRole } from '../../../../shared/index.js';

export const ROLES = TABLE_ROLES;
export type Role = TableRole;
export const REQUIRED: readonly Role[] = ['author', 'text', 'time'];

export interface ColumnSet {
  /** Named in reports: "read as twarc 1 json2csv columns". */
  label: string;
  /** Columns only this set has: all must be there. */
  requires: readonly string[];
  /** Aliases per role, best first (names as `columnName` writes them). */
  columns: Partial<Record<Role, readonly string[]>>;
  platform?: Platform;
  /** `NA` is an empty cell (R's writers, tidytags). */
  na?: boolean;
  /** Early twarc-csv wrote text cells JSON-encoded (`"…\n…"` with its quotes). */
  jsonCells?: boolean;
  /** rtweet prefixes ids with `x` so spreadsheets keep them whole. */
  xIds?: boolean;
  /**
   * The tweet's hashtag list, read beside the text's own: a text cut at 140
   * characters (rtweet 0.6, twarc 1) can lose the very hashtag it was found
   * by. Not a mappable role (the mapping form lists roles): known by name.
   */
  hashtags?: readonly string[];
}

/** Generic aliases: what a hand-made table or Netlytic calls things. */
export const GENERIC: ColumnSet = {
  label: 'generic',
  requires: [],
  columns: {
    author: ['author', 'from', 'from_user', 'user', 'username', 'screen_name', 'name', 'sender'],
    text: ['text', 'description', 'message', 'content', 'body', 'title'],
    time: ['time', 'date', 'pubdate', 'timestamp', 'created_at', 'datetime'],
    to: ['to', 'reply_to', 'in_reply_to', 'to_user'],
    replyToId: ['reply_to_id'],
    chat: ['chat', 'channel', 'hashtag', 'room'],
    // guid first: Netlytic's `id` is a row counter; `guid` is the post's own id.
    id: ['guid', 'message_id', 'id'],
    platform: ['platform'],
    name: ['name', 'display_name'],
    location: ['location', 'user_location'],
    bio: ['bio', 'user_bio'],
    userId: ['user_id', 'from_user_id', 'author_id'],
    mentions: ['mentions'],
    repostOf: ['repost_of'],
  },
  hashtags: ['hashtags'],
};

export const KNOWN_SETS: readonly ColumnSet[] = [
  {
    label: 'twarc2 csv (twarc-csv)',
    requires: ['author.username', 'created_at', 'text'],
    platform: 'twitter',
    jsonCells: true,
    columns: {
      author: ['author.username'],
      text: ['text'],
      time: ['created_at'],
      to: ['in_reply_to_username', 'in_reply_to_user.username'],
      replyToId: ['referenced_tweets.replied_to.id'],
      replyToUserId: ['in_reply_to_user_id'],
      id: ['id'],
      name: ['author.name'],
      location: ['author.location'],
      bio: ['author.description'],
      userId: ['author.id', 'author_id'],
      mentions: ['entities.mentions'],
      // twarc-csv writes a retweet's whole text, without `RT @…:`: the referenced user says it is one.
      repostOfUserId: ['retweeted_user_id'],
      quoteOfUserId: ['quoted_user_id'],
      // Early twarc-csv: one JSON column, `[{"type": "quoted", "id": "…"}]`.
      kind: ['referenced_tweets'],
    },
    hashtags: ['entities.hashtags'],
  },
  {
    label: 'twarc 1 json2csv / Hydrator',
    requires: ['user_screen_name', 'created_at', 'text'],
    platform: 'twitter',
    columns: {
      author: ['user_screen_name'],
      text: ['text'],
      time: ['created_at', 'parsed_created_at'],
      to: ['in_reply_to_screen_name'],
      replyToId: ['in_reply_to_status_id'],
      replyToUserId: ['in_reply_to_user_id'],
      id: ['id'],
      name: ['user_name'],
      location: ['user_location'],
      bio: ['user_description'],
      userId: ['user_id'],
      // json2csv: `retweet_or_quote_screen_name` (and `tweet_type` says which); Hydrator: `retweet_screen_name`.
      repostOf: ['retweet_or_quote_screen_name', 'retweet_screen_name'],
      kind: ['tweet_type'],
    },
    hashtags: ['hashtags'],
  },
  {
    label: 'rtweet write_as_csv',
    requires: ['status_id', 'screen_name', 'created_at', 'text'],
    platform: 'twitter',
    na: true,
    xIds: true,
    columns: {
      author: ['screen_name'],
      text: ['text'],
      time: ['created_at'],
      // rtweet ≤ 0.6.6 (the 2017–early-2018 archives) named these `in_reply_to_status_*`; 0.6.7 renamed them `reply_to_*`.
      to: ['reply_to_screen_name', 'in_reply_to_status_screen_name'],
      replyToId: ['reply_to_status_id', 'in_reply_to_status_status_id'],
      replyToUserId: ['reply_to_user_id', 'in_reply_to_status_user_id'],
      id: ['status_id'],
      name: ['name'],
      location: ['location'],
      bio: ['description'],
      userId: ['user_id'],
      mentions: ['mentions_screen_name'],
      repostOf: ['retweet_screen_name'],
    },
    hashtags: ['hashtags'],
  },
];

/** `Reply To`, `reply-to` and `REPLY_TO` all name `reply_to`. */
export const columnName = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export interface FoundColumns {
  set: ColumnSet;
  cols: Partial<Record<Role, number>>;
  /** Mapped columns not in the header. */
  unknown: string[];
  /** The hashtag list column, when the table has one no role took. */
  hashtags?: number;
}

/** The column set that fits `names` (columnName'd), else the generic one. */
export function columnSetFor(names: readonly string[]): ColumnSet {
  return KNOWN_SETS.find((s) => s.requires.every((c) => names.includes(c))) ?? GENERIC;
}

/** Each role's column in `header`, by the fitting column set and then by `mapping`. */
export function findColumns(header: readonly string[], mapping?: TableMapping): FoundColumns {
  const names = header.map(columnName);
  const set = columnSetFor(names);
  const cols: Partial<Record<Role, number>> = {};
  for (const role of ROLES) {
    for (const alias of set.columns[role] ?? []) {
      const i = names.indexOf(alias);
      if (i >= 0 && !Object.values(cols).includes(i)) {
        cols[role] = i;
        break;
      }
    }
  }
  const unknown: string[] = [];
  for (const [role, column] of Object.entries(mapping ?? {}) as [Role, string | undefined][]) {
    if (!column || !(ROLES as readonly string[]).includes(role)) continue;
    const i = names.indexOf(columnName(column));
    if (i < 0) unknown.push(column);
    else {
      // A column mapped to a role is that role's only: another role found by alias lets go of it.
      for (const r of ROLES) if (cols[r] === i) delete cols[r];
      cols[role] = i;
    }
  }
  const taken = new Set(Object.values(cols));
  const hashtags = (set.hashtags ?? []).map((name) => names.indexOf(name)).find((i) => i >= 0 && !taken.has(i));
  return { set, cols, unknown, ...(hashtags === undefined ? {} : { hashtags }) };
}
