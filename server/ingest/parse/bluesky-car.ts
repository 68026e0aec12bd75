/**
 * Bluesky's repository export (Settings → Account → Export my data, or
 * `com.atproto.sync.getRepo`): a CAR v1 file of DAG-CBOR blocks, decoded with
 * @ipld/car and @ipld/dag-cbor. The signed commit names the account's DID and
 * the root of its Merkle search tree (MST); walking the tree gives each
 * record's key (`app.bsky.feed.post/3malwzvfmmk2t`), which the records
 * themselves do not carry, so replies can point at them. Posts and reposts
 * are handed to the Bluesky reader as records with their `at://` URIs (one
 * reader of replies, facets and mentions); likes, follows and other records
 * are counted as skipped; the profile record gives the account's name and bio.
 * A CAR is binary: read-transcript gives it its bytes, never a decoded text.
 */
import { CarBufferReader } from '@ipld/car/buffer-reader';
import * as dagCbor from '@ipld/dag-cbor';
import type { CID } from 'multiformats/cid';
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { blueskyParser } from './bluesky.js';
import type { ParseContext, Parser, ParseResult } from './types.js';

type Json = Record<string, unknown>;
const DAG_CBOR = 0x71;
const READ_AS_POSTS = new Set(['app.bsky.feed.post', 'app.bsky.feed.repost']);

/** A CAR v1 file: a small varint-prefixed DAG-CBOR header naming `roots` and `version`. */
export function isCar(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || bytes[0]! >= 0x80 || bytes[0]! < 10) return false;
  const header = Buffer.from(bytes.buffer, bytes.byteOffset + 1, Math.min(bytes[0]!, bytes.length - 1)).toString('latin1');
  return header.includes('roots') && header.includes('version');
}

const asCid = (v: unknown): CID | undefined => (v && typeof v === 'object' && 'multihash' in v && 'code' in v ? (v as CID) : undefined);

/** Record key → record CID, walking the MST from its root (each node's keys prefix-compressed against the previous one). */
function treeKeys(reader: CarBufferReader, root: CID): Map<string, string> {
  const keys = new Map<string, string>();
  const decoder = new TextDecoder();
  const seen = new Set<string>();
  const walk = (cid: CID | undefined): void => {
    if (!cid || seen.has(cid.toString())) return;
    seen.add(cid.toString());
    const block = reader.get(cid);
    if (!block) return;
    const node = dagCbor.decode(block.bytes) as Json;
    walk(asCid(node.l));
    let last = '';
    for (const e of Array.isArray(node.e) ? (node.e as Json[]) : []) {
      last = last.slice(0, Number(e.p ?? 0)) + decoder.decode(e.k as Uint8Array);
      const value = asCid(e.v);
      if (value) keys.set(value.toString(), last);
      walk(asCid(e.t));
    }
  };
  walk(root);
  return keys;
}

/** Replace CIDs and bytes by their JSON forms, so the records read as listRecords gives them. */
const plain = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? { $bytes: Buffer.from(x).toString('base64') } : x)));

export function readCar(bytes: Uint8Array, context: ParseContext): ParseResult {
  try {
    return readRepository(bytes, context);
  } catch (error) {
    if (error instanceof TranscriptError) throw error;
    throw new TranscriptError('unreadable_file', `${context.fileName}: a damaged CAR file (${(error as Error).message})`, {
      file: context.fileName,
    });
  }
}

function readRepository(bytes: Uint8Array, context: ParseContext): ParseResult {
  let reader: CarBufferReader;
  try {
    reader = CarBufferReader.fromBytes(bytes);
  } catch (error) {
    throw new TranscriptError('unreadable_file', `${context.fileName}: not a readable CAR file (${(error as Error).message})`, {
      file: context.fileName,
    });
  }
  const commitCid = reader.getRoots()[0];
  const commit = commitCid && reader.get(commitCid) ? (dagCbor.decode(reader.get(commitCid)!.bytes) as Json) : undefined;
  const did = typeof commit?.did === 'string' ? commit.did : undefined;
  if (!commit || !did) {
    throw new TranscriptError(
      'unreadable_file',
      `${context.fileName}: a CAR file, but not a Bluesky repository (its root is no signed commit with a DID)`,
      { file: context.fileName },
    );
  }
  const keys = treeKeys(reader, asCid(commit.data)!);
  const records: Json[] = [];
  const skipped: Skipped[] = [];
  let profile: Json | undefined;
  for (const block of reader.blocks()) {
    if (block.cid.code !== DAG_CBOR || block.cid.equals(commitCid)) continue;
    const value = dagCbor.decode(block.bytes) as Json;
    const type = typeof value.$type === 'string' ? value.$type : undefined;
    if (!type) continue; // an MST node
    const key = keys.get(block.cid.toString());
    if (type === 'app.bsky.actor.profile') profile = value;
    if (READ_AS_POSTS.has(type))
      records.push({ uri: `at://${did}/${key ?? `${type}/${block.cid.toString()}`}`, cid: block.cid.toString(), value: plain(value) });
    else skipped.push({ reason: `${type} record, not a post` });
  }
  const read =
    records.length > 0
      ? blueskyParser.parse(JSON.stringify({ records }), context)
      : { messages: [], people: [], skipped: [], warnings: [] };
  const key = personKey('bluesky', did);
  const name = typeof profile?.displayName === 'string' && profile.displayName.trim() ? profile.displayName.trim() : undefined;
  const bio = typeof profile?.description === 'string' && profile.description.trim() ? profile.description.trim() : undefined;
  const owner: PersonProfile = {
    key,
    platform: 'bluesky',
    handle: did,
    platformId: did,
    ...(name ? { name } : {}),
    ...(bio ? { bio } : {}),
  };
  return {
    messages: read.messages,
    people: [owner, ...read.people.filter((p) => p.key !== key)],
    skipped: [...read.skipped, ...skipped],
    warnings: read.warnings,
  };
}

export const blueskyCarParser: Parser = {
  format: 'bluesky-car',
  // Binary: read-transcript checks the bytes (isCar) before any text is decoded; a text is never a CAR.
  detect: () => 0,
  parse: (_text, context) => {
    throw new TranscriptError('unreadable_file', `${context.fileName}: a Bluesky repository export (.car) is read from its bytes`, {
      file: context.fileName,
    });
  },
};
