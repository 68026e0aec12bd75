/**
 * A Mastodon account archive's `actor.json` (the account as an ActivityPub
 * `Person`): the person the archive's outbox.json is by, with what context
 * inference reads — display name (`name`), bio (`summary`, HTML), and the
 * profile's fields (`attachment` PropertyValues): a field named like a
 * place is the location, the first link in a field is the person's own
 * website (`url`, as a Twitter profile's link is), other fields
 * ("Work: State Library of Victoria") are added to the bio. The outbox
 * alone names the account only by its URI.
 */
import { personKey, type PersonProfile } from '../../../shared/index.js';
import { handleFromUri } from './mastodon-archive.js';
import { htmlToText } from './html-to-text.js';
import { isObject, parseJsonSafely, str } from './read-json.js';

/** Field names people give their location, in the languages the context lexicons read. */
const PLACE_FIELD =
  /^(?:location|located|based(?: in)?|where|city|country|region|place|home|lives? in|from|standort|ort|wohnort|ubicaci[oó]n|lieu|localisation|localit[aà]|locatie|woonplaats|localiza[cç][aã]o)\s*:?$/i;

/** The first `href` of an `<a>` in a field's HTML value. */
const firstLink = (html: string) => /<a\s[^>]*href\s*=\s*"(https?:\/\/[^"]+)"/i.exec(html)?.[1];

const clean = (html: string | undefined) => (html ? htmlToText(html).replace(/\s+\n/g, '\n').trim() : '');

/** The account's profile, or undefined when the text is no ActivityPub Person (or Service) with an id. */
export function readMastodonActor(text: string): PersonProfile | undefined {
  let actor: unknown;
  try {
    actor = parseJsonSafely(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!isObject(actor) || !['Person', 'Service'].includes(str(actor, 'type') ?? '')) return undefined;
  const handle = handleFromUri(str(actor, 'id'));
  if (!handle) return undefined;
  const extra: string[] = [];
  let location: string | undefined;
  let website: string | undefined;
  for (const field of Array.isArray(actor.attachment) ? actor.attachment.filter(isObject) : []) {
    if (str(field, 'type') !== 'PropertyValue') continue;
    const name = clean(str(field, 'name'));
    const html = str(field, 'value') ?? '';
    const value = clean(html);
    if (!value) continue;
    const link = firstLink(html);
    if (!location && PLACE_FIELD.test(name)) location = value;
    else if (link) website ??= link;
    else extra.push(name ? `${name}: ${value}` : value);
  }
  const bio = [clean(str(actor, 'summary')), ...extra].filter(Boolean).join('\n');
  const name = clean(str(actor, 'name'));
  const url = website ?? str(actor, 'url');
  return {
    key: personKey('mastodon', handle),
    platform: 'mastodon',
    handle,
    ...(name ? { name } : {}),
    ...(bio ? { bio } : {}),
    ...(location ? { location } : {}),
    ...(url ? { url } : {}),
  };
}
