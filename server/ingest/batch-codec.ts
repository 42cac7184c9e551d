/**
 * A prepared batch as flat arrays of strings and numbers, for the trip from the preparing worker to
 * the writing thread. Copying between threads costs per object: a CDR of ten thousand calls is some
 * forty thousand small objects (occurrences, their props, links, refs) but a few arrays, and receiving
 * it is work the writing thread would otherwise do (measured: the objects took longer to receive than
 * the store took to write them).
 *
 * Layout, read across the chunks as one sequence: the document and importedBy, then each entity, then
 * each link (with its occurrence totals) followed by its occurrences. An end declared among the batch's
 * entities travels as its place there alone (its id is that entity's); only an undeclared end carries
 * its id and description. Most links of a CDR or a tower dump declare both ends, and texts are what
 * costs the writing thread to receive (~0.2 µs for an id, against ~0.03 for a small number).
 * Properties travel as JSON text, kept beside the decoded object as propsText: the store writes that
 * text as it is instead of serialising the object again. Absent values travel as null.
 */
import type { EntityKind, LinkKind, Scheme } from '../domain/kinds.js';
import type {
  NormalisedBatch,
  NormalisedEntity,
  NormalisedLink,
  NormalisedOccurrence,
} from '../domain/normalise-batch.js';
import type { Props } from '../domain/props.js';

type Chunk = (string | number | null)[];
export type EncodedBatch = Chunk[];

/**
 * Values to a chunk, at most: an array of more than 16,384 values is a large object to V8, with memory
 * of its own fresh from the system on both threads, and touching fresh memory is what copying a big
 * batch cost most on a virtual machine (a fault per page, ~13 µs each: a fifth of the preparing
 * worker's faults came from growing such arrays). Chunks of this size live and die in the young
 * generation. A record (an entity, a link's own values, an occurrence) never straddles two chunks.
 */
export const CHUNK_VALUES = 8192;

const props = (p: Props): string => {
  for (const _ in p) return JSON.stringify(p);
  return '';
};
const EMPTY: Props = Object.freeze({}) as Props;
const unprops = (s: string): Props => (s === '' ? {} : (JSON.parse(s) as Props));
// What propsJson (sqlite/occurrence-writes.ts) makes of the decoded object: JSON.stringify gives back
// the text JSON.parse read, key order included, so the two write paths store the same bytes.
const asText = (s: string): string => (s === '' ? '{}' : s);
const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function encodeBatch(b: NormalisedBatch, chunkValues = CHUNK_VALUES): EncodedBatch {
  const d = b.document;
  let v: Chunk = [
    d.id,
    d.sha256,
    d.name,
    d.type,
    d.grading.source,
    d.grading.information,
    opt(d.caseId),
    opt(d.receivedFrom),
    b.importedBy,
    b.distinctIds ? 1 : 0,
    b.entities.length,
  ];
  const chunks: EncodedBatch = [v];
  for (const e of b.entities) {
    if (v.length >= chunkValues) chunks.push((v = []));
    v.push(e.id, e.kind, e.scheme, e.key, e.display, props(e.props), opt(e.ref));
  }
  v.push(b.links.length);
  for (const l of b.links) {
    if (v.length >= chunkValues) chunks.push((v = []));
    v.push(l.id, l.kind, l.fromEntity ?? -1);
    if (l.fromEntity === undefined) v.push(l.fromId, opt(l.fromDesc));
    v.push(l.toEntity ?? -1);
    if (l.toEntity === undefined) v.push(l.toId, opt(l.toDesc));
    v.push(
      l.qualifier,
      props(l.props),
      opt(l.ref),
      l.index,
      l.totals.count,
      l.totals.durationS,
      l.totals.amountPaise,
      l.totals.first,
      l.totals.last,
      l.occurrences.length,
    );
    for (const o of l.occurrences) {
      if (v.length >= chunkValues) chunks.push((v = []));
      v.push(
        o.at,
        opt(o.endAt),
        opt(o.durationS),
        opt(o.amountPaise),
        opt(o.txnRef),
        props(o.props),
        opt(o.ref),
      );
    }
  }
  return chunks;
}

export function decodeBatch(chunks: EncodedBatch): NormalisedBatch {
  let c = 0;
  let v = chunks[0]!;
  let i = 0;
  /** Where the encoder may have begun a chunk: before each record. */
  const record = () => {
    if (i === v.length && c + 1 < chunks.length) {
      v = chunks[++c]!;
      i = 0;
    }
  };
  const str = () => v[i++] as string;
  const num = () => v[i++] as number;
  const maybeStr = () => (v[i++] as string | null) ?? undefined;
  const maybeNum = () => (v[i++] as number | null) ?? undefined;
  const position = () => {
    const p = v[i++] as number;
    return p < 0 ? undefined : p;
  };
  const document = {
    id: str(),
    sha256: str(),
    name: str(),
    type: str(),
    grading: { source: str(), information: str() } as NormalisedBatch['document']['grading'],
    caseId: maybeStr(),
    receivedFrom: maybeStr(),
  };
  const importedBy = str();
  const distinctIds = num() === 1;
  const entities: NormalisedEntity[] = new Array<NormalisedEntity>(num());
  for (let e = 0; e < entities.length; e++) {
    record();
    const id = str();
    const kind = str() as EntityKind;
    const scheme = str() as Scheme;
    const key = str();
    const display = str();
    const p = str();
    entities[e] = {
      id,
      kind,
      scheme,
      key,
      display,
      props: unprops(p),
      propsText: asText(p),
      ref: maybeStr(),
    };
  }
  const links: NormalisedLink[] = new Array<NormalisedLink>(num());
  for (let l = 0; l < links.length; l++) {
    record();
    const id = str();
    const kind = str() as LinkKind;
    const fromEntity = position();
    const fromId = fromEntity === undefined ? str() : entities[fromEntity]!.id;
    const fromDesc = fromEntity === undefined ? maybeStr() : undefined;
    const toEntity = position();
    const toId = toEntity === undefined ? str() : entities[toEntity]!.id;
    const toDesc = toEntity === undefined ? maybeStr() : undefined;
    const qualifier = str();
    const p = str();
    const link = {
      id,
      kind,
      fromId,
      toId,
      qualifier,
      props: unprops(p),
      propsText: asText(p),
      ref: maybeStr(),
      fromEntity,
      toEntity,
      index: num(),
      fromDesc,
      toDesc,
      totals: {
        count: num(),
        durationS: num(),
        amountPaise: num(),
        first: v[i++] as number | null,
        last: v[i++] as number | null,
      },
      occurrences: new Array<NormalisedOccurrence>(num()),
    };
    for (let o = 0; o < link.occurrences.length; o++) {
      record();
      const at = num();
      const endAt = maybeNum();
      const durationS = maybeNum();
      const amountPaise = maybeNum();
      const txnRef = maybeStr();
      const p = str();
      link.occurrences[o] = {
        at,
        endAt,
        durationS,
        amountPaise,
        txnRef,
        props: p === '' ? EMPTY : unprops(p),
        ref: maybeStr(),
      };
    }
    links[l] = link;
  }
  if (i !== v.length || c !== chunks.length - 1)
    throw new Error(`an encoded batch has values past its end (chunk ${c + 1} of ${chunks.length})`);
  return { document, importedBy, entities, links, distinctIds };
}
