/**
 * Builds one ingest batch — one document's worth of evidence — from canonical entities and facts.
 * It declares every entity a link names in the same batch (so no batch depends on another except through
 * its case), writes each identifier the way this document spells it, and merges repeated rows of one link
 * into occurrences, as an importer reading the file row by row would.
 */
import { createHash } from 'node:crypto';
import type {
  BatchEntity,
  BatchLink,
  BatchOccurrence,
  EntityRef,
  IngestBatchInput,
} from '../../server/domain/batch.js';
import type { DOCUMENT_TYPES } from '../../server/domain/batch.js';
import type { Grading } from '../../server/domain/grading.js';
import type { CaseRole, EntityKind, LinkKind } from '../../server/domain/kinds.js';
import { defaultScheme } from '../../server/domain/kinds.js';
import type { Props } from '../../server/domain/props.js';
import type { ScenarioFile } from '../files/types.js';
import { isoIst } from '../time.js';
import type { Ent, Fact, Occ } from '../world/types.js';
import { factId } from '../world/types.js';

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocMeta {
  name: string;
  type: DocumentType;
  grading: Grading;
  /** The FIR key, as the unit writes it, of the case this evidence belongs to. */
  case?: string;
  receivedFrom?: string;
}

/** How this document writes an entity's key. */
export type Spell = (e: Ent) => string;

export const asIs: Spell = (e) => e.text;

interface LinkSlot {
  rec: BatchLink;
  from: Ent;
  to: Ent;
}

export interface LinkOptions {
  role?: CaseRole;
  props?: Props;
  occ?: Occ;
  /** Keep at most this many occurrences (a sighting per row would swamp a tower dump). */
  maxOcc?: number;
}

export class BatchWriter {
  private readonly entities = new Map<string, { e: Ent; ref: EntityRef; rec: BatchEntity }>();
  private readonly links = new Map<string, LinkSlot>();
  private readonly listedFacts = new Set<string>();
  private occurrenceCount = 0;
  /** The document as the file a unit receives, for those written as files from the same rows as the batch. */
  file?: () => ScenarioFile;

  constructor(
    readonly meta: DocMeta,
    /** Seed and ordinal make the document's hash unique and reproducible. */
    private readonly hashInput: string,
    private readonly spell: Spell = asIs,
  ) {}

  /** Declares an entity (once per batch; later props are merged in) and returns how links name it. */
  entity(e: Ent, ref: string, props?: Props): EntityRef {
    const known = this.entities.get(e.id);
    if (known) {
      if (props && Object.keys(props).length) known.rec.props = { ...known.rec.props, ...props };
      return known.ref;
    }
    const entityRef: EntityRef = { kind: e.kind, key: this.spell(e) };
    // Kinds named in one way only need no scheme, as the batch contract allows; the others must say it.
    if (defaultScheme(e.kind as EntityKind) === undefined) entityRef.scheme = e.scheme;
    const rec: BatchEntity = { ...entityRef, ref };
    if (props && Object.keys(props).length) rec.props = { ...props };
    this.entities.set(e.id, { e, ref: entityRef, rec });
    return entityRef;
  }

  /** Adds a link (or one more occurrence of it); both ends are declared here if they are not yet. */
  link(kind: LinkKind, from: Ent, to: Ent, ref: string, opts: LinkOptions = {}): void {
    const id = factId(kind, from, to, opts.role);
    let slot = this.links.get(id);
    if (!slot) {
      const rec: BatchLink = { kind, from: this.entity(from, ref), to: this.entity(to, ref), ref };
      if (opts.role) rec.role = opts.role;
      if (opts.props) rec.props = opts.props;
      slot = { rec, from, to };
      this.links.set(id, slot);
    }
    if (opts.occ) {
      const list = (slot.rec.occurrences ??= []);
      if (opts.maxOcc === undefined || list.length < opts.maxOcc) {
        list.push(occurrence(opts.occ, ref));
        this.occurrenceCount++;
      }
    }
  }

  /**
   * A fact the document lists although it may tie nothing: a payment whose narration names no account is
   * still a row of the statement.
   */
  listed(f: Fact): void {
    this.listedFacts.add(factId(f.kind, f.from, f.to, f.role));
  }

  /** Facts the document lists, carried or not. */
  listedIds(): Iterable<string> {
    return this.listedFacts;
  }

  get occurrences(): number {
    return this.occurrenceCount;
  }

  /** The canonical entities this batch declares. */
  *declared(): Iterable<Ent> {
    for (const { e } of this.entities.values()) yield e;
  }

  /** Link identities (kind, ends, role), for counting distinct links across batches. */
  linkIds(): Iterable<string> {
    return this.links.keys();
  }

  /** Canonical view of the links, for the ground truth (who is involved in which case, in what role). */
  *facts(): Iterable<{ kind: string; from: Ent; to: Ent; role?: string }> {
    for (const s of this.links.values()) yield { kind: s.rec.kind, from: s.from, to: s.to, role: s.rec.role };
  }

  build(): IngestBatchInput {
    const sha256 = createHash('sha256').update(this.hashInput).digest('hex');
    const document: IngestBatchInput['document'] = {
      name: this.meta.name,
      sha256,
      type: this.meta.type,
      grading: this.meta.grading,
    };
    if (this.meta.case) document.case = this.meta.case;
    if (this.meta.receivedFrom) document.receivedFrom = this.meta.receivedFrom;
    return {
      document,
      entities: [...this.entities.values()].map((x) => x.rec),
      links: [...this.links.values()].map((s) => s.rec),
    };
  }
}

function occurrence(o: Occ, ref: string): BatchOccurrence {
  const rec: BatchOccurrence = { at: isoIst(o.t) };
  if (o.end !== undefined) rec.endAt = isoIst(o.end);
  if (o.dur !== undefined) rec.durationS = o.dur;
  if (o.amount !== undefined) rec.amount = o.amount;
  if (o.txnRef !== undefined) rec.txnRef = o.txnRef;
  rec.ref = ref;
  return rec;
}

/** Opens the writer of one document: each kind of evidence makes its documents through one of these. */
export type MakeWriter = (meta: DocMeta, spelling?: Spell) => BatchWriter;
