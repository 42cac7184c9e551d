/**
 * The cross-case links planted between rings, the reason a resource centre pools its units' cases: the
 * same recruiter accused in FIRs of two units, a victim rescued twice, a driver's number, a lodge or a
 * financier's account turning up in another ring's evidence. Each neighbouring pair of rings gets two,
 * cycling through the kinds, so a scenario of three rings already shows every kind.
 */
import type { Rng } from '../rng.js';
import { DAY, HOUR, when } from '../time.js';
import { minutes, stay, type HotelP, type PersonP, type PhoneP, type RingPlan } from './ring-plan.js';
import type { Ent } from './types.js';

export const OVERLAP_KINDS = [
  'shared-accused',
  'victim-rescued-twice',
  'shared-phone',
  'shared-hotel',
  'shared-account',
] as const;
export type OverlapKind = (typeof OVERLAP_KINDS)[number];

export interface Overlap {
  kind: OverlapKind;
  /** The ring the entity belongs to, and the ring whose evidence it turns up in. */
  from: number;
  to: number;
  entity: Ent;
  person?: PersonP;
  phone?: PhoneP;
  hotel?: HotelP;
}

function victimToShare(ring: RingPlan, used: Set<string>): PersonP {
  // Prefer one the police know of (reported missing), so the second rescue has a first to match.
  const candidates = [...ring.victims.filter((v) => v.reported), ...ring.victims].filter(
    (v) => !used.has(v.ent.id),
  );
  return candidates[0] ?? (ring.victims[0] as PersonP);
}

export function planOverlaps(rings: RingPlan[]): Overlap[] {
  if (rings.length < 2) return [];
  const out: Overlap[] = [];
  const usedVictims = new Set<string>();
  rings.forEach((a, r) => {
    const b = rings[(r + 1) % rings.length] as RingPlan;
    for (const slot of [2 * r, 2 * r + 1]) {
      const kind = OVERLAP_KINDS[slot % OVERLAP_KINDS.length] as OverlapKind;
      // A victim is rescued first by the unit that raided first.
      const [from, to] = kind === 'victim-rescued-twice' && b.t1 < a.t1 ? [b, a] : [a, b];
      switch (kind) {
        case 'shared-accused': {
          const person = from.members.find((m) => m.role === 'recruiter') as PersonP;
          out.push({ kind, from: from.index, to: to.index, entity: person.ent, person });
          break;
        }
        case 'victim-rescued-twice': {
          const person = victimToShare(from, usedVictims);
          usedVictims.add(person.ent.id);
          out.push({ kind, from: from.index, to: to.index, entity: person.ent, person });
          break;
        }
        case 'shared-phone': {
          const phone = (from.members.find((m) => m.role === 'transporter') as PersonP).phones[0] as PhoneP;
          out.push({ kind, from: from.index, to: to.index, entity: phone.ent, phone });
          break;
        }
        case 'shared-hotel': {
          const hotel = from.hotels[0] as HotelP;
          out.push({ kind, from: from.index, to: to.index, entity: hotel.ent, hotel });
          break;
        }
        case 'shared-account':
          out.push({ kind, from: from.index, to: to.index, entity: from.financier.banks[0] as Ent });
          break;
      }
    }
  });
  return out;
}

/**
 * The register entries overlaps leave, planned with the rings (their guest records count in the entity
 * budget): a victim rescued twice held first in the other ring's lodge, and a shared lodge's stays of the
 * other ring's victims. Each is in the register of the ring it turns up in.
 */
export function planOverlapStays(rings: readonly RingPlan[], overlaps: readonly Overlap[], rng: Rng): void {
  for (const o of overlaps) {
    const ring = rings[o.to] as RingPlan;
    const { tr, t1 } = ring;
    // Held until the raid, which comes in the morning.
    const raid = () => t1 + rng.int(6, 11) * HOUR + minutes(rng);
    if (o.kind === 'victim-rescued-twice')
      ring.stays.push(
        stay(o.person as PersonP, ring.hotels[0] as HotelP, tr + rng.int(2, 6) * DAY + minutes(rng), raid()),
      );
    if (o.kind !== 'shared-hotel') continue;
    const h = o.hotel as HotelP;
    for (const v of ring.victims.slice(0, 2))
      ring.stays.push(stay(v, h, when(rng, tr, t1 - 3 * DAY), raid() - rng.int(0, 2) * DAY));
  }
}
