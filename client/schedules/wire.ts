/**
 * A "Chat schedules…" button with the sessions beside the graph (not in a
 * snapshot, which is read-only), opening the dialog on first use.
 */
import { snapshotRoute, type App } from '../app/context.js';
import { h } from '../ui/dom.js';

export function wireSchedulesButton(app: App): void {
  if (snapshotRoute()) return;
  const dialog = h('dialog', { id: 'schedules-dialog', class: 'schedules-dialog', 'aria-labelledby': 'schedules-title' });
  document.body.append(dialog);
  const button = h('button', { type: 'button', id: 'schedules-button', class: 'schedules-button' }, 'Chat schedules…');
  button.addEventListener(
    'click',
    () => void import('./schedules-dialog.js').then(({ openSchedulesDialog }) => openSchedulesDialog(app, dialog)),
  );
  // The sessions section is drawn anew with every graph: the button goes back under its heading each time.
  const place = () => {
    const heading = app.els.timeline.querySelector('h2');
    if (heading && button.previousElementSibling !== heading) heading.after(button);
  };
  new MutationObserver(place).observe(app.els.timeline, { childList: true });
  place();
}
