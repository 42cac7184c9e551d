/**
 * Checks a stream of batches against the rules the store enforces between batches, without a store:
 * every link end and every document's case must be declared in the same batch or an earlier one. It
 * also counts distinct entities and links by canonical identity, which the ground truth must match.
 * Canonical forms come from spelling.ts (the generator's own), not from server/domain.
 */
import type { EntityRef, IngestBatchInput } from '../server/domain/batch.js';
import type { EntityKind } from '../server/domain/kinds.js';
import { defaultScheme, LINK_RULES, type LinkKind } from '../server/domain/kinds.js';
import { canonicalKey } from './spelling.js';

export interface Audit {
  entities: number;
  links: number;
  occurrences: number;
  batches: number;
  /** Up to 20 descriptions of what broke a rule. */
  problems: string[];
}

export function refId(ref: EntityRef): string {
  const scheme = ref.scheme ?? defaultScheme(ref.kind as EntityKind) ?? '?';
  return `${ref.kind}|${scheme}|${canonicalKey(ref.kind as EntityKind, scheme, ref.key)}`;
}

export function auditBatches(batches: Iterable<IngestBatchInput>): Audit {
  const known = new Set<string>();
  const links = new Set<string>();
  const problems: string[] = [];
  const problem = (p: string) => problems.length < 20 && problems.push(p);
  let occurrences = 0;
  let n = 0;
  for (const b of batches) {
    n++;
    for (const e of b.entities ?? []) known.add(refId(e));
    const name = `batch ${n} (${b.document.name})`;
    if (b.document.case !== undefined && !known.has(refId({ kind: 'case', key: b.document.case })))
      problem(`${name}: its case ${b.document.case} is declared in no batch so far`);
    for (const [i, l] of (b.links ?? []).entries()) {
      const from = refId(l.from);
      const to = refId(l.to);
      if (!known.has(from)) problem(`${name}: links[${i}].from ${from} is declared in no batch so far`);
      if (!known.has(to)) problem(`${name}: links[${i}].to ${to} is declared in no batch so far`);
      const directed = LINK_RULES[l.kind as LinkKind].directed;
      const [a, z] = directed || from <= to ? [from, to] : [to, from];
      links.add(`${l.kind}>${a}>${z}>${l.role ?? ''}`);
      occurrences += l.occurrences?.length ?? 0;
    }
  }
  return { entities: known.size, links: links.size, occurrences, batches: n, problems };
}
