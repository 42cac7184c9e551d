/**
 * A template is a declarative map from a provider's columns to CaseGraph's fields (each field with the
 * header spellings it goes by), plus how one row becomes entities, links and occurrences.
 */
import type { DOCUMENT_TYPES } from '../../../domain/batch.js';
import type { DateOrder } from '../dates.js';
import type { RowEmitter, RowView } from '../row-view.js';

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface FieldSpec {
  /** Header spellings, compared with case, spaces and punctuation ignored ("Dur(s)" = "DUR S"). */
  synonyms: readonly string[];
  required?: boolean;
  /** A date column whose day/month order is read from its values (dates.ts detectDateOrder). */
  date?: boolean;
  /** Shown to the user beside the column when the mapping is reviewed. */
  label?: string;
}

export interface MapContext {
  /** Per date field, the order decided for the whole file. */
  dateOrder: Readonly<Record<string, DateOrder>>;
  /** What the lines above the header say of the whole file (a statement's own account). */
  meta: Readonly<Record<string, string>>;
}

export interface Template {
  id: string;
  label: string;
  documentType: DocumentType;
  fields: Readonly<Record<string, FieldSpec>>;
  /** Lines above the header that name this source; they break ties between layouts alike. */
  banner?: RegExp;
  /** A source whose date order is known (an operator's layout) is not left to detection. */
  dateOrder?: DateOrder;
  /** Reads the banner (the lines above the header) for what holds for every row. */
  readBanner?: (lines: readonly string[]) => Record<string, string>;
  /** Keys readBanner (or the user) must supply, each with how to ask for it. */
  needs?: Readonly<Record<string, string>>;
  /** Maps one row; throws RowProblem (row-view.ts) naming the field at fault. */
  map(row: RowView, emit: RowEmitter, ctx: MapContext): void;
}

export function fields<F extends string>(spec: Record<F, FieldSpec>): Record<F, FieldSpec> {
  return spec;
}
