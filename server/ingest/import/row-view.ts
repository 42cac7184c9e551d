/**
 * What a template sees of a row (its fields by name) and what it says about it (entities, links,
 * occurrences). Every key is normalised here, as the row is read, so that a bad value is reported against
 * its row and column instead of against a batch record; a row with any problem contributes nothing.
 */
import type { BatchOccurrence, IngestBatchInput } from '../../domain/batch.js';
import type { KeyContext, KeyResult } from '../../domain/keys.js';
import { normaliseKey } from '../../domain/keys.js';
import type { EntityKind, LinkKind, Scheme } from '../../domain/kinds.js';
import { defaultScheme } from '../../domain/kinds.js';
import type { Props, Scalar } from '../../domain/props.js';

export class RowProblem extends Error {
  override readonly name = 'RowProblem';
  constructor(
    /** The template's field at fault; the import names its column. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class RowView {
  row = 0;
  fields: string[] = [];
  constructor(private readonly index: Readonly<Record<string, number>>) {}

  /** The cell of a field, trimmed, without the ' spreadsheets keep numbers as text with; '' if absent. */
  text(field: string): string {
    const at = this.index[field];
    if (at === undefined) return '';
    const v = this.fields[at];
    if (v === undefined || v === '') return '';
    const t = v.trim();
    return t.charCodeAt(0) === 39 ? t.replace(/^'+|'+$/g, '').trim() : t;
  }

  has(field: string): boolean {
    return this.index[field] !== undefined;
  }

  required(field: string, what: string): string {
    const t = this.text(field);
    if (t === '') throw new RowProblem(field, `${what} is empty`);
    return t;
  }
}

export interface Ref {
  kind: EntityKind;
  scheme: Scheme;
  /** Normalised: what the entity is, for merging records within a chunk. */
  key: string;
  id: string;
  /** As the file writes it: what the batch carries (an Aadhaar number's key is a hash that cannot be read back). */
  raw: string;
}

export interface Occurrence {
  at: string;
  endAt?: string;
  durationS?: number;
  amount?: number;
  txnRef?: string;
}

interface StagedLink {
  kind: LinkKind;
  from: Ref;
  to: Ref;
  occ?: Occurrence;
  props?: Props;
}

/** Normalisations of one import, remembered: a CDR names the same few numbers a million times. */
class KeyCache {
  private readonly map = new Map<string, KeyResult>();
  constructor(private readonly keys: KeyContext) {}
  get(scheme: Scheme, raw: string): KeyResult {
    const k = `${scheme}\u0000${raw}`;
    let r = this.map.get(k);
    if (!r) {
      if (this.map.size > 400_000) this.map.clear();
      r = normaliseKey(scheme, raw, this.keys);
      this.map.set(k, r);
    }
    return r;
  }
}

/** Reasons a normaliser gives for a blank written as a value: the cell says nothing, it is not wrong. */
const SAYS_NOTHING = /empty|placeholder/;

export class RowEmitter {
  private readonly cache: KeyCache;
  private entities: { ref: Ref; props?: Props }[] = [];
  private links: StagedLink[] = [];
  constructor(keys: KeyContext) {
    this.cache = new KeyCache(keys);
  }

  /** Normalises a key; throws RowProblem for a bad one, or returns undefined for a blank one when optional. */
  key(
    kind: EntityKind,
    scheme: Scheme | undefined,
    raw: string,
    field: string,
    optional = false,
  ): Ref | undefined {
    const s = scheme ?? defaultScheme(kind);
    if (!s) throw new RowProblem(field, `a ${kind} needs a scheme`);
    if (raw === '') {
      if (optional) return undefined;
      throw new RowProblem(field, `the ${kind} is empty`);
    }
    const r = this.cache.get(s, raw);
    if (!r.ok) {
      if (optional && SAYS_NOTHING.test(r.reason)) return undefined;
      throw new RowProblem(field, `${JSON.stringify(raw.slice(0, 40))}: ${r.reason}`);
    }
    return { kind, scheme: s, key: r.key, id: `${kind}/${s}/${r.key}`, raw };
  }

  /** Like key, but a value that is not one is simply not this kind of thing (an SMS sender id). */
  tryKey(kind: EntityKind, scheme: Scheme | undefined, raw: string): Ref | undefined {
    const s = scheme ?? defaultScheme(kind);
    if (!s || raw === '') return undefined;
    const r = this.cache.get(s, raw);
    return r.ok ? { kind, scheme: s, key: r.key, id: `${kind}/${s}/${r.key}`, raw } : undefined;
  }

  entity(ref: Ref, props?: Props): Ref {
    this.entities.push(props && Object.keys(props).length ? { ref, props } : { ref });
    return ref;
  }

  link(kind: LinkKind, from: Ref, to: Ref, occ?: Occurrence, props?: Props): void {
    this.entities.push({ ref: from }, { ref: to });
    this.links.push({ kind, from, to, ...(occ ? { occ } : {}), ...(props ? { props } : {}) });
  }

  /** Hands the staged records of a row that mapped without a problem to the chunk, and starts afresh. */
  commit(chunk: ChunkBuilder, row: number): void {
    for (const e of this.entities) chunk.entity(e.ref, row, e.props);
    for (const l of this.links) chunk.link(l, row);
    this.discard();
  }

  discard(): void {
    if (this.entities.length) this.entities = [];
    if (this.links.length) this.links = [];
  }
}

interface ChunkLink {
  kind: LinkKind;
  from: { kind: EntityKind; scheme?: string; key: string };
  to: { kind: EntityKind; scheme?: string; key: string };
  ref: string;
  props?: Props;
  occurrences?: BatchOccurrence[];
}

const nameOf = (r: Ref) =>
  defaultScheme(r.kind) === undefined
    ? { kind: r.kind, scheme: r.scheme, key: r.raw }
    : { kind: r.kind, key: r.raw };

/**
 * The records of a run of rows, as one ingest batch: each entity declared once, each link once with its
 * occurrences, as the seed's batch writer does. Keys are already normalised, so they go in as such.
 */
export class ChunkBuilder {
  private readonly entities = new Map<
    string,
    { kind: EntityKind; scheme?: string; key: string; ref: string; props?: Props }
  >();
  private readonly links = new Map<string, ChunkLink>();
  rows = 0;
  records = 0;

  entity(ref: Ref, row: number, props?: Props): void {
    const known = this.entities.get(ref.id);
    if (known) {
      if (props) known.props = { ...known.props, ...props };
      return;
    }
    this.entities.set(ref.id, {
      ...nameOf(ref),
      ref: `row ${row}`,
      ...(props ? { props: { ...props } } : {}),
    });
    this.records++;
  }

  link(l: StagedLink, row: number): void {
    const id = `${l.kind}|${l.from.id}|${l.to.id}`;
    let rec = this.links.get(id);
    if (!rec) {
      rec = { kind: l.kind, from: nameOf(l.from), to: nameOf(l.to), ref: `row ${row}` };
      if (l.props) rec.props = l.props;
      this.links.set(id, rec);
      this.records++;
    }
    if (l.occ) {
      (rec.occurrences ??= []).push({ ...l.occ, ref: `row ${row}` });
      this.records++;
    }
  }

  build(document: IngestBatchInput['document']): IngestBatchInput {
    return { document, entities: [...this.entities.values()], links: [...this.links.values()] };
  }

  /** For the preview: what the rows so far make, without a document. */
  view(): { entities: unknown[]; links: unknown[] } {
    return { entities: [...this.entities.values()], links: [...this.links.values()] };
  }
}

export function props(entries: Record<string, Scalar | undefined>): Props | undefined {
  const out: Props = {};
  let any = false;
  for (const [k, v] of Object.entries(entries))
    if (v !== undefined && v !== '') {
      out[k] = v;
      any = true;
    }
  return any ? out : undefined;
}
