/**
 * A NodeXL workbook (what the NodeXL Graph Gallery hands out) as a table of
 * tweets. Its Edges sheet has one row per tie: `Vertex 1` (the author),
 * `Vertex 2`, `Relationship` ("Tweet" a self-loop, "Replies to",
 * "Mentions", "Retweet", "Mentions in Retweet"), with the tweet's text,
 * date and URL repeated on each; a tweet that replies to one person and
 * mentions two is three rows, made one message here. The Vertices sheet
 * gives names, descriptions (bios) and locations. Both sheets may open with
 * a row of column groups above the column names.
 */
import { TranscriptError } from '../errors.js';

type Rows = readonly (readonly string[])[];

/** The column names' row (the first of the first three with `first` in it) and a name → index lookup. */
function header(rows: Rows, first: string): { at: number; col: (name: string) => number } | undefined {
  const at = rows.slice(0, 3).findIndex((r) => r.some((c) => c.trim().toLowerCase() === first));
  if (at < 0) return undefined;
  const names = rows[at]!.map((c) => c.trim().toLowerCase());
  return { at, col: (name) => names.indexOf(name.toLowerCase()) };
}

export const isNodeXlEdges = (rows: Rows): boolean => header(rows, 'vertex 1') !== undefined && header(rows, 'vertex 2') !== undefined;

const STATUS_ID = /\/status(?:es)?\/(\d+)/;
export const NODEXL_COLUMNS = [
  'author',
  'text',
  'time',
  'to',
  'mentions',
  'repost_of',
  'id',
  'reply_to_id',
  'platform',
  'name',
  'bio',
  'location',
];

/** Edges (and Vertices, when there) → rows under NODEXL_COLUMNS; throws when the Edges carry no tweets. */
export function nodeXlTweets(fileName: string, edges: Rows, vertices: Rows | undefined): string[][] {
  const h = header(edges, 'vertex 1')!;
  const at = (name: string) => h.col(name);
  const [v1, v2, rel, tweet] = [at('Vertex 1'), at('Vertex 2'), at('Relationship'), at('Tweet')];
  const date = [at('Tweet Date (UTC)'), at('Relationship Date (UTC)')].find((i) => i >= 0) ?? -1;
  if (rel < 0 || tweet < 0 || date < 0) {
    throw new TranscriptError(
      'no_messages',
      `${fileName}: a NodeXL workbook whose Edges sheet has no Relationship, Tweet and Tweet Date (UTC) columns: a graph without its tweets (NodeXL's Twitter importers write them)`,
      { file: fileName, sheet: 'Edges', line: h.at + 1, found: edges[h.at]!.filter((c) => c.trim() !== '') },
    );
  }
  const [page, inReplyTo, imported] = [at('Twitter Page for Tweet'), at('In-Reply-To Tweet ID'), at('Imported ID')];
  const profiles = new Map<string, { name: string; bio: string; location: string }>();
  const vh = vertices && header(vertices, 'vertex');
  if (vertices && vh) {
    const [vx, name, bio, location] = [vh.col('Vertex'), vh.col('Name'), vh.col('Description'), vh.col('Location')];
    for (const r of vertices.slice(vh.at + 1)) {
      const handle = r[vx]?.trim().toLowerCase();
      if (handle) profiles.set(handle, { name: r[name] ?? '', bio: r[bio] ?? '', location: r[location] ?? '' });
    }
  }
  // One tweet, many tie rows: grouped by its id, else by author, time and text.
  const tweets = new Map<string, { row: string[]; mentions: Set<string> }>();
  for (const r of edges.slice(h.at + 1)) {
    const author = r[v1]?.trim();
    if (!author) continue;
    const target = r[v2]?.trim() ?? '';
    const id = STATUS_ID.exec(r[page] ?? '')?.[1] ?? (/^\d+$/.test(r[imported] ?? '') ? r[imported]! : '');
    const key = id || `${author}\u0000${r[date]}\u0000${r[tweet]}`;
    let t = tweets.get(key);
    if (!t) {
      const p = profiles.get(author.toLowerCase());
      const replyTo = /^\d+$/.test(r[inReplyTo] ?? '') ? r[inReplyTo]! : '';
      t = {
        row: [author, r[tweet] ?? '', r[date] ?? '', '', '', '', id, replyTo, 'twitter', p?.name ?? '', p?.bio ?? '', p?.location ?? ''],
        mentions: new Set(),
      };
      tweets.set(key, t);
    }
    const kind = (r[rel] ?? '').trim().toLowerCase();
    if (kind === 'replies to' && !t.row[3]) t.row[3] = target;
    else if (kind === 'retweet' && !t.row[5]) t.row[5] = target;
    else if (kind === 'mentions') t.mentions.add(target);
  }
  return [...tweets.values()].map(({ row, mentions }) => {
    row[4] = [...mentions].filter((m) => m && m !== row[3]).join(' ');
    // NodeXL's dates are UTC: said so, so a time zone given for other tables leaves them be.
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(row[2]!)) row[2] = `${row[2]}Z`;
    return row;
  });
}
