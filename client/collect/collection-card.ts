/**
 * One collection in the Collect dialog: where it reads and what, its state
 * (running with pages and posts so far, paused, or idle with its next run),
 * its buttons (collect now, pause or resume, cancel the run, delete), and
 * its history: when each run was, how many posts it kept and stored, what it
 * left out and why a run failed.
 */
import type { Collection, CollectionRun } from '../../shared/index.js';
import { h } from '../ui/dom.js';
import type { CollectionAction } from './api.js';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const at = (iso: string) => when.format(new Date(iso));

/** `glammr.us #critlib`, `public.api.bsky.app "#critlib"` */
export function collectionTitle(c: Collection): string {
  const hosts = c.instances.map((i) => i.replace(/^https?:\/\//, '')).join(', ');
  return `${c.source === 'mastodon' ? 'Mastodon' : 'Bluesky'} · ${hosts} · #${c.tag}`;
}

function stateLine(c: Collection): string {
  const run = c.current;
  if (c.status === 'paused')
    return run ? `Paused mid-run (${run.pages} pages, ${run.posts} posts so far); resumes where it stopped.` : 'Paused.';
  if (run && run.phase === 'importing') return `Storing ${run.posts} posts…`;
  if (run) return `Collecting… ${run.pages} ${run.pages === 1 ? 'page' : 'pages'}, ${run.posts} posts so far.`;
  return c.nextRunAt ? `Next run ${at(c.nextRunAt)} (${c.schedule}).` : 'Runs when you press Collect now.';
}

function leftOutWords(run: CollectionRun): string {
  const { optedOut, notPublic, outsideWindow, duplicates } = run.leftOut;
  const parts = [
    optedOut ? `${optedOut} opted out` : '',
    notPublic ? `${notPublic} not public` : '',
    outsideWindow ? `${outsideWindow} outside the dates` : '',
    duplicates ? `${duplicates} already collected` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : '—';
}

function historyTable(c: Collection): HTMLElement {
  if (c.history.length === 0) return h('p', { class: 'muted' }, 'No run has finished yet.');
  const rows = c.history.map((run) =>
    h(
      'tr',
      { class: `run-${run.status}` },
      h('td', {}, at(run.finishedAt ?? run.startedAt)),
      h('td', {}, run.status === 'done' ? run.trigger : `${run.status} (${run.trigger})`),
      h('td', { class: 'num' }, run.posts),
      h('td', { class: 'num' }, run.stored),
      h('td', {}, run.error ?? leftOutWords(run)),
    ),
  );
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'collect-history' },
      h('caption', { class: 'visually-hidden' }, `Runs of ${collectionTitle(c)}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'When'),
          h('th', {}, 'Run'),
          h('th', { class: 'num' }, 'Posts'),
          h('th', { class: 'num' }, 'New'),
          h('th', {}, 'Left out / error'),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

export function collectionCard(c: Collection, act: (action: CollectionAction | 'delete') => void): HTMLElement {
  const button = (action: CollectionAction | 'delete', label: string, extra: Record<string, string> = {}) =>
    h('button', { type: 'button', 'data-action': action, onclick: () => act(action), ...extra }, label);
  const running = c.current !== undefined && c.status !== 'paused';
  return h(
    'li',
    { class: 'collection-card', 'data-collection': c.id, 'data-status': c.status },
    h('h3', {}, collectionTitle(c)),
    h('p', { class: 'collect-state', 'aria-live': 'polite' }, stateLine(c)),
    running ? h('progress', { class: 'progress', 'aria-label': `Collecting ${collectionTitle(c)}` }) : '',
    h(
      'p',
      { class: 'collect-actions' },
      c.status === 'paused' ? button('resume', 'Resume') : button('pause', 'Pause'),
      c.status !== 'paused' && !c.current ? button('run', 'Collect now') : '',
      c.current && c.current.phase === 'fetching' ? button('cancel', 'Cancel run') : '',
      button('delete', 'Delete', { class: 'danger' }),
    ),
    c.credentials ? h('p', { class: 'muted' }, 'A token or app password is stored for it (encrypted; never shown).') : '',
    historyTable(c),
  );
}
