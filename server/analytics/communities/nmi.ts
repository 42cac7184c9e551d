/**
 * Normalised mutual information between two labelings of the same items (Danon, Díaz-Guilera, Duch &
 * Arenas 2005): NMI = 2·I(A;B) / (H(A) + H(B)), 1 when the partitions are the same up to renaming,
 * near 0 when they are independent. Two one-block partitions are identical, so their NMI is 1.
 */

export function nmi(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length)
    throw new RangeError(`nmi: labelings differ in length (${a.length} vs ${b.length})`);
  const n = a.length;
  if (n === 0) return 1;
  const countA = new Map<string | number, number>();
  const countB = new Map<string | number, number>();
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
    const key = JSON.stringify([a[i], b[i]]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const entropy = (counts: Map<unknown, number>) => {
    let h = 0;
    for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mutual = 0;
  for (const [key, c] of joint) {
    const [x, y] = JSON.parse(key) as [string | number, string | number];
    mutual += (c / n) * Math.log((c * n) / (countA.get(x)! * countB.get(y)!));
  }
  const ha = entropy(countA);
  const hb = entropy(countB);
  if (ha + hb === 0) return 1;
  return Math.max(0, Math.min(1, (2 * mutual) / (ha + hb)));
}
