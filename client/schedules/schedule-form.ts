/**
 * One chat's part of the Chat schedules dialog: how its sessions are found
 * now, and a form to give its schedule (weekday, local start, IANA time zone,
 * length) or remove it. Every field is labelled and has a line of its own for
 * the server's word on it; the form itself does not save (the dialog does).
 */
import { WEEKDAYS, type ChatSchedule } from '../../shared/index.js';
import { h } from '../ui/dom.js';

/** The datalist of the browser's IANA zones, shared by every chat's time zone field. */
export const ZONES_LIST_ID = 'schedule-zones';

export type ScheduleField = 'weekday' | 'start' | 'timeZone' | 'minutes';

export interface ScheduleForm {
  element: HTMLElement;
  /** The schedule as typed (checked by the server, not here). */
  read(): ChatSchedule;
  /** Shows the stored schedule (or none), how the chat's sessions are found, and its latest sessions' boundaries. */
  show(stored: ChatSchedule | undefined, counts: string, latest: string): void;
  /** One plain line at the field (or under the form), cleared by `clearErrors`. */
  error(field: ScheduleField | undefined, message: string): void;
  clearErrors(): void;
  status: HTMLElement;
  save: HTMLButtonElement;
  remove: HTMLButtonElement;
}

const weekdayName = (d: string) => d[0]!.toUpperCase() + d.slice(1);

export function describeSchedule(s: ChatSchedule): string {
  return `${weekdayName(s.weekday)}s ${s.start} ${s.timeZone}, ${s.minutes} minutes`;
}

export function scheduleForm(index: number, chat: string, initial: ChatSchedule): ScheduleForm {
  const id = (part: string) => `schedule-${index}-${part}`;
  const errors = new Map<ScheduleField | undefined, HTMLElement>();
  const inputs = {
    weekday: h('select', { id: id('weekday') }, ...WEEKDAYS.map((d) => h('option', { value: d }, weekdayName(d)))),
    start: h('input', {
      type: 'text',
      id: id('start'),
      inputmode: 'numeric',
      placeholder: '21:00',
      autocomplete: 'off',
      required: true,
      size: 6,
    }),
    timeZone: h('input', {
      type: 'text',
      id: id('timeZone'),
      list: ZONES_LIST_ID,
      autocomplete: 'off',
      required: true,
      spellcheck: 'false',
    }),
    minutes: h('input', { type: 'number', id: id('minutes'), min: 1, max: 24 * 60, step: 1, required: true }),
  };
  const field = (name: ScheduleField, label: string, hint?: string) => {
    const message = h('span', { id: id(`${name}-error`), class: 'schedule-error', hidden: true });
    errors.set(name, message);
    const input = inputs[name];
    // The error line is always named, empty until the server says something about this field.
    input.setAttribute('aria-describedby', [hint ? id(`${name}-hint`) : '', message.id].join(' ').trim());
    return h(
      'div',
      { class: 'schedule-field' },
      h('label', { for: input.id }, label),
      input,
      hint ? h('span', { id: id(`${name}-hint`), class: 'hint muted' }, hint) : '',
      message,
    );
  };
  const counts = h('p', { id: id('counts'), class: 'schedule-counts' });
  const latestLine = h('p', { id: id('latest'), class: 'schedule-latest muted' });
  const current = h('p', { id: id('current'), class: 'schedule-current muted' });
  const status = h('p', { id: id('status'), class: 'schedule-status' });
  const formError = h('p', { id: id('form-error'), class: 'schedule-error', hidden: true });
  errors.set(undefined, formError);
  const save = h('button', { type: 'submit', id: id('save'), class: 'primary' }, 'Save schedule');
  const remove = h('button', { type: 'button', id: id('remove') }, 'Remove schedule');
  const titleId = id('title');
  const form = h(
    'form',
    { class: 'schedule-form', 'aria-labelledby': titleId, novalidate: true },
    h(
      'div',
      { class: 'schedule-grid' },
      field('weekday', 'Weekday'),
      field('start', 'Starts at', 'Local time, 24-hour'),
      field('timeZone', 'Time zone', 'IANA name, e.g. America/New_York'),
      field('minutes', 'Minutes'),
    ),
    formError,
    h('p', { class: 'schedule-actions' }, save, ' ', remove),
  );
  const element = h(
    'section',
    { class: 'schedule-chat', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, chat),
    counts,
    latestLine,
    current,
    form,
    status,
  );

  const fill = (s: ChatSchedule) => {
    inputs.weekday.value = s.weekday;
    inputs.start.value = s.start;
    inputs.timeZone.value = s.timeZone;
    inputs.minutes.value = String(s.minutes);
  };
  fill(initial);

  const clearErrors = () => {
    for (const [name, message] of errors) {
      message.hidden = true;
      message.textContent = '';
      if (name) inputs[name].removeAttribute('aria-invalid');
    }
  };

  return {
    element,
    status,
    save,
    remove,
    read: () => ({
      chat,
      weekday: inputs.weekday.value as ChatSchedule['weekday'],
      start: inputs.start.value.trim(),
      timeZone: inputs.timeZone.value.trim(),
      minutes: Number(inputs.minutes.value),
    }),
    show(stored, countsText, latest) {
      counts.textContent = countsText;
      latestLine.textContent = latest;
      latestLine.hidden = !latest;
      current.textContent = stored
        ? `Schedule: ${describeSchedule(stored)}.`
        : 'No schedule: its sessions are found from bursts, question series and quiet around them.';
      remove.hidden = !stored;
      if (stored) fill(stored);
    },
    error(name, text) {
      const message = errors.get(name)!;
      message.textContent = text;
      message.hidden = false;
      if (name) inputs[name].setAttribute('aria-invalid', 'true');
    },
    clearErrors,
  };
}
