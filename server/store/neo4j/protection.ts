/**
 * Who is protected (domain/protection.ts), found in Neo4j, and their pseudonyms. Numbering writes, in
 * a transaction that first locks the pseudonyms' own Meta node (not the graph's, which an import holds
 * while it writes), so a person newly protected is numbered once even when two instances ask at once,
 * and masking never queues behind an import; the uniqueness constraint on the number refuses a
 * duplicate regardless. Most calls find everyone numbered and write nothing.
 */
import neo4j, { type Node } from 'neo4j-driver';
import {
  ownsPseudonym,
  pseudonymOf,
  secretsOf,
  type ProtectedEntity,
  type ProtectionReason,
} from '../../domain/protection.js';
import type { Executor, QueryRunner } from './executor.js';
import { entitySeq, props, safeInt, text, toEntityView } from './map-records.js';

interface Found {
  node: Node;
  reason: ProtectionReason;
  personId: string;
}

/** What would name the entity in an answer (domain/protection.ts secretsOf), read from its node. */
function secretsOfNode(node: Node): string[] {
  const p = node.properties as Record<string, unknown>;
  const id = text(p.id, 'entity id');
  return secretsOf(
    text(p.key, `key of ${id}`),
    text(p.display, `key of ${id}`),
    text(p.label, `label of ${id}`),
    props(p.props, `properties of ${id}`),
  );
}

async function find(q: QueryRunner): Promise<{ found: Found[]; numbers: Map<string, number> }> {
  const found: Found[] = [];
  const persons: string[] = [];
  for (const r of await q.all('protected-persons', {})) {
    const node = r.get('e') as Node;
    const id = text((node.properties as Record<string, unknown>).id, 'entity id');
    persons.push(id);
    found.push({
      node,
      reason: text(r.get('reason'), 'protection reason') as ProtectionReason,
      personId: id,
    });
  }
  if (persons.length)
    for (const [query, reason] of [
      ['protected-identifiers', 'identifier'],
      ['same-document-persons', 'same-document'],
    ] as const)
      for (const r of await q.all(query, { ids: persons }))
        found.push({ node: r.get('e') as Node, reason, personId: text(r.get('personId'), 'entity id') });
  found.sort((a, b) => entitySeq(a.node) - entitySeq(b.node));
  const numbers = new Map<string, number>();
  for (const r of await q.all('pseudonyms', {}))
    numbers.set(text(r.get('entityId'), 'pseudonym entity'), safeInt(r.get('n'), 'pseudonym number'));
  return { found, numbers };
}

const unnumbered = (found: Found[], numbers: Map<string, number>) =>
  found.filter((f) => ownsPseudonym(f.reason) && !numbers.has(f.personId));

export class Neo4jProtection {
  constructor(private readonly executor: Executor) {}

  async protectedEntities(): Promise<ProtectedEntity[]> {
    let result = await this.executor.read(find);
    if (unnumbered(result.found, result.numbers).length)
      result = await this.executor.write(async (q) => {
        const now = Date.now();
        await q.all('lock-pseudonyms', { at: neo4j.int(now) });
        const again = await find(q);
        let next = Math.max(0, ...again.numbers.values()) + 1;
        const rows = unnumbered(again.found, again.numbers).map((f) => {
          again.numbers.set(f.personId, next);
          return { entityId: f.personId, n: neo4j.int(next++) };
        });
        if (rows.length) await q.all('assign-pseudonyms', { rows, at: neo4j.int(now) });
        return again;
      });
    return result.found.map((f) => {
      const e = toEntityView(f.node);
      return {
        id: e.id,
        kind: e.kind,
        reason: f.reason,
        pseudonym: pseudonymOf(result.numbers.get(f.personId)!),
        secrets: secretsOfNode(f.node),
      };
    });
  }
}
