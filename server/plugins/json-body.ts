/**
 * JSON bodies, with their nesting bounded before they are parsed. V8's
 * JSON.parse takes about 2 s for 10 MB of `[[[…]]]`, and what follows
 * (validation, its messages) recurses into it: 4 s of a blocked event loop
 * for one request, or a stack overflow and a 500. No body of this API nests
 * more than a few levels, and counting brackets is one pass of a few ms.
 * Parsing itself stays Fastify's (with its __proto__ and constructor checks).
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

/** Deepest nesting a JSON body may have; a snapshot's is 3 (`{view: {camera: {…}}}`). */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/** Whether JSON text nests arrays and objects deeper than `max`; brackets inside strings do not count. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** Replaces Fastify's application/json parser on the root instance; register before the routes. */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string; // parseAs: 'string'
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new HttpError(
          400,
          'too_deep',
          `the JSON body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep; no request to this API needs that many`,
        ),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
