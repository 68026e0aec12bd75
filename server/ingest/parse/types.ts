/**
 * What every format parser takes and gives. A parser turns one file's text
 * into messages and profiles; it never guesses the chat (normalize does) and
 * never throws for one bad record (it reports it in `skipped`).
 */
import type { FormatId, Message, PersonProfile, Skipped, TableMapping } from '../../../shared/index.js';

export interface ParseContext {
  /** File name as uploaded, for messages and content-hash ids. */
  fileName: string;
  /** How to read a table (the CSV-family readers): the user's column mapping and time zone. */
  table?: TableOptions | undefined;
  /** Nicks the user named as bots: their messages are left out (IRC logs). */
  bots?: readonly string[] | undefined;
  /** When the file was last saved (ms since 1970, as the uploader's system or browser knew it): dates a Zoom chat whose name has none. */
  modifiedAt?: number | undefined;
}

/** A user's say on reading tables, carried with a file from the upload to its parser. */
export interface TableOptions {
  /** Role → column name; wins over the columns recognised. */
  mapping?: TableMapping | undefined;
  /** IANA zone or `+01:00` for times written without an offset; UTC when absent. */
  timezone?: string | undefined;
}

/** A message as a parser reads it: chat, question and answer are filled in by normalize. */
export type ParsedMessage = Omit<Message, 'chat' | 'question' | 'answer'> & { chat?: string };

export interface ParseResult {
  messages: ParsedMessage[];
  people: PersonProfile[];
  skipped: Skipped[];
  warnings: string[];
  /** What the file's text calls its chat, when it names one for the whole file (a WhatsApp group's subject). */
  chatName?: string;
}

export interface Parser {
  format: FormatId;
  /**
   * How sure this parser is that a file starting with `head` (up to 64 KiB,
   * BOM removed) is its format: 0 no, 1 certain. Judged on content alone.
   */
  detect(head: string): number;
  /** Throws TranscriptError when the file as a whole can't be read. */
  parse(text: string, context: ParseContext): ParseResult;
  /**
   * For a JSON Lines format, the same from a file's lines split already (a
   * chunk of a big file): what `parse` gives for those lines joined.
   */
  parseLines?(lines: readonly string[], context: ParseContext): ParseResult;
}
