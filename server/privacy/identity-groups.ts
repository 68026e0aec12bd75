/**
 * Identity groups: the keys that identity links join into one person
 * (`mastodon:ann@glammr.us` → `twitter:ann`). A flag set on any key of a group
 * holds for all of them, whichever was named and whenever the link was made.
 */
export function identityGroups(links: readonly { alias: string; canonical: string }[]): (key: string) => string[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later look-ups short.
    for (let at = k; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const { alias, canonical } of links) {
    if (!parent.has(alias)) parent.set(alias, alias);
    if (!parent.has(canonical)) parent.set(canonical, canonical);
    const [a, b] = [find(alias), find(canonical)];
    if (a !== b) parent.set(a, b);
  }
  const members = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const root = find(k);
    members.set(root, [...(members.get(root) ?? []), k]);
  }
  return (key) => (parent.has(key) ? members.get(find(key))! : [key]);
}
