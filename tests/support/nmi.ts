/**
 * Normalized mutual information between two partitions of the same items
 * (Danon et al. 2005), NMI = 2·I(X;Y) / (H(X) + H(Y)): 1 for identical
 * partitions, 0 for independent ones.
 */
export function nmi(a: ReadonlyMap<string, string | number>, b: ReadonlyMap<string, string | number>): number {
  const keys = [...a.keys()].filter((k) => b.has(k));
  const n = keys.length;
  if (n === 0) return 0;
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const k of keys) {
    const x = String(a.get(k));
    const y = String(b.get(k));
    count(ca, x);
    count(cb, y);
    count(joint, `${x}\u0000${y}`);
  }
  const entropy = (m: Map<string, number>) => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [xy, c] of joint) {
    const [x, y] = xy.split('\u0000') as [string, string];
    mutual += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  }
  const h = entropy(ca) + entropy(cb);
  return h === 0 ? 1 : (2 * mutual) / h;
}
