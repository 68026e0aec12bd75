/**
 * Upload: drop or pick one or more transcript files, see a progress bar
 * while they upload and while the server's import job reads them (its
 * percent, followed through GET /api/imports/:id), then what each file held (format detected,
 * messages, skipped lines and why), and the new dataset opens behind the
 * dialog. One file picker (the drop zone's button); a file that is not a
 * transcript gets one plain line saying what it looked like (the formats
 * are listed in the dialog already).
 */
import type { Dataset } from '../../shared/index.js';
import { ApiFailure, uploadDataset } from '../api.js';
import { announce } from './announcer.js';
import { h } from './dom.js';
import { tokenForm } from './token-form.js';

/** The server's message to its first sentence: what the file looked like, without the list of formats. */
export function oneLine(message: string): string {
  const first = message
    .split(/\.\s+Chat Atlas reads:/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return first.length > 220 ? `${first.slice(0, 219)}…` : first.replace(/\.?$/, '.');
}

export function openUploadDialog(dialog: HTMLDialogElement, onDone: (dataset: Dataset) => void | Promise<void>): void {
  let files: File[] = [];
  const input = h('input', {
    type: 'file',
    id: 'upload-files',
    class: 'visually-hidden',
    multiple: true,
    accept: '.json,.jsonl,.ndjson,.js,.csv,.txt,.zip',
  });
  const name = h('input', { type: 'text', id: 'upload-name', placeholder: 'e.g. #uklibchat 2024' });
  const chosen = h('p', { class: 'muted', id: 'upload-chosen' }, 'No file chosen yet.');
  const progress = h('progress', { class: 'progress', max: 1, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const message = h('div', { 'aria-live': 'polite', id: 'upload-message' });
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

  const choose = (list: FileList | null) => {
    files = list ? [...list] : [];
    chosen.textContent = files.length ? files.map((f) => `${f.name} (${Math.ceil(f.size / 1024)} KB)`).join(', ') : 'No file chosen yet.';
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
      {},
      'Twitter/X (API v1.1, v2/twarc, archive tweets.js), TAGS sheets, Mastodon, Bluesky, Slack, Discord, Teams, Zoom, WhatsApp, IRC, or any CSV with author, text and time columns. The format is detected from the content.',
    ),
    zone,
    chosen,
    h('label', { for: 'upload-name', class: 'field' }, 'Dataset name ', name),
    progress,
    message,
    h('p', {}, submit, ' ', h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    progress.hidden = false;
    message.textContent = 'Uploading…';
    uploadDataset(files, name.value.trim(), (p) => {
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
        message.replaceChildren(
          h('p', {}, `Created “${dataset.name}”: ${dataset.counts.messages} messages from ${dataset.counts.people} people.`),
          h('ul', { class: 'result-list', id: 'upload-results' }, ...results),
          h('button', { type: 'button', id: 'upload-open', class: 'primary', onclick: () => dialog.close() }, 'Show it'),
        );
        // "Upload and open": the dataset opens now, behind the dialog and its report.
        void onDone(dataset);
        announce(`Uploaded ${dataset.name}: ${dataset.counts.messages} messages`);
        message.querySelector<HTMLButtonElement>('#upload-open')?.focus();
      })
      .catch((error: unknown) => {
        progress.hidden = true;
        submit.disabled = false;
        message.textContent = error instanceof ApiFailure ? `Not imported: ${oneLine(error.message)}` : 'Not imported: the upload failed.';
        announce(message.textContent);
        if (error instanceof ApiFailure && error.status === 401) message.append(tokenForm(() => form.requestSubmit()));
      });
  });
  dialog.replaceChildren(form);
  dialog.showModal();
}
