import { describe, expect, it } from 'vitest';
import { History } from './history.js';

describe('History', () => {
  it('undoes and redoes in order, and a new step drops what was undone', () => {
    const log: string[] = [];
    const h = new History();
    const step = (n: string) => ({ label: n, undo: () => log.push(`-${n}`), redo: () => log.push(`+${n}`) });
    h.push(step('a'));
    h.push(step('b'));
    expect(h.nextUndo).toBe('b');
    expect(h.undo()).toBe(true);
    expect(h.undo()).toBe(true);
    expect(h.undo()).toBe(false);
    expect(h.redo()).toBe(true);
    expect(log).toEqual(['-b', '-a', '+a']);
    h.push(step('c'));
    expect(h.nextRedo).toBeUndefined();
    expect(h.redo()).toBe(false);
  });

  it('keeps at most its depth of steps', () => {
    const h = new History(2);
    for (const n of ['a', 'b', 'c']) h.push({ label: n, undo: () => {}, redo: () => {} });
    expect(h.undo() && h.undo()).toBe(true);
    expect(h.undo()).toBe(false);
  });
});
