/**
 * "Chat schedules…" buttons where sessions are shown (not in a snapshot,
 * which is read-only): under the sessions heading beside the graph, and in
 * the Chat health view's head; the dialog is loaded on first use. A saved
 * schedule gives the dataset a new version in the explorer's list, which the
 * graph and the Chat health view both follow (client/health/index.ts).
 */
import { snapshotRoute, type App } from '../app/context.js';
import { h } from '../ui/dom.js';

export function wireSchedulesButton(app: App): void {
  if (snapshotRoute()) return;
  const dialog = h('dialog', { id: 'schedules-dialog', class: 'sheet-dialog schedules-dialog', 'aria-labelledby': 'schedules-title' });
  document.body.append(dialog);
  const open = () => void import('./schedules-dialog.js').then(({ openSchedulesDialog }) => openSchedulesDialog(app, dialog));
  const button = h('button', { type: 'button', id: 'schedules-button', class: 'schedules-button' }, 'Chat schedules…');
  button.addEventListener('click', open);
  // The sessions section is drawn anew with every graph: the button goes back under its heading each time.
  const place = () => {
    const heading = app.els.timeline.querySelector('h2');
    if (heading && button.previousElementSibling !== heading) heading.after(button);
  };
  new MutationObserver(place).observe(app.els.timeline, { childList: true });
  place();
  document
    .querySelector('#health-view .health-head h2')
    ?.after(h('button', { type: 'button', id: 'health-schedules-button', class: 'schedules-button', onclick: open }, 'Chat schedules…'));
}
