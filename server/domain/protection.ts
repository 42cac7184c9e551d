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

/**
 * Properties whose values are categories many people share (a gender, a nationality, a number's type or
 * operator, a state): scrubbing them would garble every answer that mentions the same word ("male",
 * "Indian", "Assam") and hide nothing, since they do not single a person out.
 */
const CATEGORY_PROPS = new Set([
  'gender',
  'nationality',
  'type',
  'operator',
  'circle',
  'bank',
  'state',
  'district',
  'city',
  'country',
  'minor',
]);

/**
 * The strings that would name a protected entity anywhere in an answer: its key, display and label, its
 * text properties but the categories above, and for what is mostly a number (a phone, an account, a
 * document number) its digits run together and its last ten digits — the national form CDR exports and
 * their file names use ("jio-cdr-97598XXXXX.csv"). Shorter than four characters would match by chance.
 */
export function secretsOf(
  key: string,
  display: string,
  label: string,
  props: Record<string, unknown>,
): string[] {
  const out = new Set<string>([key, display, label]);
  for (const [name, v] of Object.entries(props))
    if (typeof v === 'string' && !CATEGORY_PROPS.has(name)) out.add(v);
  for (const s of [...out]) {
    const digits = s.replace(/\D/g, '');
    // Mostly digits: a number written with spaces, dashes, a + or brackets, not a name with a house number.
    if (digits.length < 8 || digits.length < s.replace(/[\s+\-()/.]/g, '').length * 0.7) continue;
    out.add(digits);
    out.add(digits.slice(-10));
  }
  return [...out].filter((x) => x.length >= 4);
}
