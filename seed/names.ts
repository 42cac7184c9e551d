/**
 * Names that cannot be mistaken for anyone's: built from invented syllables heavy in x, q and z, which no
 * Indian (or other) naming tradition combines this way. DESIGN.md: demo and test data look synthetic, and
 * no real person's data ever enters the repository — so no list of real names is used anywhere.
 */
import type { Rng } from './rng.js';

const GIVEN_HEAD = [
  'Zo',
  'Xa',
  'Qui',
  'Vey',
  'Zu',
  'Ixa',
  'Oqo',
  'Yle',
  'Kwa',
  'Vry',
  'Exo',
  'Ulq',
  'Thyx',
  'Qe',
  'Zhi',
  'Avex',
];
const GIVEN_TAIL = [
  'rix',
  'vel',
  'qua',
  'nox',
  'zel',
  'thar',
  'qim',
  'xil',
  'lor',
  'vab',
  'zen',
  'rue',
  'qix',
  'pho',
  'dro',
  'yat',
];
const FAMILY_HEAD = [
  'Quor',
  'Vex',
  'Zan',
  'Thrax',
  'Moz',
  'Plix',
  'Drav',
  'Zhul',
  'Kwen',
  'Yorb',
  'Xel',
  'Fenq',
];
const FAMILY_TAIL = [
  'vane',
  'mox',
  'tril',
  'quist',
  'zeth',
  'borne',
  'lax',
  'vix',
  'dune',
  'rox',
  'qar',
  'zoth',
];

export interface PersonName {
  given: string;
  family: string;
  full: string;
}

export function personName(rng: Rng): PersonName {
  const given = rng.pick(GIVEN_HEAD) + rng.pick(GIVEN_TAIL);
  const family = rng.pick(FAMILY_HEAD) + rng.pick(FAMILY_TAIL);
  return { given, family, full: `${given} ${family}` };
}

const fromParts = (heads: readonly string[], tails: readonly string[]) =>
  new RegExp(`^(?:${heads.join('|')})(?:${tails.join('|')})$`);
const GIVEN = fromParts(GIVEN_HEAD, GIVEN_TAIL);
const FAMILY = fromParts(FAMILY_HEAD, FAMILY_TAIL);

/** Whether a name is one this module can make: tests use it to prove no realistic name slipped in. */
export function isSyntheticName(name: string): boolean {
  const [given = '', family = '', ...rest] = name.split(' ');
  return rest.length === 0 && GIVEN.test(given) && FAMILY.test(family);
}

/**
 * Whether a name is a planted spelling of one this module made (world/duplicates.ts): its parts are the
 * synthetic given and family names, in either order, the given name perhaps as an initial, perhaps after
 * one transliterated word (Mohd, Sk, Kumari …) that on its own names nobody.
 */
export function isSyntheticVariant(name: string, transliterations: readonly string[]): boolean {
  const parts = name.split(' ');
  const rest = transliterations.includes(parts[0] ?? '') ? parts.slice(1) : parts;
  if (rest.length !== 2) return false;
  const [x = '', y = ''] = rest;
  const given = (g: string) => GIVEN.test(g) || /^[A-Z]\.$/.test(g);
  return (given(x) && FAMILY.test(y)) || (FAMILY.test(x) && given(y));
}

const HOTEL_HEAD = [
  'Zor',
  'Quel',
  'Vax',
  'Xyr',
  'Oqu',
  'Zeph',
  'Kwal',
  'Thyx',
  'Vrel',
  'Ixon',
  'Yzar',
  'Qast',
];
const HOTEL_TAIL = ['ane', 'ora', 'ix', 'uvia', 'eth', 'ondo', 'iva', 'aar'];
const HOTEL_TYPES: readonly ((name: string) => string)[] = [
  (n) => `Hotel ${n} Lodge`,
  (n) => `Hotel ${n} Residency`,
  (n) => `${n} Guest House`,
  (n) => `Hotel ${n} Inn`,
  (n) => `${n} Spa & Wellness`,
  (n) => `Hotel ${n} Palace`,
];

export function hotelName(rng: Rng): string {
  return rng.pick(HOTEL_TYPES)(rng.pick(HOTEL_HEAD) + rng.pick(HOTEL_TAIL));
}

/** The lowercase word a UPI id or handle starts with. */
export function nameSlug(name: PersonName): string {
  return name.given.toLowerCase();
}
