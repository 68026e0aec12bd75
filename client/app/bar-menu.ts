/**
 * On a phone (≤600 px, client/style.css) the header is one row: the name, the
 * people finder and a Menu button; the dataset, upload, view, colour, size,
 * share and help controls open from Menu as a panel over the graph, so the
 * graph keeps the screen. Escape, a click outside or opening a dialog closes
 * it. On wider screens the button is not shown and nothing changes.
 */
const OPEN_CLASS = 'bar-menu-open';

export function attachBarMenu(button: HTMLButtonElement, panel: HTMLElement): void {
  const setOpen = (open: boolean) => {
    document.body.classList.toggle(OPEN_CLASS, open);
    button.setAttribute('aria-expanded', String(open));
  };
  const isOpen = () => document.body.classList.contains(OPEN_CLASS);
  button.addEventListener('click', () => {
    setOpen(!isOpen());
    if (isOpen()) panel.querySelector<HTMLElement>('button:not([hidden]), select')?.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    setOpen(false);
    button.focus();
  });
  document.addEventListener('click', (event) => {
    const target = event.target as Node;
    if (isOpen() && !panel.contains(target) && !button.contains(target)) setOpen(false);
  });
  // A control that opens a dialog (upload, share, help) leaves the menu behind it closed.
  panel.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('#upload-button, #share-button, #help-button')) setOpen(false);
  });
}
