/**
 * Victim protection (POCSO s.23, JJ Act s.74, BNS s.72; DESIGN.md): a person who is a victim in any case,
 * or a minor, is shown by a pseudonym; so are the phones, accounts and identity documents they use or
 * hold, since a number names a person as surely as a name does, and the home address they give (a
 * location by its address that they are located at): POCSO s.23(2) and JJ Act s.74(1) name the address
 * beside the name. What a protected entity is shown as is decided here, once, for every response.
 *
 * A person record that holds an identity document a victim or minor also holds ('same-document') is
 * protected too, under her pseudonym: a lodge register or a bank's KYC names its guest or customer as a
 * record of its own, and the same passport, voter id or PAN shown twice is, for her protection, one
 * woman. Left unmasked, that record would print her name and her document's number beside the pseudonym
 * that hides them. Deciding a merge candidate "not the same" does not lift it: unmasking a probable victim
 * is a decision about her, for a role that may see victims, not a side effect of tidying duplicates.
 *
 * A shared PHONE does not extend it, nor an account: traffickers hold their victims' phones, top them up
 * and answer them, and book rooms and take payments in their names. A person who only uses a victim's
 * number is, as often as not, the man who controls her; masking him would hide the accused from the
 * investigation that needs him. A document is shown by its holder, in person, to a desk that copies it;
 * a phone number is given by whoever holds the phone. The phone itself stays masked as hers.
 *
 * It reaches one document and one step only: the records that share her document are not a source of
 * protection themselves, so a chain of shared documents cannot spread a pseudonym across a network, and
 * what those records use (the number a register wrote beside her name, often her trafficker's) is not
 * masked on their account. The one exception is the home address such a record gives: the register's
 * guest is presumed to be her, and her address is hers by law whoever else gives it. A place only her
 * trafficker gives stays shown, as the phone he answers does not hide him.
 */
import type { EntityKind } from './kinds.js';

export type ProtectionReason = 'victim' | 'minor' | 'identifier' | 'same-document';

/** Whose pseudonym it is: a victim or minor has her own; everything else borrows a protected person's. */
export const ownsPseudonym = (reason: ProtectionReason): boolean => reason === 'victim' || reason === 'minor';

export interface ProtectedEntity {
  id: string;
  kind: EntityKind;
  reason: ProtectionReason;
  /**
   * The protected person's pseudonym ("V-0007"); for an identifier, its person's; for a person who shares
   * her document, hers, so one woman on two records is not shown as two.
   */
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
  location: 'Address',
};

/** How a protected entity is labelled to someone who may not see who it is. */
export function maskedLabel(p: ProtectedEntity): string {
  if (p.reason === 'identifier') return `${KIND_WORDS[p.kind] ?? 'Identifier'} of ${p.pseudonym}`;
  // Not "Victim": that is the FIR's word, and this record is hers only by presumption.
  if (p.reason === 'same-document') return `${p.pseudonym} (same ID document)`;
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
