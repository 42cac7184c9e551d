/**
 * A bounded memory for pure functions of a context and a string. When full it is dropped and refilled:
 * that costs a recomputation, never a wrong answer.
 */
export function memoByContext<C extends object, R>(limit: number, compute: (key: string, ctx: C) => R) {
  const memos = new WeakMap<C, Map<string, R>>();
  return (key: string, ctx: C): R => {
    let memo = memos.get(ctx);
    if (!memo) memos.set(ctx, (memo = new Map()));
    let r = memo.get(key);
    if (r === undefined) {
      r = compute(key, ctx);
      if (memo.size >= limit) memo.clear();
      memo.set(key, r);
    }
    return r;
  };
}
