/**
 * Bluesky's repository export (Settings → Account → Export my data, or
 * `com.atproto.sync.getRepo`): a CAR v1 file of DAG-CBOR blocks, decoded with
 * @ipld/car and @ipld/dag-cbor. The signed commit (the CAR's root) names the
 * account's DID; the Merkle search tree (MST) nodes give each record's key
 * (`app.bsky.feed.post/3malwzvfmmk2t`), which the records themselves do not
 * carry, so replies can point at them. Posts and reposts are handed to the
 * Bluesky reader as records with their `at://` URIs (one reader of replies,
 * facets and mentions); likes, follows and other records are counted as
 * skipped; the profile record gives the account's name and bio.
 *
 * Blocks are taken one at a time, in file order (RepoBlocks): each MST node's
 * keys are spelled out on its own (prefix-compressed against the entry before
 * it in that node), so no block is looked up later and only posts, reposts
 * and the profile are kept. A file read whole (readCar) and a file streamed
 * from disk however big it is (readCarStream: a repository of hundreds of MiB
 * is mostly likes and follows) give the same result.
 * A CAR is binary: read-transcript gives it its bytes, never a decoded text.
 */
import { CarBufferReader } from '@ipld/car/buffer-reader';
import { CarBlockIterator } from '@ipld/car/iterator';
import * as dagCbor from '@ipld/dag-cbor';
import type { CID } from 'multiformats/cid';
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { blueskyParser } from './bluesky.js';
import type { ParseContext, Parser, ParseResult } from './types.js';

type Json = Record<string, unknown>;
interface Block {
  cid: CID;
  bytes: Uint8Array;
}
const DAG_CBOR = 0x71;
const READ_AS_POSTS = new Set(['app.bsky.feed.post', 'app.bsky.feed.repost']);

/** A CAR v1 file: a small varint-prefixed DAG-CBOR header naming `roots` and `version`. */
export function isCar(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || bytes[0]! >= 0x80 || bytes[0]! < 10) return false;
  const header = Buffer.from(bytes.buffer, bytes.byteOffset + 1, Math.min(bytes[0]!, bytes.length - 1)).toString('latin1');
  return header.includes('roots') && header.includes('version');
}

/** A CID as a map key: its bytes, not its base32 text (CID.toString costs tens of µs; a big repository has a million blocks). */
const cidKey = (cid: CID) => Buffer.from(cid.bytes.buffer, cid.bytes.byteOffset, cid.bytes.byteLength).toString('latin1');

const asCid = (v: unknown): CID | undefined => (v && typeof v === 'object' && 'multihash' in v && 'code' in v ? (v as CID) : undefined);

/** Replace CIDs and bytes by their JSON forms, so the records read as listRecords gives them. */
const plain = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? { $bytes: Buffer.from(x).toString('base64') } : x)));

/** What a repository's blocks hold, gathered block by block in any order. */
class RepoBlocks {
  private commit: Json | undefined;
  /** Record CID → record key, from the MST nodes. */
  private readonly keys = new Map<string, string>();
  private readonly kept: { cid: CID; type: string; value: unknown }[] = [];
  private profile: Json | undefined;
  private readonly skipped: Skipped[] = [];
  /** One Skipped per record type, shared by all its records (a big repository has millions of likes). */
  private readonly skipOf = new Map<string, Skipped>();
  private readonly decoder = new TextDecoder();

  constructor(private readonly root: CID | undefined) {}

  add(block: Block): void {
    if (block.cid.code !== DAG_CBOR) return;
    const value = dagCbor.decode(block.bytes) as Json;
    if (this.root && block.cid.equals(this.root)) {
      this.commit = value;
      return;
    }
    const type = typeof value.$type === 'string' ? value.$type : undefined;
    if (!type) return this.addTreeNode(value);
    if (type === 'app.bsky.actor.profile') this.profile = value;
    if (READ_AS_POSTS.has(type)) this.kept.push({ cid: block.cid, type, value: plain(value) });
    else {
      let skip = this.skipOf.get(type);
      if (!skip) this.skipOf.set(type, (skip = { reason: `${type} record, not a post` }));
      this.skipped.push(skip);
    }
  }

  /** An MST node: entries `{p, k, v, t}`, each key its first `p` bytes shared with the entry before. */
  private addTreeNode(node: Json): void {
    if (!Array.isArray(node.e)) return;
    let last = '';
    for (const e of node.e as Json[]) {
      last = last.slice(0, Number(e.p ?? 0)) + this.decoder.decode(e.k as Uint8Array);
      const value = asCid(e.v);
      if (value) this.keys.set(cidKey(value), last);
    }
  }

  finish(context: ParseContext): ParseResult {
    const did = typeof this.commit?.did === 'string' ? this.commit.did : undefined;
    if (!did) {
      throw new TranscriptError(
        'unreadable_file',
        `${context.fileName}: a CAR file, but not a Bluesky repository (its root is no signed commit with a DID)`,
        { file: context.fileName },
      );
    }
    const records = this.kept.map(({ cid, type, value }) => ({
      uri: `at://${did}/${this.keys.get(cidKey(cid)) ?? `${type}/${cid.toString()}`}`,
      cid: cid.toString(),
      value,
    }));
    const read =
      records.length > 0
        ? blueskyParser.parse(JSON.stringify({ records }), context)
        : { messages: [], people: [], skipped: [], warnings: [] };
    const key = personKey('bluesky', did);
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const name = text(this.profile?.displayName);
    const bio = text(this.profile?.description);
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
      skipped: [...read.skipped, ...this.skipped],
      warnings: read.warnings,
    };
  }
}

const damaged = (context: ParseContext, error: unknown, what = 'a damaged CAR file') =>
  error instanceof TranscriptError
    ? error
    : new TranscriptError('unreadable_file', `${context.fileName}: ${what} (${(error as Error).message})`, { file: context.fileName });

/** A repository export read whole from its bytes. */
export function readCar(bytes: Uint8Array, context: ParseContext): ParseResult {
  let reader: CarBufferReader;
  try {
    reader = CarBufferReader.fromBytes(bytes);
  } catch (error) {
    throw damaged(context, error, 'not a readable CAR file');
  }
  try {
    const repo = new RepoBlocks(reader.getRoots()[0]);
    for (const block of reader.blocks()) repo.add(block);
    return repo.finish(context);
  } catch (error) {
    throw damaged(context, error);
  }
}

/** A repository export of any size, read block by block from a stream of its bytes (a file on disk, a zip entry). */
export async function readCarStream(source: AsyncIterable<Uint8Array>, context: ParseContext): Promise<ParseResult> {
  let blocks: CarBlockIterator;
  try {
    blocks = await CarBlockIterator.fromIterable(source);
  } catch (error) {
    throw damaged(context, error, 'not a readable CAR file');
  }
  try {
    const repo = new RepoBlocks((await blocks.getRoots())[0]);
    for await (const block of blocks) repo.add(block);
    return repo.finish(context);
  } catch (error) {
    throw damaged(context, error);
  }
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
