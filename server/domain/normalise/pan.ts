/** PAN (income-tax permanent account number): format from stdnum, holder type from our own table. */
import type { KeyResult } from './result.js';
import { failure, panValidator } from './stdnum-in.js';

/**
 * The fourth letter names the kind of holder (INDIA.md §4). stdnum 1.12 answers "company" for every PAN,
 * individuals included, and also admits a K that INDIA.md's table does not have, so we read the letter here.
 */
const HOLDER_TYPES: Readonly<Record<string, string>> = {
  P: 'individual',
  C: 'company',
  H: 'huf',
  F: 'firm',
  A: 'aop',
  T: 'trust',
  B: 'boi',
  L: 'local-authority',
  J: 'artificial-juridical-person',
  G: 'government',
};

export function normalisePan(raw: string): KeyResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'a PAN is empty' };
  if (/[*•]/.test(text) || /X{4,}/i.test(text))
    return { ok: false, reason: 'a masked PAN cannot identify a holder' };
  const why = failure(panValidator.validate(text));
  if (why === 'InvalidLength') return { ok: false, reason: 'a PAN has 10 characters (e.g. ABCPE1234F)' };
  if (why !== undefined && why !== 'InvalidComponent') {
    return { ok: false, reason: 'a PAN is 5 letters, 4 digits and a letter (e.g. ABCPE1234F)' };
  }
  const pan = panValidator.format(text);
  const letter = pan[3] ?? '';
  const holderType = HOLDER_TYPES[letter];
  if (!holderType)
    return { ok: false, reason: `the fourth letter of a PAN names the holder type; ${letter} is not one` };
  if (why !== undefined)
    return { ok: false, reason: 'the serial number of a PAN (its four digits) cannot be 0000' };
  return { ok: true, key: pan, display: pan, props: { holderType } };
}
