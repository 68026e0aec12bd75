/**
 * On a phone or a tablet (≤1100 px, client/style.css) the graph takes the
 * screen and the two side columns open as sheets over its lower part, one
 * at a time. On a wide screen the classes change nothing.
 */
export type Sheet = 'filters' | 'details';

export const isNarrow = () => window.matchMedia('(max-width: 1100px)').matches;

export function openSheet(sheet: Sheet | undefined): void {
  for (const name of ['filters', 'details'] as const) {
    document.body.classList.toggle(`sheet-${name}`, name === sheet);
    document.querySelector(`#open-${name}`)?.setAttribute('aria-expanded', String(name === sheet));
  }
}

export function toggleSheet(sheet: Sheet): void {
  openSheet(document.body.classList.contains(`sheet-${sheet}`) ? undefined : sheet);
}
