/**
 * Which column is which, for a table the server could not read by its
 * column names (a 422 `needs_mapping`): the header and first rows as a
 * table, one select per role the API's mapping accepts (the shared
 * TableMappingSchema) preset to the server's guesses, and a time zone for
 * times written without an offset. It only says what was chosen; the upload
 * dialog sends the files again with it.
 */
import { isIanaTimeZone, TableMappingSchema, type NeedsMappingDetails, type TableMapping, type TableRole } from '../../shared/index.js';
import { h } from './dom.js';

/** The roles, in the order the API's schema lists them. */
const ROLES = TableMappingSchema.keyof().options;
const REQUIRED: readonly TableRole[] = ['author', 'text', 'time'];

/** Each role in plain words (its API name follows in the label). */
const ROLE_WORDS: Record<TableRole, string> = {
  author: 'Who wrote it',
  text: 'What they wrote',
  time: 'When (date and time)',
  date: 'The day, if it is a column of its own',
  to: 'Whom it replies to (a name or @handle)',
  replyToId: 'The message it replies to (its id)',
  replyToUserId: 'The person it replies to (their user id)',
  chat: 'Chat, channel or hashtag',
  id: 'The message’s own id',
  platform: 'Platform (twitter, mastodon…)',
  name: 'The author’s display name',
  location: 'The author’s location',
  bio: 'The author’s bio or description',
  userId: 'The author’s user id',
  mentions: 'People mentioned',
  repostOf: 'Whose post it reposts',
  repostOfUserId: 'Whose post it reposts (user id)',
  quoteOfUserId: 'Whose post it quotes (user id)',
  kind: 'Kind (reply, retweet, quote…)',
};

export interface MappingChoice {
  mapping: TableMapping;
  timezone?: string;
}

/** A time that says its offset or zone (`…Z`, `+0000`, `+01:00`, `UTC`, `GMT`) needs no time zone given. */
const HAS_OFFSET = /(?:\dZ\b|[+-]\d{2}:?\d{2}\b|\bUTC\b|\bGMT\b)/i;

/** What a time zone may be: UTC, an offset, or an IANA name the browser knows (never an abbreviation such as BST, as the server says). */
export function isTimezoneText(value: string): boolean {
  return /^(?:UTC|Z|[+-]\d{2}:?\d{2})$/i.test(value) || isIanaTimeZone(value);
}

const cellText = (value: string) => (value.length > 80 ? `${value.slice(0, 79)}…` : value);

function preview(details: NeedsMappingDetails): HTMLElement {
  const rows = details.sample.slice(0, 5);
  const caption = h('caption', { id: 'mapping-preview-caption' }, `The first ${rows.length} row(s) of ${details.file}`);
  const table = h(
    'table',
    { class: 'mapping-preview' },
    caption,
    h('thead', {}, h('tr', {}, ...details.header.map((c) => h('th', { scope: 'col' }, c || '(no name)')))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...details.header.map((_, i) => h('td', { title: r[i] ?? '' }, cellText(r[i] ?? '')))))),
  );
  // A wide table scrolls in its own box, which keyboard users can reach and scroll.
  return h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'mapping-preview-caption', tabindex: 0 }, table);
}

/** A column's first filled cell, so a column can be chosen without scrolling the preview: `Account (e.g. rhizome)`. */
function columnLabels(details: NeedsMappingDetails): string[] {
  return details.header.map((c, i) => {
    const example = details.sample.map((r) => r[i]?.replace(/\s+/g, ' ').trim() ?? '').find(Boolean);
    const name = c || '(no name)';
    return example ? `${name} (e.g. ${example.length > 32 ? `${example.slice(0, 31)}…` : example})` : `${name} (empty)`;
  });
}

function roleSelect(role: TableRole, header: readonly string[], labels: readonly string[], chosen: string | undefined): HTMLElement {
  const id = `mapping-${role}`;
  const select = h(
    'select',
    { id, name: role, ...(REQUIRED.includes(role) ? { 'aria-required': 'true' } : {}) },
    h('option', { value: '' }, REQUIRED.includes(role) ? '— choose a column —' : '— none —'),
    ...header.map((c, i) => h('option', { value: c, selected: c === chosen }, labels[i]!)),
  );
  return h('div', { class: 'mapping-role' }, h('label', { for: id }, ROLE_WORDS[role], ' ', h('code', {}, role)), select);
}

/**
 * The form. `onChoose` gets a mapping the schema accepts (author, text and
 * time chosen, no column for two of them) and a time zone, if one was given.
 */
export function mappingForm(
  details: NeedsMappingDetails,
  previous: { timezone?: string | undefined },
  onChoose: (choice: MappingChoice) => void,
  onCancel: () => void,
): HTMLFormElement {
  const optional = ROLES.filter((r) => !REQUIRED.includes(r));
  const guessedOptional = optional.filter((r) => details.guesses[r] && details.header.includes(details.guesses[r]!));
  const labels = columnLabels(details);
  const error = h('p', { class: 'form-error', id: 'mapping-error', role: 'alert' });
  const timezone = h('input', {
    type: 'text',
    id: 'mapping-timezone',
    name: 'timezone',
    placeholder: 'UTC',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'mapping-timezone-hint',
    value: previous.timezone ?? '',
  });
  const timezoneHint = h('p', { class: 'muted', id: 'mapping-timezone-hint' });
  const form = h(
    'form',
    { class: 'mapping-form', id: 'mapping-form', 'aria-labelledby': 'mapping-title', novalidate: true },
    h('h3', { id: 'mapping-title' }, 'Which column is which?'),
    h(
      'p',
      {},
      `Chat Atlas does not know the columns of ${details.file}. Say which column holds who wrote each message, what they wrote and when; its guesses are filled in.`,
      details.unknownColumns?.length ? ` The columns chosen before (${details.unknownColumns.join(', ')}) are not in this file.` : '',
    ),
    preview(details),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Needed'),
      ...REQUIRED.map((r) => roleSelect(r, details.header, labels, details.guesses[r] ?? undefined)),
    ),
    h(
      'details',
      { class: 'mapping-more', open: guessedOptional.length > 0 },
      h(
        'summary',
        {},
        `More columns: replies, profiles, ids (optional${guessedOptional.length ? `, ${guessedOptional.length} guessed` : ''})`,
      ),
      h('div', { class: 'mapping-roles' }, ...optional.map((r) => roleSelect(r, details.header, labels, details.guesses[r] ?? undefined))),
    ),
    h('div', { class: 'mapping-role' }, h('label', { for: 'mapping-timezone' }, 'Time zone of the times'), timezone, timezoneHint),
    error,
    h(
      'p',
      {},
      h('button', { type: 'submit', id: 'mapping-submit', class: 'primary' }, 'Read with these columns'),
      ' ',
      h('button', { type: 'button', onclick: onCancel }, 'Cancel'),
    ),
    h('p', { class: 'muted' }, 'The dataset remembers the columns and reads tables added to it later the same way.'),
  );
  const value = (role: TableRole) => form.querySelector<HTMLSelectElement>(`#mapping-${role}`)!.value;
  const describeTimes = () => {
    const column = value('time');
    const at = details.header.indexOf(column);
    const times = at < 0 ? [] : details.sample.map((r) => r[at] ?? '').filter(Boolean);
    timezoneHint.textContent =
      at < 0
        ? 'For times written without an offset: an IANA name (Europe/London) or an offset (+01:00). Empty: UTC.'
        : times.length > 0 && times.every((t) => HAS_OFFSET.test(t))
          ? `The times in “${column}” carry their offset (${times[0]}), so they are read as written.`
          : `The times in “${column}” (${times[0] ?? 'empty'}) carry no offset: give their time zone, an IANA name (Europe/London) or an offset (+01:00). Empty: UTC.`;
  };
  form.querySelector('#mapping-time')!.addEventListener('change', describeTimes);
  describeTimes();
  const fail = (text: string, control: HTMLElement) => {
    error.textContent = text;
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${described} mapping-error` : 'mapping-error');
    control.focus();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    for (const marked of form.querySelectorAll('[aria-invalid]')) {
      marked.removeAttribute('aria-invalid');
      const described = (marked.getAttribute('aria-describedby') ?? '').replace(/\s*mapping-error$/, '');
      if (described) marked.setAttribute('aria-describedby', described);
      else marked.removeAttribute('aria-describedby');
    }
    for (const role of REQUIRED) {
      if (!value(role))
        return fail(`Choose the column that holds “${ROLE_WORDS[role].toLowerCase()}”.`, form.querySelector(`#mapping-${role}`)!);
    }
    const [author, text, time] = REQUIRED.map(value);
    if (new Set([author, text, time]).size < 3) {
      const twice = author === text || author === time ? 'author' : 'text';
      return fail(
        'One column was chosen for two of who, what and when: each needs a column of its own.',
        form.querySelector(`#mapping-${twice}`)!,
      );
    }
    const zone = timezone.value.trim();
    if (zone && !isTimezoneText(zone))
      return fail(`“${zone}” is not a time zone: write an IANA name such as Europe/London, or an offset such as +01:00.`, timezone);
    const mapping = TableMappingSchema.parse(Object.fromEntries(ROLES.flatMap((r) => (value(r) ? [[r, value(r)]] : []))));
    onChoose({ mapping, ...(zone ? { timezone: zone } : {}) });
  });
  return form;
}
