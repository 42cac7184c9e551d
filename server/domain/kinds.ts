/**
 * The entity and link kinds of CaseGraph (DESIGN.md, "Entity model"). Everything else — schemas,
 * normalisers, stores, the client's legend — is driven from these tables, so a new kind is added here.
 */

export const ENTITY_KINDS = [
  'person',
  'phone',
  'device',
  'account',
  'id-document',
  'ip',
  'location',
  'hotel',
  'vehicle',
  'ad',
  'case',
  'document',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * How a kind's key is read. A kind with one way of writing its key has a single scheme of its own name;
 * an account, for instance, may be a bank account, a UPI id, a wallet, an email or a handle.
 */
export const SCHEMES = {
  person: ['person'],
  phone: ['phone'],
  device: ['imei'],
  account: ['bank', 'upi', 'wallet', 'email', 'handle'],
  'id-document': ['pan', 'aadhaar', 'passport', 'epic', 'driving-licence'],
  ip: ['ip'],
  location: ['address', 'geo', 'cell'],
  hotel: ['hotel'],
  vehicle: ['vehicle'],
  ad: ['ad'],
  case: ['fir'],
  document: ['sha256'],
} as const satisfies Record<EntityKind, readonly string[]>;
export type Scheme = (typeof SCHEMES)[EntityKind][number];

export function defaultScheme(kind: EntityKind): Scheme | undefined {
  const schemes: readonly Scheme[] = SCHEMES[kind];
  return schemes.length === 1 ? schemes[0] : undefined;
}

export const CASE_ROLES = [
  'accused',
  'victim',
  'customer',
  'witness',
  'recruiter',
  'transporter',
  'harbourer',
  'financier',
  'manager',
  'complainant',
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

interface LinkRule {
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /** Directed where the world is: a call goes from one phone to another; an association does not. */
  directed: boolean;
  /** What an occurrence of this link measures, if it has occurrences at all. */
  occurrences: 'calls' | 'payments' | 'stays' | 'sightings' | 'none';
}

const ANY: readonly EntityKind[] = ENTITY_KINDS.filter((k) => k !== 'case' && k !== 'document');

export const LINK_RULES = {
  uses: {
    from: ['person'],
    to: ['phone', 'device', 'ip', 'vehicle'],
    directed: true,
    occurrences: 'sightings',
  },
  called: { from: ['phone'], to: ['phone'], directed: true, occurrences: 'calls' },
  messaged: { from: ['phone'], to: ['phone'], directed: true, occurrences: 'calls' },
  'in-device': { from: ['phone'], to: ['device'], directed: true, occurrences: 'sightings' },
  'seen-at': {
    from: ['phone', 'device', 'vehicle', 'person'],
    to: ['location'],
    directed: true,
    occurrences: 'sightings',
  },
  'used-ip': { from: ['phone', 'device'], to: ['ip'], directed: true, occurrences: 'sightings' },
  holds: { from: ['person'], to: ['account', 'id-document'], directed: true, occurrences: 'none' },
  paid: { from: ['account'], to: ['account'], directed: true, occurrences: 'payments' },
  'stayed-at': { from: ['person'], to: ['hotel'], directed: true, occurrences: 'stays' },
  'located-at': { from: ['hotel', 'person'], to: ['location'], directed: true, occurrences: 'none' },
  'associate-of': { from: ['person'], to: ['person'], directed: false, occurrences: 'none' },
  advertises: { from: ['ad'], to: ['phone', 'person', 'hotel'], directed: true, occurrences: 'sightings' },
  'posted-by': { from: ['ad'], to: ['account'], directed: true, occurrences: 'none' },
  involves: { from: ['case'], to: ANY, directed: true, occurrences: 'none' },
} as const satisfies Record<string, LinkRule>;

export type LinkKind = keyof typeof LINK_RULES;
export const LINK_KINDS = Object.keys(LINK_RULES) as LinkKind[];

export function linkRule(kind: LinkKind): LinkRule {
  return LINK_RULES[kind];
}
