/**
 * What every part of the world generator shares: the root random stream, the identifier keys, and the
 * allocator that hands out the rings' identifier indices in a fixed order (so the same plan gives the same
 * numbers). Background identifiers are not allocated: they are functions of the person's index.
 */
import { idKeys, SPACE, type IdKeys } from '../identifiers.js';
import { rngFor, type Rng, type Seed } from '../rng.js';

type Counter =
  | 'person'
  | 'phone'
  | 'device'
  | 'account'
  | 'upi'
  | 'cell'
  | 'vehicle'
  | 'pan'
  | 'ad'
  | 'ip'
  | 'email'
  | 'handle'
  | 'toll'
  | 'epic'
  | 'licence'
  | 'passport';

export class Alloc {
  private readonly next: Record<Counter, number> = {
    person: SPACE.person.ringBase,
    phone: SPACE.phone.ringBase,
    device: SPACE.device.ringBase,
    account: SPACE.account.ringBase,
    upi: SPACE.upi.ringBase,
    cell: SPACE.cell.ringBase,
    vehicle: 0,
    pan: 0,
    ad: 0,
    ip: 0,
    email: 0,
    handle: 0,
    toll: 0,
    epic: 0,
    licence: 0,
    passport: 0,
  };

  take(counter: Counter): number {
    return this.next[counter]++;
  }
}

export interface WorldCtx {
  seed: string;
  rng: Rng;
  keys: IdKeys;
  alloc: Alloc;
  /** Hotel keys in use, so two rings never invent the same lodge by accident. */
  hotelKeys: Set<string>;
}

export function worldContext(seed: Seed): WorldCtx {
  const rng = rngFor(seed);
  return { seed: String(seed), rng, keys: idKeys(rng), alloc: new Alloc(), hotelKeys: new Set() };
}
