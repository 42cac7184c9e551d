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
import { hasProps, type Props, type Scalar } from '../../domain/props.js';
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
    // Most cells begin and end in printable ASCII, which is never blank: nothing to trim or unquote.
    const a0 = v.charCodeAt(0);
    const z0 = v.charCodeAt(v.length - 1);
    if (a0 > 32 && a0 < 127 && a0 !== 39 && z0 > 32 && z0 < 127) return v;
    // A number or date kept as text ('9810046398, '01/01/2025'): one quote at the start, perhaps one at
    // the end, printable ASCII inside them; cut at once instead of trimmed, unquoted and trimmed again.
    const n = v.length;
    if (a0 === 39 && n > 2 && z0 > 32 && z0 < 127) {
      const b = z0 === 39 ? n - 1 : n;
      const a1 = v.charCodeAt(1);
      const y = v.charCodeAt(b - 1);
      if (a1 > 32 && a1 < 127 && a1 !== 39 && y > 32 && y < 127 && y !== 39) return v.slice(1, b);
    }
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
  /** The chunk (its serial) whose entities already list it: saves a lookup on most of a CDR's mentions. */
  listedIn?: number;
  /** The link into it looked up last, by its start and kind (see RowEmitter.slot). */
  lastSlotKey?: number;
  lastSlot?: LinkSlot;
  /** The links out of it, by far end and kind (see RowEmitter.slot). */
  out?: Map<number, LinkSlot>;
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
export function instant(ms: number, durationS?: number): Occurrence {
  // One shape, written out whole, its row's ref included (RowEmitter.commit fills it in): an object given
  // a property after it is made changes shape, and a million of them read slower everywhere.
  const whole = Number.isInteger(ms);
  const occ: Occurrence & { ref: string } = {
    at: whole ? undefined : isoIst(ms),
    atMs: whole ? ms : undefined,
    durationS,
    ref: '',
  };
  return occ;
}

/**
 * One link of the import (a kind between two entities, whatever their spelling), the same object on every
 * row that names it: a chunk gathers its rows' records under it, and its id is worked out once.
 */
export interface LinkSlot {
  /** The last IST day a sighting on it was kept. */
  lastDay: number;
  id?: string;
  /** Its record in the chunk being built, so that a row finds it without a lookup. */
  chunk?: ChunkBuilder;
  record?: ChunkLink;
}

const LINK_INDEX = new Map(LINK_KINDS.map((k, i) => [k, i]));

/** A spelling that is no key of its scheme, whatever kind asked: `kind` is there to be compared cheaply. */
interface Refused {
  kind: undefined;
  raw: string;
  reason: string;
}

/**
 * A string that shares no memory with the text it was cut from. Joining makes the engine copy it into a
 * string of its own (code unit for code unit, unlike a round trip through UTF-8); a short one is a copy already.
 */
const own = (s: string): string => (s.length < 13 ? s : `${s}\u0000`.slice(0, -1));
type Cached = Ref | Refused;
const TABLE = 8192;

/**
 * Normalisations of one import, remembered: a CDR names the same few numbers a million times. The map of
 * entity numbers is kept whole (it is what merging relies on); the normalisations are dropped when many.
 */
class KeyCache {
  private readonly bySchemes = new Map<string, Map<string, Cached>>();
  private readonly numbers = new Map<string, number>();
  private size = 0;
  /**
   * The last answer per field: a CDR names its target and handset on every row. Kept per field, not as
   * the last few answers of all: the contact and the cell, new on nearly every row, pushed the target and
   * the handset out of a shared list, and most lookups went to the map.
   */
  private readonly last = new Map<string, Ref>();
  private readonly table: (Ref | undefined)[] = new Array<Ref | undefined>(TABLE).fill(undefined);
  constructor(private readonly keys: KeyContext) {}
  get(kind: EntityKind, scheme: Scheme, raw: string, field: string): Cached {
    const c = this.last.get(field);
    if (c !== undefined && c.raw === raw && c.kind === kind && c.scheme === scheme) return c;
    // Then a table by a hash worked out here: the map would hash the text of a cell it has never seen
    // (each row's cells are new strings), which costs more than this.
    const n = raw.length;
    let h = n;
    for (let i = n > 8 ? n - 8 : 0; i < n; i++) h = (Math.imul(h, 31) + raw.charCodeAt(i)) | 0;
    const at = (h ^ (h >>> 12)) & (TABLE - 1);
    const t = this.table[at];
    if (t !== undefined && t.raw === raw && t.kind === kind && t.scheme === scheme) {
      this.last.set(field, t);
      return t;
    }
    const r = this.lookUp(kind, scheme, raw);
    if (r.kind !== undefined) {
      this.last.set(field, r);
      this.table[at] = r;
    }
    return r;
  }

  private lookUp(kind: EntityKind, scheme: Scheme, raw: string): Cached {
    let map = this.bySchemes.get(scheme);
    if (!map) this.bySchemes.set(scheme, (map = new Map()));
    let r = map.get(raw);
    if (r !== undefined && (r.kind === undefined || r.kind === kind)) return r;
    if (++this.size > 400_000) {
      for (const m of this.bySchemes.values()) m.clear();
      this.table.fill(undefined);
      this.last.clear();
      this.size = 0;
    }
    // Kept as a copy of its own: the cell is a slice of the text read around it, which it would keep alive.
    raw = own(raw);
    const k = normaliseKey(scheme, raw, this.keys);
    if (!k.ok) r = { kind: undefined, raw, reason: k.reason };
    else {
      const id = `${kind}/${scheme}/${k.key}`;
      let n = this.numbers.get(id);
      if (n === undefined) this.numbers.set(id, (n = this.numbers.size));
      // Every field there from the start: a Ref given one later changes shape, and each of the dozen
      // places a row reads one would see several.
      r = {
        kind,
        scheme,
        key: k.key,
        raw,
        n,
        display: k.display,
        keyProps: k.props,
        id: undefined,
        listedIn: 0,
        lastSlotKey: -1,
        lastSlot: undefined,
        out: undefined,
      };
    }
    map.set(raw, r);
    return r;
  }
}

/** Reasons a normaliser gives for a blank written as a value: the cell says nothing, it is not wrong. */
const SAYS_NOTHING = /empty|placeholder/;

export class RowEmitter {
  private readonly cache: KeyCache;
  // What a row says, staged until it is known to map without a problem: parallel lists, emptied and
  // refilled row after row, so that staging allocates nothing.
  private entityCount = 0;
  private readonly entityRefs: Ref[] = [];
  private readonly entityProps: (Props | undefined)[] = [];
  private linkCount = 0;
  private readonly linkKinds: LinkKind[] = [];
  private readonly linkFrom: Ref[] = [];
  private readonly linkTo: Ref[] = [];
  private readonly linkOcc: (Occurrence | undefined)[] = [];
  private readonly linkProps: (Props | undefined)[] = [];
  /** A sighting's instant (see sighting), NaN for any other link. */
  private readonly linkSeenAt: number[] = [];
  /** Per link of the import, by the number of its start: CDR rows come in time order, and a sighting is kept once a day. */
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
    const r = this.cache.get(kind, s, raw, field);
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
    // Remembered under its kind: a template asks this of one column.
    const r = this.cache.get(kind, s, raw, kind);
    return r.kind === undefined ? undefined : r;
  }

  entity(ref: Ref, props?: Props): Ref {
    const i = this.entityCount++;
    this.entityRefs[i] = ref;
    this.entityProps[i] = props && hasProps(props) ? props : undefined;
    return ref;
  }

  link(kind: LinkKind, from: Ref, to: Ref, occ?: Occurrence, props?: Props): void {
    this.stage(kind, from, to, occ, props, NaN);
  }

  /**
   * A handset or cell seen by a row. A CDR restates it on every row, so it is kept as an occurrence once
   * per link and day (the first row of the day, by its row number); the calls keep one occurrence per row.
   * Without this a million-row CDR writes three million occurrences, two of them saying nothing new.
   */
  sighting(kind: LinkKind, from: Ref, to: Ref, atMs: number): void {
    this.stage(kind, from, to, undefined, undefined, atMs);
  }

  private stage(
    kind: LinkKind,
    from: Ref,
    to: Ref,
    occ: Occurrence | undefined,
    props: Props | undefined,
    seenAt: number,
  ): void {
    const i = this.linkCount++;
    this.linkKinds[i] = kind;
    this.linkFrom[i] = from;
    this.linkTo[i] = to;
    this.linkOcc[i] = occ;
    this.linkProps[i] = props;
    this.linkSeenAt[i] = seenAt;
  }

  private outOf(n: number): Map<number, LinkSlot> {
    let out = this.slots.get(n);
    if (!out) this.slots.set(n, (out = new Map()));
    return out;
  }

  /** Keyed by numbers small enough to stay unboxed: a lookup per link of every row allocates nothing. */
  private slot(kind: LinkKind, from: Ref, to: Ref): LinkSlot {
    // Asked of the far end, which a CDR's cell or handset only ever reaches from the target.
    const back = from.n * 32 + LINK_INDEX.get(kind)!;
    if (to.lastSlotKey === back) return to.lastSlot!;
    // Held by the entity's number, which outlives its Ref (the key cache lets Refs go when it grows large).
    const out = (from.out ??= this.outOf(from.n));
    const k = to.n * 32 + LINK_INDEX.get(kind)!;
    let slot = out.get(k);
    if (!slot) out.set(k, (slot = { lastDay: NaN, id: undefined, chunk: undefined, record: undefined }));
    to.lastSlotKey = back;
    to.lastSlot = slot;
    return slot;
  }

  /** Hands the staged records of a row that mapped without a problem to the chunk, and starts afresh. */
  commit(chunk: ChunkBuilder, row: number): void {
    for (let i = 0; i < this.entityCount; i++) chunk.entity(this.entityRefs[i]!, row, this.entityProps[i]);
    let rowRef: string | undefined;
    for (let i = 0; i < this.linkCount; i++) {
      const kind = this.linkKinds[i]!;
      const from = this.linkFrom[i]!;
      const to = this.linkTo[i]!;
      const slot = this.slot(kind, from, to);
      let occ = this.linkOcc[i];
      const seenAt = this.linkSeenAt[i]!;
      if (!Number.isNaN(seenAt)) {
        const day = Math.floor((seenAt + 19_800_000) / 86_400_000);
        if (slot.lastDay !== day) {
          slot.lastDay = day;
          occ = instant(seenAt);
        }
      }
      // A link the chunk already holds has its ends listed there.
      if (slot.chunk !== chunk) {
        chunk.entity(from, row);
        chunk.entity(to, row);
      }
      if (occ) (occ as Occurrence & { ref: string }).ref = rowRef ??= `row ${row}`;
      chunk.link(slot, kind, from, to, occ, this.linkProps[i], row);
    }
    this.discard();
  }

  /** The staged lists are emptied, not replaced; what they held is let go of. */
  discard(): void {
    for (let i = 0; i < this.entityCount; i++) this.entityProps[i] = undefined;
    for (let i = 0; i < this.linkCount; i++) {
      this.linkOcc[i] = undefined;
      this.linkProps[i] = undefined;
    }
    this.entityCount = 0;
    this.linkCount = 0;
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
let chunkSerial = 0;

export class ChunkBuilder {
  readonly serial = ++chunkSerial;
  readonly entities = new Map<number, ChunkEntity>();
  readonly links = new Map<LinkSlot, ChunkLink>();
  rows = 0;
  records = 0;

  entity(ref: Ref, row: number, props?: Props): void {
    if (!props && ref.listedIn === this.serial) return;
    const known = this.entities.get(ref.n);
    if (known) {
      ref.listedIn = this.serial;
      if (props && props !== known.lastProps) {
        known.props = { ...known.props, ...props };
        known.lastProps = props;
      }
      return;
    }
    const e: ChunkEntity = {
      ref,
      row,
      props: props ? { ...props } : undefined,
      lastProps: props,
    };
    this.entities.set(ref.n, e);
    ref.listedIn = this.serial;
    this.records++;
  }

  link(
    slot: LinkSlot,
    kind: LinkKind,
    from: Ref,
    to: Ref,
    occ: Occurrence | undefined,
    props: Props | undefined,
    row: number,
  ): void {
    let rec = slot.chunk === this ? slot.record! : undefined;
    if (!rec) {
      // Made whole at once: a record given a property later changes shape, and every link reads slower.
      rec = { kind, from, to, row, props, occurrences: undefined };
      this.links.set(slot, rec);
      slot.chunk = this;
      slot.record = rec;
      this.records++;
    }
    if (occ) {
      (rec.occurrences ??= []).push(occ as Occurrence & { ref: string });
      this.records++;
    }
  }

  /** Unhooks the import's links from this chunk once it is written, so that it can be let go. */
  release(): void {
    for (const slot of this.links.keys()) {
      slot.chunk = undefined;
      slot.record = undefined;
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
