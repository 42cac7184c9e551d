/**
 * Victim protection (POCSO s.23, JJ Act s.74, BNS s.72; DESIGN.md): a person who is a victim in any case,
 * or a minor, is shown by a pseudonym; so are the phones, accounts and identity documents they use or
 * hold, since a number names a person as surely as a name does. What a protected entity is shown as is
 * decided here, once, for every response.
 */
import type { EntityKind } from './kinds.js';

export type ProtectionReason = 'victim' | 'minor' | 'identifier';

export interface ProtectedEntity {
  id: string;
  kind: EntityKind;
  reason: ProtectionReason;
  /** The protected person's pseudonym ("V-0007"); for an identifier, its person's. */
  pseudonym: string;
  /** Everything the store holds that would name them: key, display, label, text properties. */
  secrets: string[];
}

export const pseudonymOf = (n: number): string => `V-${String(n).padStart(4, '0')}`;

const KIND_WORDS: Partial<Record<EntityKind, string>> = {
  phone: 'Phone',
  account: 'Account',
  'id-document': 'ID document',
  device: 'Device',
};

/** How a protected entity is labelled to someone who may not see who it is. */
export function maskedLabel(p: ProtectedEntity): string {
  if (p.reason === 'identifier') return `${KIND_WORDS[p.kind] ?? 'Identifier'} of ${p.pseudonym}`;
  return `${p.reason === 'minor' ? 'Minor' : 'Victim'} ${p.pseudonym}`;
}

/** Properties that may be shown of a protected person: nothing that would single them out. */
export const SAFE_PROPS = ['minor', 'gender'] as const;
