/** A table that scrolls within its box: focusable and named, so a keyboard can scroll it and a screen reader says what it is. */
import { h } from '../ui/dom.js';

export const scrollBox = (label: string, table: HTMLTableElement, extraClass = '') =>
  h('div', { class: `health-scroll ${extraClass}`.trim(), tabindex: '0', role: 'region', 'aria-label': label }, table);
