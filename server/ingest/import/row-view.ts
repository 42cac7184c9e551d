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
import { isoIst } from './dates.js';

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
  /** A Map: looked up a dozen times a row, an object keyed by field names is a slow dictionary. */
  private readonly index: Map<string, number>;
  constructor(index: Readonly<Record<string, number>>) {
    this.index = new Map(Object.entries(index));
  }

  /** The cell of a field, trimmed, without the ' spreadsheets keep numbers as text with; '' if absent. */
  text(field: string): string {
    const at = this.index.get(field);
    if (at === undefined) return '';
    const v = this.fields[at];
    if (v === undefined || v === '') return '';
    const t = v.trim();
    if (t.charCodeAt(0) !== 39) return t;
    let a = 1;
    let b = t.length;
    while (a < b && t.charCodeAt(a) === 39) a++;
    while (b > a && t.charCodeAt(b - 1) === 39) b--;
    return t.slice(a, b).trim();
  }

  has(field: string): boolean {
    return this.index.has(field);
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
  /** What the normaliser made of `raw`, as an ingest of the chunk's batch would: how it reads, what it adds. */
  display: string;
  keyProps?: Props;
  /** Its id, worked out when a chunk is first prepared with it. */
  id?: string;
  /** The chunk whose entities already list it: saves a lookup on most of a CDR's mentions. */
  listedIn?: ChunkBuilder;
}

/** When an occurrence happened, as an instant (see `instant`) or as ISO text; one of the two is given. */
export interface Occurrence {
  at?: string;
  atMs?: number;
  endAt?: string;
  durationS?: number;
  amount?: number;
  txnRef?: string;
}

/**
 * An instant of a row in whole ms, kept as a number: a million rows need not write their times out as
 * text. A fraction of a ms (an Excel time) goes as text, which is what an ingest of the batch would read.
 */
export function instant(ms: number): { atMs: number } | { at: string } {
  return Number.isInteger(ms) ? { atMs: ms } : { at: isoIst(ms) };
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

/**
 * One link of the import (a kind between two entities, whatever their spelling), the same object on every
 * row that names it: a chunk gathers its rows' records under it, and its id is worked out once.
 */
export interface LinkSlot {
  /** The last IST day a sighting on it was kept. */
  lastDay: number;
  id?: string;
}

const LINK_INDEX = new Map(LINK_KINDS.map((k, i) => [k, i]));

/** A spelling that is no key of its scheme, whatever kind asked: `kind` is there to be compared cheaply. */
interface Refused {
  kind: undefined;
  reason: string;
}
type Cached = Ref | Refused;

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
    if (r !== undefined && (r.kind === undefined || r.kind === kind)) return r;
    if (++this.size > 400_000) {
      for (const m of this.bySchemes.values()) m.clear();
      this.size = 0;
    }
    const k = normaliseKey(scheme, raw, this.keys);
    if (!k.ok) r = { kind: undefined, reason: k.reason };
    else {
      const id = `${kind}/${scheme}/${k.key}`;
      let n = this.numbers.get(id);
      if (n === undefined) this.numbers.set(id, (n = this.numbers.size));
      r = { kind, scheme, key: k.key, raw, n, display: k.display };
      if (k.props) r.keyProps = k.props;
    }
    map.set(raw, r);
    return r;
  }
}

/** Reasons a normaliser gives for a blank written as a value: the cell says nothing, it is not wrong. */
const SAYS_NOTHING = /empty|placeholder/;

export class RowEmitter {
  private readonly cache: KeyCache;
  private readonly entities: { ref: Ref; props?: Props }[] = [];
  private readonly links: StagedLink[] = [];
  /** Per sighting link, the last day it was kept on: CDR rows come in time order. */
  private readonly slots = new Map<number, Map<number, LinkSlot>>();
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
    if (r.kind === undefined) {
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
    return r.kind === undefined ? undefined : r;
  }

  entity(ref: Ref, props?: Props): Ref {
    this.entities.push(props && hasAny(props) ? { ref, props } : { ref });
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
  sighting(kind: LinkKind, from: Ref, to: Ref, atMs: number): void {
    this.links.push({
      kind,
      from,
      to,
      occ: instant(atMs),
      day: Math.floor((atMs + 19_800_000) / 86_400_000),
    });
  }

  /** Keyed by numbers small enough to stay unboxed: a lookup per link of every row allocates nothing. */
  private slot(l: StagedLink): LinkSlot {
    let byTo = this.slots.get(l.from.n);
    if (!byTo) this.slots.set(l.from.n, (byTo = new Map()));
    const k = l.to.n * 32 + LINK_INDEX.get(l.kind)!;
    let slot = byTo.get(k);
    if (!slot) byTo.set(k, (slot = { lastDay: NaN }));
    return slot;
  }

  /** Hands the staged records of a row that mapped without a problem to the chunk, and starts afresh. */
  commit(chunk: ChunkBuilder, row: number): void {
    for (const e of this.entities) chunk.entity(e.ref, row, e.props);
    let rowRef: string | undefined;
    for (const l of this.links) {
      const slot = this.slot(l);
      if (l.day !== undefined) {
        if (slot.lastDay === l.day) l.occ = undefined;
        else slot.lastDay = l.day;
      }
      chunk.entity(l.from, row);
      chunk.entity(l.to, row);
      if (l.occ) (l.occ as Occurrence & { ref: string }).ref = rowRef ??= `row ${row}`;
      chunk.link(slot, l, row);
    }
    this.discard();
  }

  /** The staged lists are emptied, not replaced: a new pair of arrays per row is garbage a million times. */
  discard(): void {
    this.entities.length = 0;
    this.links.length = 0;
  }
}

/** A link of a chunk, as the first of its rows named it, with the occurrences of all its rows. */
export interface ChunkLink {
  kind: LinkKind;
  from: Ref;
  to: Ref;
  row: number;
  props?: Props;
  occurrences?: (Occurrence & { ref: string })[];
}

/** An entity of a chunk, under the spelling of the first row that named it. */
export interface ChunkEntity {
  ref: Ref;
  row: number;
  props?: Props;
  /** The props object merged last: a CDR restates one cell's position on every row. */
  lastProps?: Props;
}

type PublicLink = NonNullable<IngestBatchInput['links']>[number];
type PublicEntity = NonNullable<IngestBatchInput['entities']>[number];

const nameOf = (r: Ref) =>
  defaultScheme(r.kind) === undefined
    ? { kind: r.kind, scheme: r.scheme, key: r.raw }
    : { kind: r.kind, key: r.raw };

const publicOccurrence = (o: Occurrence & { ref: string }): BatchOccurrence => {
  const out: BatchOccurrence = { at: o.at ?? isoIst(o.atMs!) };
  if (o.endAt !== undefined) out.endAt = o.endAt;
  if (o.durationS !== undefined) out.durationS = o.durationS;
  if (o.amount !== undefined) out.amount = o.amount;
  if (o.txnRef !== undefined) out.txnRef = o.txnRef;
  out.ref = o.ref;
  return out;
};

/**
 * The records of a run of rows, as one ingest batch: each entity declared once, each link once with its
 * occurrences, as the seed's batch writer does. prepare-chunk.ts turns it straight into what a store
 * writes; build() gives the batch an ingest would read, for the preview and for the rare chunk the
 * direct way declines.
 */
export class ChunkBuilder {
  readonly entities = new Map<number, ChunkEntity>();
  readonly links = new Map<LinkSlot, ChunkLink>();
  rows = 0;
  records = 0;

  entity(ref: Ref, row: number, props?: Props): void {
    if (!props && ref.listedIn === this) return;
    const known = this.entities.get(ref.n);
    if (known) {
      if (props && props !== known.lastProps) {
        known.props = { ...known.props, ...props };
        known.lastProps = props;
      }
      return;
    }
    const e: ChunkEntity = { ref, row };
    if (props) {
      e.props = { ...props };
      e.lastProps = props;
    }
    this.entities.set(ref.n, e);
    ref.listedIn = this;
    this.records++;
  }

  link(slot: LinkSlot, l: StagedLink, row: number): void {
    let rec = this.links.get(slot);
    if (!rec) {
      rec = { kind: l.kind, from: l.from, to: l.to, row };
      if (l.props) rec.props = l.props;
      this.links.set(slot, rec);
      this.records++;
    }
    if (l.occ) {
      (rec.occurrences ??= []).push(l.occ as Occurrence & { ref: string });
      this.records++;
    }
  }

  build(document: IngestBatchInput['document']): IngestBatchInput {
    return { document, ...this.view() };
  }

  /** For the preview: what the rows so far make, without a document. */
  view(): { entities: PublicEntity[]; links: PublicLink[] } {
    const entities = [...this.entities.values()].map((e) => ({
      ...nameOf(e.ref),
      ref: `row ${e.row}`,
      ...(e.props ? { props: e.props } : {}),
    }));
    const links = [...this.links.values()].map((l) => {
      const rec: PublicLink = { kind: l.kind, from: nameOf(l.from), to: nameOf(l.to), ref: `row ${l.row}` };
      if (l.props) rec.props = l.props;
      if (l.occurrences) rec.occurrences = l.occurrences.map(publicOccurrence);
      return rec;
    });
    return { entities, links };
  }
}

function hasAny(props: Props): boolean {
  for (const _ in props) return true;
  return false;
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
