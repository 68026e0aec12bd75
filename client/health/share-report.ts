/**
 * "Share this report": a link to a snapshot that freezes a session's report
 * as computed now, beside the session's own graph (POST /api/snapshots with
 * `report`). Pseudonymous by default, as the graph's share: the figures are
 * other people's. A disclosure (details/summary): keyboard and screen
 * readers open it like any other; the link opens the report read-only.
 */
import type { Privacy } from '../../shared/index.js';
import { ApiFailure, createSnapshot } from '../api.js';
import { announce } from '../ui/announcer.js';
import { h } from '../ui/dom.js';
import { tokenForm } from '../ui/token-form.js';

const WORDS: Record<Privacy, string> = {
  pseudonymous: 'People appear as “Participant N”; chats named after someone are renamed.',
  named: 'People appear by name, as here. Anyone with the link can read it.',
};

export function shareReportBox(datasetId: string, sessionId: string): HTMLElement {
  let privacy: Privacy = 'pseudonymous';
  const what = h('p', { id: 'report-share-what', class: 'muted' }, WORDS[privacy]);
  const result = h('div', { id: 'report-share-result', 'aria-live': 'polite' });
  const radios = (['pseudonymous', 'named'] as const).map((value) => {
    const input = h('input', { type: 'radio', name: 'report-privacy', value, id: `report-privacy-${value}`, checked: value === privacy });
    input.addEventListener('change', () => {
      privacy = value;
      what.textContent = WORDS[value];
      result.replaceChildren();
    });
    return h('label', { for: `report-privacy-${value}`, class: 'field' }, input, value === 'named' ? 'Named' : 'Pseudonymous');
  });
  const create = h('button', { type: 'button', id: 'report-share-create', 'aria-describedby': 'report-share-what' }, 'Create link');
  create.addEventListener('click', () => {
    create.disabled = true;
    const chosen = privacy;
    createSnapshot({
      datasetId,
      privacy: chosen,
      options: {},
      view: { colourBy: 'community', sizeBy: 'weightedDegree', hidden: [], mode: 'health' },
      report: { session: sessionId },
    })
      .then((created) => {
        if (chosen !== privacy) return;
        const link = new URL(created.url, location.origin).toString();
        const field = h('input', { type: 'text', readonly: true, value: link, id: 'report-share-link', 'aria-label': 'Report link' });
        const copy = h('button', { type: 'button' }, 'Copy link');
        copy.addEventListener('click', () => {
          navigator.clipboard.writeText(link).then(
            () => announce('Link copied'),
            () => announce('Select the link and copy it'),
          );
        });
        result.replaceChildren(
          h(
            'p',
            { class: 'report-share-link' },
            field,
            ' ',
            copy,
            ' ',
            h('a', { href: created.url, target: '_blank', rel: 'noopener' }, 'Open it'),
          ),
        );
        announce(`${chosen === 'named' ? 'Named' : 'Pseudonymous'} report link created`);
      })
      .catch((e: unknown) => {
        result.textContent = `Could not create the link: ${e instanceof Error ? e.message : String(e)}`;
        if (e instanceof ApiFailure && e.status === 401) result.append(tokenForm(() => create.click()));
      })
      .finally(() => {
        create.disabled = false;
      });
  });
  return h(
    'details',
    { class: 'report-share no-print' },
    h('summary', {}, 'Share this report'),
    h(
      'div',
      { class: 'report-share-body' },
      h('p', {}, 'A link to this report as it stands now, read-only, with the session’s graph.'),
      h('fieldset', {}, h('legend', {}, 'People appear'), ...radios),
      what,
      h('p', {}, create),
      result,
    ),
  );
}
