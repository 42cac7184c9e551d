/**
 * A chunk of mapped rows straight into what a store writes. Going through the batch an ingest reads
 * (ChunkBuilder.build, then prepareBatch) would write every time out as text and read it back, check
 * again what the rows' mapping already checked, and normalise every key again: for a million-row CDR
 * that was most of the reading thread's work, and the reading thread bounds an import.
 *
 * The result is the batch prepareBatch makes of chunk.build() — the same records, ids, order and
 * totals (test/prepare-chunk.test.ts compares the two on every template). Whatever this does not do
 * itself (a property a kind does not know, a link its kinds do not allow, an Aadhaar number in a
 * property), it leaves to prepareBatch, so that a chunk it declines is refused exactly as before.
 */
import type { IngestBatchInput } from '../../domain/batch.js';
import { entityId, linkId } from '../../domain/ids.js';
import { isoDateTimeMs } from '../../domain/iso-time.js';
import type { KeyContext } from '../../domain/keys.js';
import { defaultScheme, linkRule, type LinkKind } from '../../domain/kinds.js';
import {
  occurrenceTotals,
  type NormalisedBatch,
  type NormalisedDocument,
  type NormalisedEntity,
  type NormalisedLink,
  type NormalisedOccurrence,
} from '../../domain/normalise-batch.js';
import { checkKnownProps, type Props } from '../../domain/props.js';
import { propHoldsAadhaar } from '../../domain/normalise/aadhaar-guard.js';
import { prepareBatch } from '../ingest-batch.js';
import type { ChunkBuilder, ChunkLink, Occurrence, Ref } from './row-view.js';

const NO_PROPS: Props = Object.freeze({}) as Props;

/** A whole Aadhaar number in a property: prepareBatch refuses the batch, naming the record. */
function holdsAadhaar(props: Props | undefined): boolean {
  if (props) for (const name in props) if (propHoldsAadhaar(name, props[name])) return true;
  return false;
}

/** The name a built batch gives an entity resolves to this Ref's own scheme (see nameOf in row-view.ts). */
const sameScheme = (r: Ref) => {
  const d = defaultScheme(r.kind);
  return d === undefined || d === r.scheme;
};

export class ChunkPreparer {
  private document: NormalisedDocument | undefined;
  private readonly allowed = new Map<string, boolean>();

  constructor(
    private readonly input: IngestBatchInput['document'],
    private readonly importedBy: string,
    private readonly keys: KeyContext,
  ) {}

  prepare(chunk: ChunkBuilder): NormalisedBatch {
    const direct = this.document && this.direct(chunk, this.document);
    if (direct) return direct;
    const batch = prepareBatch(chunk.build(this.input), this.importedBy, this.keys);
    this.document ??= batch.document;
    return batch;
  }

  /** The chunk's batch, or undefined for one prepareBatch must judge. */
  direct(chunk: ChunkBuilder, document: NormalisedDocument): NormalisedBatch | undefined {
    const entities: NormalisedEntity[] = [];
    // First place of each id among the entities, as normaliseBatch gives link ends.
    const position = new Map<string, number>();
    let distinctIds = true;
    for (const e of chunk.entities.values()) {
      const r = e.ref;
      if (r.kind === 'document' || !sameScheme(r) || holdsAadhaar(e.props)) return undefined;
      const props = { ...(r.keyProps ?? {}), ...(e.props ?? {}) };
      if (checkKnownProps(r.kind, props).length) return undefined;
      const id = idOf(r);
      if (position.has(id)) distinctIds = false;
      else position.set(id, entities.length);
      entities.push({
        id,
        kind: r.kind,
        scheme: r.scheme,
        key: r.key,
        display: r.display,
        props,
        ref: `row ${e.row}`,
      });
    }
    const links: NormalisedLink[] = [];
    const linkIdsSeen = new Set<string>();
    for (const [slot, l] of chunk.links) {
      if (!sameScheme(l.from) || !sameScheme(l.to)) return undefined;
      if (!this.allows(l) || holdsAadhaar(l.props)) return undefined;
      const fromId = idOf(l.from);
      const toId = idOf(l.to);
      if (fromId === toId) return undefined;
      // Kept on the import's link: a CDR's thousand links recur in every chunk.
      const id = (slot.id ??= linkId(l.kind, fromId, toId, ''));
      if (linkIdsSeen.has(id)) distinctIds = false;
      linkIdsSeen.add(id);
      const occurrences = (l.occurrences ?? []).map(normalised);
      const fromEntity = position.get(fromId);
      const toEntity = position.get(toId);
      links.push({
        id,
        kind: l.kind,
        fromId,
        toId,
        qualifier: '',
        props: { ...(l.props ?? {}) },
        ref: `row ${l.row}`,
        occurrences,
        totals: occurrenceTotals(occurrences),
        fromEntity,
        toEntity,
        index: links.length,
        fromDesc: fromEntity === undefined ? `${l.from.kind} ${l.from.display}` : undefined,
        toDesc: toEntity === undefined ? `${l.to.kind} ${l.to.display}` : undefined,
      });
    }
    return { document, importedBy: this.importedBy, entities, links, distinctIds };
  }

  /** The link's kind joins these kinds of entity, takes occurrences if it has them, and needs no role. */
  private allows(l: ChunkLink): boolean {
    const has = l.occurrences?.length ? 1 : 0;
    const k = `${l.kind}|${l.from.kind}|${l.to.kind}|${has}`;
    let ok = this.allowed.get(k);
    if (ok === undefined) {
      const rule = linkRule(l.kind as LinkKind);
      ok =
        l.kind !== 'involves' &&
        (rule.from as readonly string[]).includes(l.from.kind) &&
        (rule.to as readonly string[]).includes(l.to.kind) &&
        !(rule.occurrences === 'none' && has);
      this.allowed.set(k, ok);
    }
    return ok;
  }
}

function idOf(r: Ref): string {
  return (r.id ??= entityId(r.kind, r.scheme, r.key));
}

/** As normaliseBatch's normaliseOccurrence reads the built batch's occurrence. */
function normalised(o: Occurrence & { ref: string }): NormalisedOccurrence {
  return {
    at: o.atMs ?? isoDateTimeMs(o.at!),
    endAt: o.endAt === undefined ? undefined : isoDateTimeMs(o.endAt),
    durationS: o.durationS,
    amountPaise: o.amount === undefined ? undefined : Math.round(o.amount * 100),
    txnRef: o.txnRef || undefined,
    props: NO_PROPS,
    ref: o.ref,
  };
}
