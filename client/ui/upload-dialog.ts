/**
 * Upload: drop or pick one or more transcript files, see a progress bar
 * while they upload and while the server's import job reads them (its
 * percent, followed through GET /api/imports/:id), then what each file held (format detected,
 * messages, skipped lines and why), and the dataset opens behind the
 * dialog. The files make a new dataset, or are added to the one on screen.
 * One file picker (the drop zone's button); a file that is not a
 * transcript gets one plain line saying what it looked like (the formats
 * are listed in the dialog already). A table whose columns the server does
 * not know (422 `needs_mapping`) gets the mapping form (mapping-form.ts) and
 * is sent again with the columns chosen; the dataset remembers them, so
 * tables added to it later are read without asking.
 */
import { NeedsMappingDetailsSchema, type Dataset, type TableMapping } from '../../shared/index.js';
import { ApiFailure, uploadDataset, type UploadFields } from '../api.js';
import { announce } from './announcer.js';
import { h } from './dom.js';
import { mappingForm, type MappingChoice } from './mapping-form.js';
import { tokenForm } from './token-form.js';

/** The server's message to its first sentence: what the file looked like, without the list of formats. */
export function oneLine(message: string): string {
  const first = message
    .split(/\.\s+Chat Atlas reads:/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return first.length > 220 ? `${first.slice(0, 219)}…` : first.replace(/\.?$/, '.');
}

/** `author = Account, text = Tweet, time = Posted` */
const mappingWords = (mapping: TableMapping) =>
  Object.entries(mapping)
    .map(([role, column]) => `${role} = ${column}`)
    .join(', ');

export interface UploadDialogOptions {
  /** The dataset on screen: the files may be added to it. */
  current?: Dataset | undefined;
}

export function openUploadDialog(
  dialog: HTMLDialogElement,
  onDone: (dataset: Dataset) => void | Promise<void>,
  { current }: UploadDialogOptions = {},
): void {
  let files: File[] = [];
  /** The columns chosen in the mapping form, sent with every try after it. */
  let chosen: MappingChoice | undefined;
  const input = h('input', {
    type: 'file',
    id: 'upload-files',
    class: 'visually-hidden',
    multiple: true,
    accept: '.json,.jsonl,.ndjson,.js,.csv,.tsv,.txt,.log,.html,.htm,.xml,.xlsx,.car,.zip',
  });
  const name = h('input', { type: 'text', id: 'upload-name', placeholder: 'e.g. #uklibchat 2024' });
  // A chat the files do not name (an IRC log without joins, a WhatsApp or Zoom file): else the server names it from the
  // file, "irc log 19 dec 2016".
  const chat = h('input', { type: 'text', id: 'upload-chat', placeholder: 'e.g. #code4lib', 'aria-describedby': 'upload-chat-hint' });
  const chatField = h(
    'div',
    { class: 'upload-chat' },
    h('label', { for: 'upload-chat', class: 'field' }, 'Chat name (optional) ', chat),
    h(
      'p',
      { class: 'muted', id: 'upload-chat-hint' },
      'For files that name no channel or group. Left empty, a chat is named from its file: WhatsApp’s group, an IRC log’s channel or “irc log 19 dec 2016”.',
    ),
  );
  const chosenFiles = h('p', { class: 'muted', id: 'upload-chosen' }, 'No file chosen yet.');
  const progress = h('progress', { class: 'progress', max: 1, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const message = h('div', { 'aria-live': 'polite', id: 'upload-message' });
  const mapping = h('div', { id: 'upload-mapping' });
  const submit = h('button', { type: 'submit', id: 'upload-submit', disabled: true }, 'Upload and open');
  const pick = h('button', { type: 'button', id: 'upload-pick', onclick: () => input.click() }, 'Choose files…');
  const zone = h(
    'div',
    { class: 'drop-zone' },
    h('p', {}, 'Drop transcript files here, or'),
    pick,
    h('label', { for: 'upload-files', class: 'visually-hidden' }, 'Transcript files'),
    input,
  );
  // Where the files go: a new dataset (named here), or the one on screen (read as its tables were).
  const addTo = current ? h('input', { type: 'radio', name: 'upload-target', id: 'upload-target-add', value: 'add' }) : undefined;
  const makeNew = h('input', { type: 'radio', name: 'upload-target', id: 'upload-target-new', value: 'new', checked: true });
  const nameField = h('label', { for: 'upload-name', class: 'field' }, 'Dataset name ', name);
  const target = current
    ? h(
        'fieldset',
        { class: 'upload-target' },
        h('legend', {}, 'Where they go'),
        h('div', {}, makeNew, h('label', { for: 'upload-target-new' }, ' A new dataset')),
        h(
          'div',
          {},
          addTo,
          h(
            'label',
            { for: 'upload-target-add' },
            ` Add to “${current.name}”`,
            current.mapping ? h('span', { class: 'muted' }, ` (tables read with its columns: ${mappingWords(current.mapping)})`) : '',
          ),
        ),
        nameField,
      )
    : nameField;
  const adding = () => Boolean(addTo?.checked);
  for (const radio of [makeNew, addTo]) radio?.addEventListener('change', () => (name.disabled = adding()));

  const choose = (list: FileList | null) => {
    files = list ? [...list] : [];
    chosen = undefined;
    mapping.replaceChildren();
    dialog.classList.remove('wide', 'mapping');
    chosenFiles.textContent = files.length
      ? files.map((f) => `${f.name} (${Math.ceil(f.size / 1024)} KB)`).join(', ')
      : 'No file chosen yet.';
    submit.disabled = files.length === 0;
  };
  input.addEventListener('change', () => choose(input.files));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    choose((e as DragEvent).dataTransfer?.files ?? null);
  });

  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { id: 'upload-title' }, 'Upload chat transcripts'),
    h(
      'p',
      { class: 'upload-intro' },
      'Twitter/X (API v1.1, v2/twarc, archive tweets.js), TAGS sheets, Mastodon, Bluesky, Slack, Discord, Teams, Zoom, WhatsApp, IRC, or any CSV with author, text and time columns. The format is detected from the content.',
    ),
    zone,
    chosenFiles,
    target,
    chatField,
    progress,
    h('p', { class: 'upload-actions' }, submit, ' ', h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')),
  );

  const fields = (): UploadFields => ({
    ...(adding() && current ? { dataset: current.id } : { name: name.value.trim() }),
    ...(chosen ? { mapping: chosen.mapping, ...(chosen.timezone ? { timezone: chosen.timezone } : {}) } : {}),
    ...(chat.value.trim() ? { chat: chat.value.trim() } : {}),
  });

  /** The columns are not known: the mapping form, with the server's guesses; chosen columns send the files again. */
  const askMapping = (details: unknown): boolean => {
    const parsed = NeedsMappingDetailsSchema.safeParse(details);
    if (!parsed.success) return false;
    const form = mappingForm(
      parsed.data,
      { timezone: chosen?.timezone },
      (choice) => {
        chosen = choice;
        send();
      },
      () => dialog.close(),
    );
    mapping.replaceChildren(form);
    // Room for the table: the drop zone and the first buttons step aside (the files stay named above).
    dialog.classList.add('wide', 'mapping');
    message.textContent = `${parsed.data.file}: its columns are not ones Chat Atlas knows. Choose them below.`;
    announce(message.textContent);
    form.querySelector<HTMLSelectElement>(parsed.data.missing[0] ? `#mapping-${parsed.data.missing[0]}` : 'select')?.focus();
    return true;
  };

  const send = () => {
    submit.disabled = true;
    const mappingSubmit = mapping.querySelector<HTMLButtonElement>('#mapping-submit');
    if (mappingSubmit) mappingSubmit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    message.textContent = 'Uploading…';
    uploadDataset(files, fields(), (p) => {
      // Half the bar for sending the bytes, half for the server's import job.
      progress.value = p.phase === 'uploading' ? p.done * 0.5 : 0.5 + p.done * 0.5;
      if (p.phase === 'importing') {
        const percent = Math.round(p.done * 100);
        message.textContent = `Importing… ${percent} %${p.messages ? `, ${p.messages.toLocaleString('en')} messages read` : ''}`;
        progress.setAttribute('aria-valuetext', `Importing, ${percent} percent`);
      }
    })
      .then(({ dataset, files: read }) => {
        progress.value = 1;
        mapping.replaceChildren();
        dialog.classList.remove('wide', 'mapping');
        const results = read.map((s) =>
          h(
            'li',
            {},
            `${s.file}: read as ${s.format}, ${s.messages} messages`,
            s.skipped
              ? `, ${s.skipped} skipped (${s.skippedItems
                  .slice(0, 3)
                  .map((x) => `${x.line ? `line ${x.line}` : x.record ? `record ${x.record}` : 'note'}: ${x.reason}`)
                  .join('; ')})`
              : '',
            s.warnings.length ? ` — ${s.warnings.join('; ')}` : '',
          ),
        );
        const added = adding() && current?.id === dataset.id;
        message.replaceChildren(
          h(
            'p',
            {},
            added
              ? `Added to “${dataset.name}”: now ${dataset.counts.messages} messages from ${dataset.counts.people} people.`
              : `Created “${dataset.name}”: ${dataset.counts.messages} messages from ${dataset.counts.people} people.`,
          ),
          chosen
            ? h(
                'p',
                { id: 'upload-mapping-used' },
                `Tables read with your columns (${mappingWords(chosen.mapping)}${chosen.timezone ? `; times in ${chosen.timezone}` : ''}); tables added to this dataset later are read the same way.`,
              )
            : '',
          h('ul', { class: 'result-list', id: 'upload-results' }, ...results),
          h('button', { type: 'button', id: 'upload-open', class: 'primary', onclick: () => dialog.close() }, 'Show it'),
        );
        // "Upload and open": the dataset opens now, behind the dialog and its report.
        void onDone(dataset);
        announce(`${added ? 'Added to' : 'Uploaded'} ${dataset.name}: ${dataset.counts.messages} messages`);
        message.querySelector<HTMLButtonElement>('#upload-open')?.focus();
      })
      .catch((error: unknown) => {
        progress.hidden = true;
        submit.disabled = false;
        if (mappingSubmit) mappingSubmit.disabled = false;
        if (error instanceof ApiFailure && error.code === 'needs_mapping' && askMapping(error.details)) return;
        const said = error instanceof ApiFailure ? `Not imported: ${oneLine(error.message)}` : 'Not imported: the upload failed.';
        // A mapping that did not read (a column with no dates, say): said at the form, which stays to choose again.
        const mappingError = mapping.querySelector<HTMLElement>('#mapping-error');
        if (mappingError) {
          message.textContent = '';
          mappingError.textContent = said;
        } else {
          message.textContent = said;
          announce(said);
        }
        if (error instanceof ApiFailure && error.status === 401) message.append(tokenForm(send));
      });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  dialog.classList.remove('wide', 'mapping');
  dialog.replaceChildren(form, message, mapping);
  dialog.showModal();
}
