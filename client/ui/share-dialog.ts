/**
 * Share: named or pseudonymous, a link to an immutable snapshot, embed code,
 * the picture (PNG) and the data (GEXF, GraphML, CSV, JSON) — with a preview
 * of what others will see before anything is shared.
 */
import type { Privacy, SnapshotInput } from '../../shared/index.js';
import { ApiFailure, createSnapshot } from '../api.js';
import { tokenForm } from './token-form.js';
import { announce } from './announcer.js';
import { h } from './dom.js';

export interface ShareContext {
  datasetId: string;
  input: Omit<SnapshotInput, 'privacy'>;
  query: Record<string, string>;
  people: number;
  downloadPng(): Promise<void>;
}

const EXPORTS: [string, string][] = [['svg', 'Picture (SVG, for slides and print)'], ['gexf', 'GEXF (Gephi)'], ['graphml', 'GraphML (Cytoscape, networkx)'], ['nodes-csv', 'People (CSV)'], ['edges-csv', 'Ties (CSV)'], ['json', 'JSON (graphology)']];

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} copied`);
  } catch {
    announce(`Select the ${what.toLowerCase()} and copy it`);
  }
}

export function openShareDialog(dialog: HTMLDialogElement, ctx: ShareContext): void {
  let privacy: Privacy = 'named';
  const preview = h('p', { id: 'share-preview' });
  const result = h('div', { id: 'share-result', 'aria-live': 'polite' });
  const exports = h('ul', { id: 'share-exports' });
  const describe = () => {
    preview.textContent =
      privacy === 'named'
        ? `Others will see the ${ctx.people} people by name and handle, with their ties, communities, sectors and regions. Bios and messages are never included.`
        : `Others will see ${ctx.people} people as "Participant N", with ties, sectors and regions; communities smaller than 5 are merged into "other". No handle, name, bio or message is included.`;
    const params = new URLSearchParams({ ...ctx.query, privacy });
    exports.replaceChildren(...EXPORTS.map(([format, label]) => {
      params.set('format', format);
      return h('li', {}, h('a', { href: `/api/datasets/${encodeURIComponent(ctx.datasetId)}/export?${params.toString()}`, download: '' }, label));
    }));
  };
  const radios = (['named', 'pseudonymous'] as const).map((value) => {
    const input = h('input', { type: 'radio', name: 'privacy', value, id: `privacy-${value}`, checked: value === privacy });
    input.addEventListener('change', () => {
      privacy = value;
      result.replaceChildren();
      describe();
    });
    return h('label', { for: `privacy-${value}`, class: 'field' }, input, value === 'named' ? 'Named' : 'Pseudonymous');
  });
  const create = h('button', { type: 'button', id: 'share-create' }, 'Create link');
  create.addEventListener('click', () => {
    create.disabled = true;
    createSnapshot({ ...ctx.input, privacy })
      .then((created) => {
        const link = new URL(created.url, location.origin).toString();
        const embed = `<iframe src="${new URL(created.embedUrl, location.origin).toString()}" width="800" height="600" title="Chat Atlas snapshot" loading="lazy"></iframe>`;
        const linkField = h('input', { type: 'text', readonly: true, value: link, id: 'share-link', 'aria-label': 'Snapshot link' });
        const embedField = h('textarea', { readonly: true, rows: 3, id: 'share-embed', 'aria-label': 'Embed code' }, embed);
        result.replaceChildren(
          h('p', {}, h('label', { for: 'share-link' }, 'Link '), linkField, ' ', h('button', { type: 'button', onclick: () => void copy(link, 'Link') }, 'Copy link')),
          h('p', {}, h('label', { for: 'share-embed' }, 'Embed '), embedField, ' ', h('button', { type: 'button', onclick: () => void copy(embed, 'Embed code') }, 'Copy embed code')),
        );
        announce('Snapshot link created');
      })
      .catch((e: unknown) => {
        result.textContent = `Could not create the link: ${e instanceof Error ? e.message : String(e)}`;
        if (e instanceof ApiFailure && e.status === 401) result.append(tokenForm(() => create.click()));
      })
      .finally(() => {
        create.disabled = false;
      });
  });
  describe();
  dialog.replaceChildren(
    h('h2', { id: 'share-title' }, 'Share this view'),
    h('fieldset', {}, h('legend', {}, 'People appear'), ...radios),
    preview,
    h('p', {}, create),
    result,
    h('h3', {}, 'Download'),
    h('p', {}, h('button', { type: 'button', id: 'share-png', onclick: () => void ctx.downloadPng() }, 'Picture (PNG, as shown, with legend)')),
    exports,
    h('p', {}, h('button', { type: 'button', onclick: () => dialog.close() }, 'Close')),
  );
  dialog.setAttribute('aria-labelledby', 'share-title');
  dialog.showModal();
}
