/** Says changes to screen-reader users through one polite live region. */
let timer: ReturnType<typeof setTimeout> | undefined;

export function announce(message: string): void {
  const region = document.querySelector('#announcer');
  if (!region) return;
  // Clearing first makes a repeated message be read again.
  region.textContent = '';
  clearTimeout(timer);
  timer = setTimeout(() => {
    region.textContent = message;
  }, 50);
}
