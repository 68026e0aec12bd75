/**
 * Share: pseudonymous (the default: the content is other people's words) or
 * named, a link to an immutable snapshot, embed code, the picture (PNG) and
 * the data (SVG, GEXF, GraphML, CSV, JSON) — each with what it will show,
 * in the chosen mode, before anything leaves the tool.
 */
import type { Privacy, SnapshotInput } from '../../shared/index.js';
import { ApiFailure, createSnapshot } from '../api.js';
import { downloadBlob } from '../sigma/export-png.js';
import { pseudonymousPicture, type PictureAppearance } from '../sigma/pseudonymous-picture.js';
import { tokenForm } from './token-form.js';
import { announce } from './announcer.js';
import { h } from './dom.js';
import { DOWNLOADS, linkWords, PNG_LABEL } from './share-words.js';

export interface ShareContext {
  datasetId: string;
  input: Omit<SnapshotInput, 'privacy'>;
  query: Record<string, string>;
  people: number;
  /** How the page draws people: the pseudonymous picture draws its own graph the same way. */
  appearance: PictureAppearance;
  /** The named picture: the page's view as shown. */
  downloadPng(): Promise<void>;
}

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} copied`);
  } catch {
    announce(`Select the ${what.toLowerCase()} and copy it`);
  }
}

export function openShareDialog(dialog: HTMLDialogElement, ctx: ShareContext): void {
  let privacy: Privacy = 'pseudonymous';
  let drawing = false;
  const preview = h('p', { id: 'share-preview', class: 'share-what' });
  const result = h('div', { id: 'share-result', 'aria-live': 'polite' });
  const downloads = h('ul', { id: 'share-downloads' });
  const downloadStatus = h('p', { id: 'share-download-status', 'aria-live': 'polite' });
  // The picture is made by the page: named, the view as shown; pseudonymous, only from the pseudonymous payload.
  const setDrawing = (on: boolean) => {
    drawing = on;
    const button = downloads.querySelector<HTMLButtonElement>('#share-png');
    if (button) button.disabled = on;
  };
  const downloadPng = async (chosen: Privacy) => {
    setDrawing(true);
    downloadStatus.textContent = chosen === 'pseudonymous' ? 'Drawing the pseudonymous picture…' : '';
    try {
      if (chosen === 'named') await ctx.downloadPng();
      else downloadBlob(await pseudonymousPicture(ctx.datasetId, ctx.query, ctx.appearance), 'chat-atlas-view-pseudonymous.png');
      downloadStatus.textContent = '';
      announce('Picture downloaded');
    } catch (e) {
      downloadStatus.textContent = `Could not make the picture: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      setDrawing(false);
    }
  };
  const describe = () => {
    preview.textContent = linkWords(privacy, ctx.people);
    const chosen = privacy;
    const params = new URLSearchParams({ ...ctx.query, privacy });
    const href = (format: string) => (
      params.set('format', format),
      `/api/datasets/${encodeURIComponent(ctx.datasetId)}/export?${params.toString()}`
    );
    downloads.replaceChildren(
      ...DOWNLOADS.map((d, row) => {
        const describedBy = `share-what-${row}`;
        const what = h('span', { class: 'share-what', id: describedBy }, d.what[privacy]);
        if (d.kind === 'png') {
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                id: 'share-png',
                disabled: drawing,
                'aria-describedby': describedBy,
                onclick: () => void downloadPng(chosen),
              },
              PNG_LABEL[privacy],
            ),
            what,
          );
        }
        const links = d.formats.flatMap(({ format, label }, i) => [
          i > 0 ? ' · ' : '',
          h('a', { href: href(format), download: '', 'aria-describedby': describedBy }, label),
        ]);
        return h('li', {}, h('span', {}, ...links), what);
      }),
    );
  };
  const radios = (['pseudonymous', 'named'] as const).map((value) => {
    const input = h('input', { type: 'radio', name: 'privacy', value, id: `privacy-${value}`, checked: value === privacy });
    input.addEventListener('change', () => {
      privacy = value;
      result.replaceChildren();
      describe();
    });
    return h('label', { for: `privacy-${value}`, class: 'field' }, input, value === 'named' ? 'Named' : 'Pseudonymous');
  });
  const create = h('button', { type: 'button', id: 'share-create', 'aria-describedby': 'share-preview' }, 'Create link');
  create.addEventListener('click', () => {
    create.disabled = true;
    const chosen = privacy;
    createSnapshot({ ...ctx.input, privacy: chosen })
      .then((created) => {
        // A link made in one mode is never shown under the other mode's words.
        if (chosen !== privacy) return;
        const link = new URL(created.url, location.origin).toString();
        const embed = `<iframe src="${new URL(created.embedUrl, location.origin).toString()}" width="800" height="600" title="Chat Atlas snapshot" loading="lazy"></iframe>`;
        const linkField = h('input', { type: 'text', readonly: true, value: link, id: 'share-link', 'aria-label': 'Snapshot link' });
        const embedField = h('textarea', { readonly: true, rows: 3, id: 'share-embed', 'aria-label': 'Embed code' }, embed);
        result.replaceChildren(
          h(
            'p',
            {},
            h('label', { for: 'share-link' }, 'Link '),
            linkField,
            ' ',
            h('button', { type: 'button', onclick: () => void copy(link, 'Link') }, 'Copy link'),
          ),
          h(
            'p',
            {},
            h('label', { for: 'share-embed' }, 'Embed '),
            embedField,
            ' ',
            h('button', { type: 'button', onclick: () => void copy(embed, 'Embed code') }, 'Copy embed code'),
          ),
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
    h('p', {}, create),
    preview,
    result,
    h('h3', {}, 'Download'),
    downloads,
    downloadStatus,
    h('p', {}, h('button', { type: 'button', onclick: () => dialog.close() }, 'Close')),
  );
  dialog.setAttribute('aria-labelledby', 'share-title');
  dialog.showModal();
}
