/**
 * A bounded memory for pure functions of a context, a group and a string. Looked up by group, then key,
 * so that a caller never builds a combined key string per call (a bulk import looks up millions). When
 * full it is dropped and refilled: that costs a recomputation, never a wrong answer.
 */
export function memoByContext<C extends object, R>(
  limit: number,
  compute: (group: string, key: string, ctx: C) => R,
) {
  type Memo = { size: number; groups: Map<string, Map<string, R>> };
  const memos = new WeakMap<C, Memo>();
  // A bulk import asks millions of times with one context: the last one is kept at hand.
  let lastCtx: C | undefined;
  let lastMemo: Memo | undefined;
  return (group: string, key: string, ctx: C): R => {
    let memo = ctx === lastCtx ? lastMemo : memos.get(ctx);
    if (!memo) memos.set(ctx, (memo = { size: 0, groups: new Map() }));
    lastCtx = ctx;
    lastMemo = memo;
    let known = memo.groups.get(group);
    if (!known) memo.groups.set(group, (known = new Map()));
    let r = known.get(key);
    if (r === undefined) {
      r = compute(group, key, ctx);
      if (memo.size >= limit) {
        memo.groups.clear();
        memo.size = 0;
        memo.groups.set(group, (known = new Map()));
      }
      known.set(key, r);
      memo.size++;
    }
    return r;
  };
}
