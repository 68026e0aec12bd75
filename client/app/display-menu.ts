/**
 * The header's Display button (disclosure pattern): colour by, size by and
 * Refine layout open from it as a panel under the button, so the header
 * keeps one row on a laptop. Escape (focus back on the button) or a click
 * outside closes it; a choice leaves it open to try another. On a phone the
 * button is not shown and the controls sit in the Menu panel (style.css).
 */
export function attachDisplayMenu(button: HTMLButtonElement, panel: HTMLElement): void {
  const menu = button.parentElement!;
  const setOpen = (open: boolean) => {
    menu.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  const isOpen = () => menu.classList.contains('open');
  button.addEventListener('click', () => {
    setOpen(!isOpen());
    if (isOpen()) panel.querySelector<HTMLElement>('select, button')?.focus();
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    // Escape closes this panel only, not the phone's Menu or a dialog behind it.
    event.stopPropagation();
    setOpen(false);
    button.focus();
  });
  document.addEventListener('click', (event) => {
    if (isOpen() && !menu.contains(event.target as Node)) setOpen(false);
  });
  // Tabbing past the panel's last control closes it, so it never hides what focus moves to.
  menu.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (isOpen() && next && !menu.contains(next)) setOpen(false);
  });
}
