/**
 * What a template sees of a row (its fields by name) and what it says about it (entities, links,
 * occurrences). Every key is normalised here, as the row is read, so that a bad value is reported against
 * its row and column instead of against a batch record; a row with any problem contributes nothing.
 */
import type { BatchOccurrence, IngestBatchInput } from '../../domain/batch.js';
import type { KeyContext } from '../../domain/keys.js';
import { normaliseKey } from '../../domain/keys.js';
import type { EntityKind, LinkKind, Scheme } from '../../domain/kinds.js';
import { defaultScheme, LINK_KINDS } from '../../domain/kinds.js';
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
  /** Normalised: what the entity is. */
  key: string;
  /** As the file writes it: what the batch carries (an Aadhaar number's key is a hash that cannot be read back). */
  raw: string;
  /** A number per entity of the import, so that records are merged by number rather than by long strings. */
  n: number;
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
  /** A sighting's IST day: it is kept once per link and day (see RowEmitter.sighting). */
  day?: number;
}

const LINK_INDEX = new Map(LINK_KINDS.map((k, i) => [k, i]));

/** One number per (kind, ends): exact while entity numbers stay below 2^22, a string beyond. */
function linkKey(kind: LinkKind, from: Ref, to: Ref): number | string {
  const k = LINK_INDEX.get(kind)!;
  return from.n < 4_194_304 && to.n < 4_194_304
    ? (from.n * 4_194_304 + to.n) * 32 + k
    : `${k}|${from.n}|${to.n}`;
}

type Cached = Ref | { reason: string };

/**
 * Normalisations of one import, remembered: a CDR names the same few numbers a million times. The map of
 * entity numbers is kept whole (it is what merging relies on); the normalisations are dropped when many.
 */
class KeyCache {
  private readonly bySchemes = new Map<string, Map<string, Cached>>();
  private readonly numbers = new Map<string, number>();
  private size = 0;
  constructor(private readonly keys: KeyContext) {}
  get(kind: EntityKind, scheme: Scheme, raw: string): Cached {
    let map = this.bySchemes.get(scheme);
    if (!map) this.bySchemes.set(scheme, (map = new Map()));
    let r = map.get(raw);
    if (r && (!('kind' in r) || r.kind === kind)) return r;
    if (++this.size > 400_000) {
      for (const m of this.bySchemes.values()) m.clear();
      this.size = 0;
    }
    const k = normaliseKey(scheme, raw, this.keys);
    if (!k.ok) r = { reason: k.reason };
    else {
      const id = `${kind}/${scheme}/${k.key}`;
      let n = this.numbers.get(id);
      if (n === undefined) this.numbers.set(id, (n = this.numbers.size));
      r = { kind, scheme, key: k.key, raw, n };
    }
    map.set(raw, r);
    return r;
  }
}

/** Reasons a normaliser gives for a blank written as a value: the cell says nothing, it is not wrong. */
const SAYS_NOTHING = /empty|placeholder/;

export class RowEmitter {
  private readonly cache: KeyCache;
  private entities: { ref: Ref; props?: Props }[] = [];
  private links: StagedLink[] = [];
  /** Per sighting link, the last day it was kept on: CDR rows come in time order. */
  private readonly lastDay = new Map<number | string, number>();
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
    const r = this.cache.get(kind, s, raw);
    if ('reason' in r) {
      if (optional && SAYS_NOTHING.test(r.reason)) return undefined;
      throw new RowProblem(field, `${JSON.stringify(raw.slice(0, 40))}: ${r.reason}`);
    }
    return r;
  }

  /** Like key, but a value that is not one is simply not this kind of thing (an SMS sender id). */
  tryKey(kind: EntityKind, scheme: Scheme | undefined, raw: string): Ref | undefined {
    const s = scheme ?? defaultScheme(kind);
    if (!s || raw === '') return undefined;
    const r = this.cache.get(kind, s, raw);
    return 'reason' in r ? undefined : r;
  }

  entity(ref: Ref, props?: Props): Ref {
    this.entities.push(props && Object.keys(props).length ? { ref, props } : { ref });
    return ref;
  }

  link(kind: LinkKind, from: Ref, to: Ref, occ?: Occurrence, props?: Props): void {
    const staged: StagedLink = { kind, from, to };
    if (occ) staged.occ = occ;
    if (props) staged.props = props;
    this.links.push(staged);
  }

  /**
   * A handset or cell seen by a row. A CDR restates it on every row, so it is kept as an occurrence once
   * per link and day (the first row of the day, by its row number); the calls keep one occurrence per row.
   * Without this a million-row CDR writes three million occurrences, two of them saying nothing new.
   */
  sighting(kind: LinkKind, from: Ref, to: Ref, atMs: number, at: string): void {
    this.links.push({ kind, from, to, occ: { at }, day: Math.floor((atMs + 19_800_000) / 86_400_000) });
  }

  /** Hands the staged records of a row that mapped without a problem to the chunk, and starts afresh. */
  commit(chunk: ChunkBuilder, row: number): void {
    for (const e of this.entities) chunk.entity(e.ref, row, e.props);
    for (const l of this.links) {
      const key = linkKey(l.kind, l.from, l.to);
      if (l.day !== undefined) {
        if (this.lastDay.get(key) === l.day) l.occ = undefined;
        else this.lastDay.set(key, l.day);
      }
      chunk.entity(l.from, row);
      chunk.entity(l.to, row);
      chunk.link(key, l, row);
    }
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
 * occurrences, as the seed's batch writer does.
 */
export class ChunkBuilder {
  private readonly entities = new Map<
    number,
    { kind: EntityKind; scheme?: string; key: string; ref: string; props?: Props }
  >();
  private readonly links = new Map<number | string, ChunkLink>();
  rows = 0;
  records = 0;

  entity(ref: Ref, row: number, props?: Props): void {
    const known = this.entities.get(ref.n);
    if (known) {
      if (props) known.props = { ...known.props, ...props };
      return;
    }
    this.entities.set(ref.n, {
      ...nameOf(ref),
      ref: `row ${row}`,
      ...(props ? { props: { ...props } } : {}),
    });
    this.records++;
  }

  link(key: number | string, l: StagedLink, row: number): void {
    let rec = this.links.get(key);
    if (!rec) {
      rec = { kind: l.kind, from: nameOf(l.from), to: nameOf(l.to), ref: `row ${row}` };
      if (l.props) rec.props = l.props;
      this.links.set(key, rec);
      this.records++;
    }
    if (l.occ) {
      const occ = l.occ as BatchOccurrence;
      occ.ref = `row ${row}`;
      (rec.occurrences ??= []).push(occ);
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
