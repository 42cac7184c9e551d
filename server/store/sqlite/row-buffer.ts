/**
 * Rows of one table written several to a statement. better-sqlite3 answers every `run()` with a new
 * `{ changes, lastInsertRowid }` object built through V8's C++ API, which cost the bulk load's writing
 * thread more than binding the row's values (perf: ~1 s of a 100,000-entity load, 0.5 µs a row).
 * Sixteen rows to a statement measured 1.1 µs a row against 1.8 for one (an occurrence-shaped row,
 * appended). Thirty-two: a million occurrence rows into their keyed table took 0.81-0.83 s, against
 * 0.89-0.95 s at sixteen and 1.16 s at eight; sixty-four gained nothing more (2026-11-24).
 * Only for rows whose writer needs no answer per row: a buffered row must be new, and is written with
 * a plain INSERT so that one that is not fails the load instead of vanishing.
 */
import type Database from 'better-sqlite3';

/** An INSERT's table and columns (`INTO t (a, b) VALUES `) and one row's values clause (`(?, ?)`). */
export interface RowShape {
  into: string;
  row: string;
  /** Values bound per row. */
  width: number;
}

export const ROWS_PER_STATEMENT = 32;

export class RowBuffer {
  private readonly values: unknown[];
  private length = 0;
  /** The statement for n rows, made when first needed: the last flush of a batch writes fewer. */
  private readonly statements: (Database.Statement | undefined)[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly shape: RowShape,
  ) {
    this.values = new Array<unknown>(shape.width * ROWS_PER_STATEMENT);
  }

  add(...row: unknown[]): void {
    if (row.length !== this.shape.width)
      throw new Error(`a row needs ${this.shape.width} values, not ${row.length}`);
    const values = this.values;
    let at = this.length;
    for (let i = 0; i < row.length; i++) values[at++] = row[i];
    this.length = at;
    if (at === values.length) this.flush();
  }

  /** Writes what is buffered. */
  flush(): void {
    if (this.length === 0) return;
    const rows = this.length / this.shape.width;
    const statement = (this.statements[rows] ??= this.db.prepare(
      `INSERT ${this.shape.into}${Array<string>(rows).fill(this.shape.row).join(', ')}`,
    ));
    statement.run(...(rows === ROWS_PER_STATEMENT ? this.values : this.values.slice(0, this.length)));
    this.length = 0;
  }
}
