/**
 * A few icons as inline SVG paths (24-unit grid), for controls whose words
 * would not fit: text glyphs such as ⏮ or 👁 need an emoji or symbol font,
 * which many systems (and headless browsers) lack, and show as empty boxes.
 * Always beside a word or under an aria-label; never meaning alone.
 */
const PATHS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  back: 'M6 6h2v12H6zM20 6v12l-10-6z',
  forward: 'M16 6h2v12h-2zM4 6v12l10-6z',
  eye: 'M12 5C6.5 5 2.7 9.1 1.5 12c1.2 2.9 5 7 10.5 7s9.3-4.1 10.5-7C21.3 9.1 17.5 5 12 5zm0 11a4 4 0 110-8 4 4 0 010 8zm0-2.2a1.8 1.8 0 100-3.6 1.8 1.8 0 000 3.6z',
  eyeOff:
    'M2.3 3.7l1.4-1.4 18 18-1.4 1.4-3.1-3.1A11.6 11.6 0 0112 19C6.5 19 2.7 14.9 1.5 12a12.7 12.7 0 014.1-5l-3.3-3.3zM12 5c5.5 0 9.3 4.1 10.5 7a12.9 12.9 0 01-3.2 4.4L16 13.1A4 4 0 0010.9 8L8.6 5.6A11 11 0 0112 5z',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
