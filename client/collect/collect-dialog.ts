/**
 * Collect: follow a hashtag on Mastodon instances or Bluesky into the dataset
 * on screen, now and on the chat's schedule. The dialog starts a collection
 * (source, instance, tag, dates, schedule, and a token or app password when
 * the service needs one), lists the dataset's collections with their
 * progress and history (collection-card.ts), and pauses, resumes, cancels or
 * deletes them. While one runs it asks the server every second; when a run
 * stored new posts, the graph is loaded again.
 */
import type { Collection, CreateCollection, Dataset } from '../../shared/index.js';
import { ApiFailure } from '../api.js';
import { announce } from '../ui/announcer.js';
import { h } from '../ui/dom.js';
import { tokenForm } from '../ui/token-form.js';
import { collectionAction, createCollection, deleteCollection, listCollections, type CollectionAction } from './api.js';
import { collectionCard, collectionTitle } from './collection-card.js';
import './collect.css';

const POLL_MS = 1000;

/** A "Collect…" button beside Upload, opening the dialog for the dataset on screen. */
export function wireCollectButton(
  after: HTMLElement,
  current: () => Dataset | undefined,
  onStored: (datasetId: string) => void | Promise<void>,
): HTMLButtonElement {
  const dialog = h('dialog', { id: 'collect-dialog', class: 'sheet-dialog collect-dialog', 'aria-labelledby': 'collect-title' });
  document.body.append(dialog);
  const button = h('button', { type: 'button', id: 'collect-button', class: 'needs-data' }, 'Collect…');
  after.after(' ', button);
  button.addEventListener('click', () => {
    const dataset = current();
    if (dataset) openCollectDialog(dialog, dataset, onStored);
  });
  return button;
}

const field = (id: string, label: string, input: HTMLElement, hint?: string) =>
  h(
    'label',
    { for: id, class: 'field' },
    h('span', { class: 'collect-label' }, label),
    input,
    hint ? h('span', { class: 'hint muted' }, hint) : '',
  );

export function openCollectDialog(
  dialog: HTMLDialogElement,
  dataset: Dataset,
  onStored: (datasetId: string) => void | Promise<void>,
): void {
  const message = h('p', { id: 'collect-message', 'aria-live': 'polite' });
  const list = h('ul', { id: 'collect-list', class: 'collect-list' });
  const mastodon = h('input', { type: 'radio', name: 'collect-source', id: 'collect-source-mastodon', value: 'mastodon', checked: true });
  const bluesky = h('input', { type: 'radio', name: 'collect-source', id: 'collect-source-bluesky', value: 'bluesky' });
  const instance = h('input', { type: 'text', id: 'collect-instance', placeholder: 'glammr.us, mastodon.social', autocomplete: 'off' });
  const tag = h('input', { type: 'text', id: 'collect-tag', placeholder: '#critlib', required: true, autocomplete: 'off' });
  const since = h('input', { type: 'date', id: 'collect-since' });
  const until = h('input', { type: 'date', id: 'collect-until' });
  const schedule = h('input', { type: 'text', id: 'collect-schedule', placeholder: 'Tuesdays 22:00 Europe/London', autocomplete: 'off' });
  const token = h('input', { type: 'password', id: 'collect-token', autocomplete: 'off' });
  const identifier = h('input', { type: 'text', id: 'collect-identifier', autocomplete: 'off', placeholder: 'you.bsky.social' });
  const appPassword = h('input', { type: 'password', id: 'collect-app-password', autocomplete: 'off' });
  const mastodonOnly = h(
    'div',
    { class: 'collect-auth' },
    field('collect-token', 'Access token (optional)', token, 'Only if the instance asks for one.'),
  );
  const blueskyOnly = h(
    'div',
    { class: 'collect-auth', hidden: true },
    field('collect-identifier', 'Handle (optional)', identifier),
    field('collect-app-password', 'App password (optional)', appPassword, 'Only if the service asks for an account.'),
  );
  const submit = h('button', { type: 'submit', id: 'collect-submit', class: 'primary' }, 'Start collecting');
  const sourceChanged = () => {
    const isMastodon = mastodon.checked;
    mastodonOnly.hidden = !isMastodon;
    blueskyOnly.hidden = isMastodon;
    instance.placeholder = isMastodon ? 'glammr.us, mastodon.social' : 'public.api.bsky.app (default)';
    instance.required = isMastodon;
  };
  mastodon.addEventListener('change', sourceChanged);
  bluesky.addEventListener('change', sourceChanged);
  sourceChanged();

  const form = h(
    'form',
    { class: 'collect-form', id: 'collect-form' },
    h(
      'fieldset',
      { class: 'collect-source' },
      h('legend', {}, 'From'),
      h('label', { for: 'collect-source-mastodon' }, mastodon, ' Mastodon'),
      h('label', { for: 'collect-source-bluesky' }, bluesky, ' Bluesky'),
    ),
    h('div', { class: 'collect-grid' }, field('collect-instance', 'Instance(s)', instance), field('collect-tag', 'Hashtag', tag)),
    h(
      'div',
      { class: 'collect-grid' },
      field('collect-since', 'From (optional)', since),
      field('collect-until', 'Until (optional)', until),
    ),
    field('collect-schedule', 'Schedule (optional)', schedule, 'Collect again after each chat, e.g. the hour after it ends.'),
    mastodonOnly,
    blueskyOnly,
    h('p', { class: 'collect-actions' }, submit),
  );

  let timer: number | undefined;
  let closed = false;
  /** Runs seen finished, so a new one that stored posts reloads the graph once. */
  const finished = new Set<string>();
  let first = true;

  const act = async (c: Collection, action: CollectionAction | 'delete') => {
    if (action === 'delete' && !confirm(`Delete the collection ${collectionTitle(c)}? The posts it collected stay in the dataset.`)) return;
    try {
      if (action === 'delete') await deleteCollection(dataset.id, c.id);
      else await collectionAction(dataset.id, c.id, action);
      announce(
        { pause: 'Paused', resume: 'Resumed', run: 'Collecting now', cancel: 'Run cancelled', delete: 'Collection deleted' }[action],
      );
    } catch (error) {
      say(error);
    }
    void refresh();
  };

  const refresh = async () => {
    if (closed) return;
    window.clearTimeout(timer);
    let collections: Collection[];
    try {
      collections = await listCollections(dataset.id);
    } catch (error) {
      say(error);
      return;
    }
    let stored = false;
    for (const c of collections)
      for (const run of c.history) {
        if (!finished.has(run.id) && !first && run.stored > 0) stored = true;
        finished.add(run.id);
      }
    first = false;
    list.replaceChildren(
      ...(collections.length
        ? collections.map((c) => collectionCard(c, (action) => void act(c, action)))
        : [h('li', { class: 'muted' }, 'No collection yet for this dataset.')]),
    );
    if (stored) {
      announce('New posts collected; the graph is updated');
      void onStored(dataset.id);
    }
    if (collections.some((c) => c.current && c.status !== 'paused')) timer = window.setTimeout(() => void refresh(), POLL_MS);
  };

  const say = (error: unknown) => {
    message.textContent = error instanceof ApiFailure ? error.message : 'The server could not be reached.';
    if (error instanceof ApiFailure && error.status === 401)
      message.append(
        ' ',
        tokenForm(() => void refresh()),
      );
    announce(message.textContent ?? '');
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const isMastodon = mastodon.checked;
    const body: CreateCollection = {
      source: isMastodon ? 'mastodon' : 'bluesky',
      tag: tag.value.trim(),
      ...(instance.value.trim() ? { instance: instance.value.split(/[\s,]+/).filter(Boolean) } : {}),
      ...(since.value ? { since: `${since.value}T00:00:00Z` } : {}),
      ...(until.value ? { until: `${until.value}T23:59:59Z` } : {}),
      ...(schedule.value.trim() ? { schedule: schedule.value.trim() } : {}),
      ...(isMastodon && token.value ? { accessToken: token.value } : {}),
      ...(!isMastodon && identifier.value && appPassword.value
        ? { identifier: identifier.value.trim(), appPassword: appPassword.value }
        : {}),
    };
    submit.disabled = true;
    message.textContent = 'Starting…';
    createCollection(dataset.id, body)
      .then((c) => {
        message.textContent = `Collecting ${collectionTitle(c)} into “${dataset.name}”.`;
        announce(message.textContent);
        token.value = '';
        appPassword.value = '';
        void refresh();
      })
      .catch(say)
      .finally(() => (submit.disabled = false));
  });

  dialog.replaceChildren(
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: 'collect-title' }, `Collect into “${dataset.name}”`),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => dialog.close() }, '×'),
    ),
    h(
      'p',
      { class: 'collect-intro muted' },
      'Public posts with the hashtag, their threads and their authors’ bios. Left out: posts that are not public, accounts that opted out of discovery or search (#nobot, #noindex, Bluesky’s logged-out label), and people on the opt-out lists.',
    ),
    form,
    message,
    h('h3', { class: 'collect-list-title' }, 'Collections of this dataset'),
    list,
  );
  dialog.addEventListener(
    'close',
    () => {
      closed = true;
      window.clearTimeout(timer);
    },
    { once: true },
  );
  dialog.showModal();
  void refresh();
}
