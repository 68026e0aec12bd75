/**
 * What every format parser takes and gives. A parser turns one file's text
 * into messages and profiles; it never guesses the chat (normalize does) and
 * never throws for one bad record (it reports it in `skipped`).
 */
import type { FormatId, Message, PersonProfile, Skipped } from '../../../shared/index.js';

export interface ParseContext {
  /** File name as uploaded, for messages and content-hash ids. */
  fileName: string;
}

/** A message as a parser reads it: chat, question and answer are filled in by normalize. */
export type ParsedMessage = Omit<Message, 'chat' | 'question' | 'answer'> & { chat?: string };

export interface ParseResult {
  messages: ParsedMessage[];
  people: PersonProfile[];
  skipped: Skipped[];
  warnings: string[];
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
