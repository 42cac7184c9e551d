/**
 * Properties an entity or link may carry. Free-form scalars are allowed, because sources carry fields
 * nobody foresaw; the properties other parts rely on (a person's name and age, a case's sections of law)
 * are typed so that a wrong value is rejected at the edge instead of confusing the analytics later.
 */
import { z } from 'zod';
import type { EntityKind } from './kinds.js';

export const scalarSchema = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof scalarSchema>;
export type Props = Record<string, Scalar>;

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

const KNOWN_PROPS: Partial<Record<EntityKind, Record<string, z.ZodType>>> = {
  person: {
    name: z.string().min(1).max(200),
    gender: z.enum(['female', 'male', 'other', 'unknown']),
    age: z.number().int().min(0).max(120),
    dob: isoDate,
    minor: z.boolean(),
    nationality: z.string().max(80),
  },
  case: {
    firNumber: z.string().max(40),
    firDate: isoDate,
    policeStation: z.string().max(200),
    district: z.string().max(120),
    state: z.string().max(120),
    sections: z.string().max(1000),
    unit: z.string().max(200),
    occurredFrom: isoDate,
    occurredTo: isoDate,
    officer: z.string().max(200),
    status: z.enum(['open', 'closed']),
    closeReason: z.string().max(80),
    closeNote: z.string().max(1000),
    closedOn: isoDate,
  },
  hotel: { name: z.string().max(200), city: z.string().max(120), address: z.string().max(1000) },
  account: { holderName: z.string().max(200), bank: z.string().max(200) },
  phone: { operator: z.string().max(80), circle: z.string().max(80) },
  location: { lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) },
};

export const propsSchema = z
  .record(z.string().min(1).max(80), scalarSchema)
  .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties')
  .meta({
    id: 'Props',
    description:
      'Scalar properties. Known ones are typed per kind (person.name, person.age, case.sections …).',
  });

/** Checks the typed properties of a kind; returns the offending property and reason, if any. */
export function checkKnownProps(kind: EntityKind, props: Props): { prop: string; reason: string }[] {
  const known = KNOWN_PROPS[kind];
  if (!known) return [];
  const problems: { prop: string; reason: string }[] = [];
  for (const [prop, value] of Object.entries(props)) {
    const schema = known[prop];
    if (!schema || value === null) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success) problems.push({ prop, reason: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  return problems;
}

/**
 * Merges what a new source says into what is known. A later statement of a property overrides the
 * earlier value in the merged view; every statement stays in the provenance records, so nothing is lost.
 * A null in the new record says nothing (a blank cell), it does not erase.
 */
/** Whether the record has any property: a bulk import asks for every record, without listing keys. */
export function hasProps(props: Props): boolean {
  for (const _ in props) return true;
  return false;
}

export function mergeProps(known: Props, incoming: Props): { merged: Props; changed: boolean } {
  // Most sources repeat what is known (a phone named again by the next CDR): copy only on a change.
  let merged: Props | undefined;
  for (const [k, v] of Object.entries(incoming)) {
    if (v === null || (merged ?? known)[k] === v) continue;
    merged ??= { ...known };
    merged[k] = v;
  }
  return merged ? { merged, changed: true } : { merged: known, changed: false };
}
