/**
 * Undo and redo for what changes the view: a filter, a hide or pin, an expansion or collapse, a
 * layout. Each step knows how to undo and redo itself (a filter swaps view states; an expansion
 * removes and re-adds the entities it brought), so the history holds small deltas, not copies of
 * the graph. A new step after an undo drops the steps that were undone, as editors do.
 */
export interface Step {
  /** What the step did, for the buttons' titles ("Undo: expand neighbours"). */
  label: string;
  undo(): void;
  redo(): void;
}

export const DEFAULTS = { depth: 200 };

export class History {
  private readonly done: Step[] = [];
  private readonly undone: Step[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly depth = DEFAULTS.depth) {}

  /** Records a step already carried out. */
  push(step: Step): void {
    this.done.push(step);
    if (this.done.length > this.depth) this.done.shift();
    this.undone.length = 0;
    this.changed();
  }

  undo(): boolean {
    const step = this.done.pop();
    if (!step) return false;
    step.undo();
    this.undone.push(step);
    this.changed();
    return true;
  }

  redo(): boolean {
    const step = this.undone.pop();
    if (!step) return false;
    step.redo();
    this.done.push(step);
    this.changed();
    return true;
  }

  get nextUndo(): string | undefined {
    return this.done.at(-1)?.label;
  }

  get nextRedo(): string | undefined {
    return this.undone.at(-1)?.label;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
