/**
 * Ordinary people who touch a ring without belonging to it: the taxi driver a transporter calls, the
 * lodge's receptionist, a victim's family, the manager's landlord, an old acquaintance. They are taken from
 * the background population, so a method that flags everyone near a ring flags innocents — as it would.
 */
import { bgPerson, hasAccount, type BgPlan } from './background.js';
import type { WorldCtx } from './context.js';
import type { Bridge, BridgeRelation, PersonP, RingPlan } from './ring-plan.js';

export function attachBridges(rings: RingPlan[], plan: BgPlan, ctx: WorldCtx): void {
  const rng = ctx.rng.fork('bridges');
  const used = new Set<number>();
  const choose = (needAccount: boolean): number => {
    for (let tries = 0; tries < 2000; tries++) {
      const j = rng.int(0, plan.persons - 1);
      if (used.has(j) || (needAccount && !hasAccount(plan, j))) continue;
      used.add(j);
      return j;
    }
    // A background too small to keep bridges apart: share one rather than fail.
    return rng.int(0, plan.persons - 1);
  };
  const bridge = (
    ring: RingPlan,
    relation: BridgeRelation,
    contact: PersonP,
    needAccount = false,
  ): Bridge => {
    const person = bgPerson(plan, ctx, choose(needAccount));
    const b: Bridge = {
      relation,
      person,
      phone: person.phones[0]!,
      account: person.upi ?? person.bank,
      contact,
      ring: ring.index,
    };
    ring.bridges.push(b);
    return b;
  };

  for (const ring of rings) {
    for (const t of ring.members.filter((m) => m.role === 'transporter')) bridge(ring, 'taxi-driver', t);
    for (const h of ring.hotels) h.receptionist = bridge(ring, 'hotel-receptionist', h.harbourer);
    for (const v of ring.victims) if (v.reported) v.family = bridge(ring, 'family', v, rng.chance(0.6));
    bridge(ring, 'landlord', ring.manager, true);
    for (let k = 0; k < 1 + Math.floor(ring.budget / 100); k++)
      bridge(ring, 'acquaintance', rng.pick(ring.members));
  }
}
