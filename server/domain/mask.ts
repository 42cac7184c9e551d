/**
 * Masking an answer (see protection.ts): protected entities are shown by pseudonym with their identifying
 * properties removed, whatever the shape of the answer — an entity, a search hit, a graph node, an
 * analytics row. Two layers, because a leak is not undone: entities found by id are rewritten field by
 * field, and then any string that still holds one of their names or numbers has it replaced. Pure, so
 * the service and the analytics worker mask the same way.
 */
import { maskedLabel, SAFE_PROPS, type ProtectedEntity } from './protection.js';

export interface MaskSet {
  byId: Map<string, ProtectedEntity>;
  /** Longest first, so a full name is replaced before a part of it. */
  scrub: { secret: string; shown: string }[];
}

export function maskSet(list: ProtectedEntity[]): MaskSet {
  const byId = new Map(list.map((p) => [p.id, p]));
  const scrub = list
    .flatMap((p) => p.secrets.map((secret) => ({ secret, shown: maskedLabel(p) })))
    .sort((a, b) => b.secret.length - a.secret.length);
  return { byId, scrub };
}

const safeProps = (p: ProtectedEntity, props: unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = { protected: true, pseudonym: p.pseudonym };
  if (p.reason === 'identifier' || typeof props !== 'object' || props === null) return out;
  for (const k of SAFE_PROPS) if (k in props) out[k] = (props as Record<string, unknown>)[k];
  return out;
};

function maskString(s: string, set: MaskSet): string {
  let out = s;
  for (const { secret, shown } of set.scrub) if (out.includes(secret)) out = out.split(secret).join(shown);
  return out;
}

/** A copy of the value with every protected entity masked. */
export function mask<T>(value: T, set: MaskSet): T {
  if (set.byId.size === 0) return value;
  return walk(value, set) as T;
}

function walk(value: unknown, set: MaskSet): unknown {
  if (typeof value === 'string') return maskString(value, set);
  if (Array.isArray(value)) return value.map((v) => walk(v, set));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  // An entity (id), or a graph node (key + attributes).
  const id =
    typeof o.id === 'string' ? o.id : typeof o.key === 'string' && 'attributes' in o ? o.key : undefined;
  const p = id === undefined ? undefined : set.byId.get(id);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[maskString(k, set)] = walk(v, set);
  if (p) {
    const target =
      typeof o.key === 'string' && 'attributes' in o ? (out.attributes as Record<string, unknown>) : out;
    if ('label' in target) target.label = maskedLabel(p);
    if ('key' in target && target !== out) target.key = p.pseudonym;
    if ('key' in target && target === out && typeof o.id === 'string') target.key = p.pseudonym;
    if ('display' in target) target.display = p.pseudonym;
    if ('props' in target)
      target.props = safeProps(p, (target === out ? o : (o.attributes as Record<string, unknown>)).props);
    if ('provenance' in target && Array.isArray(target.provenance))
      target.provenance = (target.provenance as Record<string, unknown>[]).map((r) => ({ ...r, props: {} }));
  }
  return out;
}
