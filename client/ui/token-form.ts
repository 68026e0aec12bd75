/**
 * Asking for the server's token after a 401: a labelled password field,
 * kept for this tab only; the action that needed it is then tried again.
 */
import { setToken } from '../api.js';
import { h } from './dom.js';

export function tokenForm(retry: () => void): HTMLElement {
  const input = h('input', { type: 'password', id: 'token-input', autocomplete: 'off' });
  const form = h(
    'form',
    { class: 'token-form' },
    h('label', { for: 'token-input' }, 'This server needs its access token: '),
    input,
    ' ',
    h('button', { type: 'submit' }, 'Use token'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    setToken(input.value.trim());
    retry();
  });
  return form;
}
