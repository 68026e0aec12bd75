/**
 * The Chat schedules dialog, opened from the sessions beside the graph: each
 * chat of the dataset with how its sessions are found now and a form to give
 * or remove its schedule. Saving sends the dataset's whole list (api.ts) with
 * the page's write token (asked for after a 401, as for other edits), then
 * loads the graph again so the sessions, their ties and the counts follow.
 */
import type { ChatSchedule, Dataset } from '../../shared/index.js';
import { ApiFailure } from '../api.js';
import type { App } from '../app/context.js';
import { loadCurrentGraph } from '../app/load-graph.js';
import { announce } from '../ui/announcer.js';
import { h } from '../ui/dom.js';
import { tokenForm } from '../ui/token-form.js';
import { saveSchedules } from './api.js';
import { describeCounts, foundByCounts, latestBoundaries, scheduleOf, suggestedSchedule, withChatSchedule } from './chat-schedules.js';
import { scheduleForm, ZONES_LIST_ID, type ScheduleField, type ScheduleForm } from './schedule-form.js';
import './schedules.css';

const FIELDS: readonly string[] = ['weekday', 'start', 'timeZone', 'minutes'];

/** The browser's zones (UTC is not always among them), for the time zone fields' suggestions. */
function zonesList(): HTMLDataListElement {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return h('datalist', { id: ZONES_LIST_ID }, ...['UTC', ...zones.filter((z) => z !== 'UTC')].map((z) => h('option', { value: z })));
}

export interface SchedulesDialogHooks {
  /** After a schedule is saved or removed and the graph loaded again (other views of the sessions follow). */
  saved?: () => void;
}

export function openSchedulesDialog(app: App, dialog: HTMLDialogElement, hooks: SchedulesDialogHooks = {}): void {
  const { explorer, view } = app;
  const current = () => explorer.get().datasets.find((d) => d.id === view.get().dataset);
  const dataset = current();
  const loaded = explorer.get().loaded;
  if (!dataset || !loaded) return;
  const sessions = () => explorer.get().loaded?.payload.attributes.meta.sessions ?? [];
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const chats = dataset.chats.length ? dataset.chats : loaded.payload.attributes.meta.chats;

  const forms = chats.map((chat, i) =>
    scheduleForm(i, chat, scheduleOf(dataset.schedules, chat) ?? suggestedSchedule(sessions(), chat, here)),
  );
  const showAll = (d: Dataset) =>
    chats.forEach((chat, i) => {
      const stored = scheduleOf(d.schedules, chat);
      // Boundaries in the schedule's zone when there is one, so the two read alike; else in this browser's.
      const zone = stored?.timeZone ?? here;
      const latest = latestBoundaries(sessions(), chat, zone);
      const latestText = latest.length ? `Latest, ${zone} time: ${latest.join('; ')}.` : '';
      forms[i]!.show(stored, describeCounts(foundByCounts(sessions(), chat)), latestText);
    });
  showAll(dataset);

  // Busy, not disabled: disabling the button that has focus would drop focus to <body>.
  const busy = new Set<ScheduleForm>();
  const send = async (form: ScheduleForm, chat: string, schedule: ChatSchedule | undefined) => {
    if (busy.has(form)) return;
    busy.add(form);
    const stored = current() ?? dataset;
    const list = withChatSchedule(stored.schedules, chat, schedule);
    form.clearErrors();
    const token = dialog.querySelector('.token-form');
    // Retried from the token form: focus waits on Save rather than falling to <body> with the form.
    if (token?.contains(document.activeElement)) form.save.focus();
    token?.remove();
    form.status.textContent = schedule ? 'Saving…' : 'Removing…';
    form.element.setAttribute('aria-busy', 'true');
    let notSaved = '';
    try {
      const saved = await saveSchedules(stored.id, list);
      explorer.set({ datasets: explorer.get().datasets.map((d) => (d.id === saved.id ? saved : d)) });
      form.status.textContent = 'Saved; loading the sessions again…';
      app.loading = loadCurrentGraph(app);
      await app.loading;
      showAll(saved);
      hooks.saved?.();
      const counts = describeCounts(foundByCounts(sessions(), chat));
      form.status.textContent = `${schedule ? 'Schedule saved' : 'Schedule removed'}. ${counts}`;
    } catch (error) {
      form.status.textContent = '';
      notSaved = `Not saved: ${error instanceof ApiFailure ? error.message : 'the server could not be reached'}`;
      showError(form, error, list.length - 1, () => void send(form, chat, schedule));
    } finally {
      busy.delete(form);
      form.element.removeAttribute('aria-busy');
    }
    announce(form.status.textContent || notSaved);
  };

  forms.forEach((form, i) => {
    const chat = chats[i]!;
    form.element.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(form, chat, form.read());
    });
    form.remove.addEventListener('click', () => {
      // The button goes once there is nothing to remove: focus waits on Save, not on <body>.
      form.save.focus();
      void send(form, chat, undefined);
    });
  });

  dialog.replaceChildren(
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: 'schedules-title' }, 'Chat schedules'),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => dialog.close() }, '×'),
    ),
    h(
      'p',
      { class: 'schedules-intro muted' },
      'A chat with a schedule has its scheduled hours as its sessions; its other messages count as between sessions and make reply and mention ties only. Without one, sessions are found from bursts, hosts’ question series and quiet around them.',
    ),
    zonesList(),
    ...forms.map((f) => f.element),
  );
  dialog.showModal();
}

/** The server's 400 names the field (`/schedules/<n>/<field>`): its message goes at that field; anything else in one line under the form. */
function showError(form: ScheduleForm, error: unknown, index: number, retry: () => void): void {
  if (!(error instanceof ApiFailure)) return form.error(undefined, 'The server could not be reached; nothing was saved.');
  if (error.status === 401) {
    const token = tokenForm(retry);
    form.status.append(token);
    token.querySelector('input')?.focus();
    return;
  }
  const issues = Array.isArray(error.details) ? (error.details as { path?: unknown; message?: unknown }[]) : [];
  let placed = false;
  for (const issue of issues) {
    const [, list, at, field] = String(issue.path ?? '').split('/');
    if (list === 'schedules' && Number(at) === index && field && FIELDS.includes(field)) {
      form.error(field as ScheduleField, String(issue.message));
      placed = true;
    }
  }
  if (!placed) form.error(undefined, error.message);
}
