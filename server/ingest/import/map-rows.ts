/**
 * Rows to batch records through a template: the row's shape is checked against the header (too few
 * fields names the first column missing), blank lines and the operators' footers are passed over, and a
 * row the template cannot read becomes an issue naming its row and column.
 */
import type { Issue } from '../../domain/errors.js';
import type { KeyContext } from '../../domain/keys.js';
import type { CsvRecord } from './csv-reader.js';
import type { DateOrder } from './dates.js';
import type { HeaderFound } from './header.js';
import type { MapContext } from './templates/types.js';
import type { ChunkBuilder } from './row-view.js';
import { RowEmitter, RowProblem, RowView } from './row-view.js';

/** BSNL ends with "*** END OF REPORT ***" and "CDR COUNT : n"; slides print call-type legends at the foot. */
const FOOTER =
  /^\s*(\*{2,}|end of report|cdr count|total records|total\s*:|legends?\b|call type legend|no data found)/i;

export type RowOutcome = { ok: true } | { ok: false; issue: Issue } | { skipped: true };

// Shared: an outcome per row of a million-row file need not be an object each.
const ACCEPTED: RowOutcome = Object.freeze({ ok: true });
const SKIPPED: RowOutcome = Object.freeze({ skipped: true });

export class RowMapper {
  private readonly view: RowView;
  private readonly emit: RowEmitter;
  private readonly width: number;
  private inFooter = false;
  /** The same for every row: made once, not a million times. */
  private readonly ctx: MapContext;

  constructor(
    readonly found: HeaderFound,
    keys: KeyContext,
    dateOrder: Record<string, DateOrder>,
    meta: Record<string, string> = {},
  ) {
    this.ctx = { dateOrder, meta };
    this.view = new RowView(found.columns.index);
    this.emit = new RowEmitter(keys);
    this.width = found.columns.headers.length;
  }

  private issue(row: number, field: string | undefined, message: string): RowOutcome {
    const column =
      field === undefined
        ? undefined
        : (this.found.columns.headers[this.found.columns.index[field] ?? -1] ?? field);
    return {
      ok: false,
      issue: {
        section: 'rows',
        path: column ? `row ${row}.${column}` : `row ${row}`,
        row,
        ...(column ? { column } : {}),
        message,
      },
    };
  }

  map(rec: CsvRecord, chunk: ChunkBuilder): RowOutcome {
    const f = rec.fields;
    // Counted without trimming first: a data row has many filled cells, and only a near-empty one is looked at closely.
    let filled = 0;
    for (let i = 0; i < f.length && filled < 3; i++) if (f[i] !== '') filled++;
    if (filled < 3) {
      filled = 0;
      for (let i = 0; i < f.length; i++) if (f[i]!.trim() !== '') filled++;
    }
    if (filled === 0) return SKIPPED;
    if (this.inFooter || (filled <= 2 && FOOTER.test(f.find((x) => x.trim() !== '') ?? ''))) {
      this.inFooter = true;
      return SKIPPED;
    }
    if (f.length < this.width) {
      const missing = this.found.columns.headers[f.length] ?? `column ${f.length + 1}`;
      return {
        ok: false,
        issue: {
          section: 'rows',
          path: `row ${rec.row}.${missing}`,
          row: rec.row,
          column: missing,
          message: `the row has ${f.length} field(s), the header ${this.width}: no value for "${missing}" and after (a wrong delimiter, or a cut line?)`,
        },
      };
    }
    if (f.length > this.width) {
      let extra = false;
      for (let i = this.width; i < f.length; i++) if (f[i]!.trim() !== '') extra = true;
      if (extra)
        return this.issue(
          rec.row,
          undefined,
          `the row has ${f.length} fields, the header ${this.width}: a delimiter inside a value that is not quoted?`,
        );
    }
    this.view.row = rec.row;
    this.view.fields = f;
    try {
      this.found.template.map(this.view, this.emit, this.ctx);
    } catch (error) {
      this.emit.discard();
      if (!(error instanceof RowProblem)) throw error;
      return this.issue(rec.row, error.field, error.message);
    }
    this.emit.commit(chunk, rec.row);
    chunk.rows++;
    return ACCEPTED;
  }
}
