/** The theme's colours for what is drawn on canvas (labels, halos), read from the CSS tokens (client/style.css). */
export function themeColours(): { text: string; halo: string } {
  const css = getComputedStyle(document.documentElement);
  return { text: css.getPropertyValue('--graph-label').trim() || '#1d1d1f', halo: css.getPropertyValue('--graph-bg').trim() || '#fff' };
}
