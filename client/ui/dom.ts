/**
 * A tiny element builder. Text always goes in as text nodes, never as HTML:
 * names, bios and messages are data from strangers.
 */
type Child = Node | SVGElement | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, '').toLowerCase(), value as EventListener);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const fmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
export const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Where focus was, said so that it can be found again after the panels are
 * drawn anew (a re-render replaces the element that had focus, and focus
 * falls to <body>): its id, else its name and value, else its data-focus key.
 */
export function focusKeyOf(element: Element | null): string | undefined {
  if (!element || element === document.body) return undefined;
  if (element.id) return `#${CSS.escape(element.id)}`;
  const name = element.getAttribute('name');
  if (name) return `[name="${CSS.escape(name)}"][value="${CSS.escape(element.getAttribute('value') ?? '')}"]`;
  const key = element.getAttribute('data-focus');
  return key ? `[data-focus="${CSS.escape(key)}"]` : undefined;
}

/** Runs a re-render and puts focus back on the same control if the re-render took it away. */
export function keepingFocus(render: () => void): void {
  const key = focusKeyOf(document.activeElement);
  render();
  if (!key) return;
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  document.querySelector<HTMLElement>(key)?.focus({ preventScroll: true });
}
