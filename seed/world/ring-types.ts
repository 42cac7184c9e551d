/**
 * The shapes of a planned ring: its people in their roles, their phones (with the handsets each SIM sat
 * in), lodges, FIRs and the background people who touch it. ring-plan.ts fills them in.
 */
import type { CaseRole } from '../../server/domain/kinds.js';
import type { Operator, Place } from '../places.js';
import type { PersonName } from '../names.js';
import type { BgPerson } from './background.js';
import type { Ent } from './types.js';

export type RingRole = 'recruiter' | 'transporter' | 'harbourer' | 'manager' | 'financier';
export type PersonRole = RingRole | 'victim' | 'customer';
export type BridgeRelation = 'taxi-driver' | 'hotel-receptionist' | 'family' | 'landlord' | 'acquaintance';

export interface DeviceSpan {
  dev: Ent;
  from: number;
  to: number;
}

export interface PhoneP {
  ent: Ent;
  owner: PersonP;
  operator: Operator;
  use: 'personal' | 'ad' | 'burner';
  /** When the SIM is in use. */
  from: number;
  to: number;
  /** The handsets it sat in, in order (known for phones whose CDR was obtained). */
  spans: DeviceSpan[];
  /** Cells it is seen at; the first is home. */
  cells: Ent[];
  /** A CDR of this number is part of the evidence. */
  target: boolean;
}

export interface PersonP {
  ent: Ent;
  name: PersonName;
  role: PersonRole;
  ring: number;
  gender: 'female' | 'male';
  age: number;
  minor: boolean;
  nationality: string;
  phones: PhoneP[];
  devices: Ent[];
  upi?: Ent;
  banks: Ent[];
  pan?: Ent;
  email?: Ent;
  handles: Ent[];
  vehicle?: Ent;
  tolls: Ent[];
  /** The ID document a victim shows at a lodge (none for a minor, who has none to show). */
  idDoc?: Ent;
  /** A foreigner's arrival in India (Form C). */
  arrivedInIndia?: number;
  /** A harbourer's lodge; the lodge a victim is held in. */
  hotel?: HotelP;
  /** Victims: who recruited and moved her, whether her family reports her missing, whether she keeps her phone. */
  recruiter?: PersonP;
  transporter?: PersonP;
  reported?: boolean;
  keepsPhone?: boolean;
  family?: Bridge;
}

export interface HotelP {
  ent: Ent;
  name: string;
  place: Place;
  harbourer: PersonP;
  receptionist?: Bridge;
}

export interface Bridge {
  relation: BridgeRelation;
  person: BgPerson;
  phone: Ent;
  account?: Ent;
  /** The ring person they deal with. */
  contact: PersonP;
  ring: number;
}

/** One entry of a lodge's register: who checked in where, and when they left. */
export interface Stay {
  person: PersonP;
  hotel: HotelP;
  /** Check-in and check-out, to the minute, as registers write them. */
  t: number;
  end: number;
}

export interface Involved {
  e: Ent;
  role: CaseRole;
}

export interface CaseP {
  kind: 'source' | 'destination';
  ring: number;
  place: Place;
  station: string;
  unit: string;
  /** Registration time (world seconds). */
  date: number;
  /** Lodges raided under this FIR. */
  hotels: HotelP[];
  serial: number;
  /** "MH/Mumbai City/Kamathipura PS/0123/2026", set once serials are numbered. */
  key: string;
  ent?: Ent;
  involved: Involved[];
}

export interface RingPlan {
  index: number;
  id: string;
  budget: number;
  source: Place;
  dest: Place;
  dest2?: Place;
  /** Active from t0; victims moved at tr; raided at t1. */
  t0: number;
  tr: number;
  t1: number;
  members: PersonP[];
  victims: PersonP[];
  customers: PersonP[];
  hotels: HotelP[];
  ads: Ent[];
  ips: Ent[];
  cells: Ent[];
  cases: CaseP[];
  manager: PersonP;
  financier: PersonP;
  adPhone: PhoneP;
  bridges: Bridge[];
  /**
   * The entries of the registers this ring's evidence holds: its victims held, and the stays other rings
   * left in its lodges or its people in theirs (overlaps.ts).
   */
  stays: Stay[];
  /** Customers' visits: an hour in a lodge, never written in its register. */
  visits: Stay[];
}
