/**
 * Whether two written names are probably one person's, and why: the first half of merge candidates
 * (issue 8). Indian records spell one name many ways — Mohammed / Mohd / Muhammad / Md, Sk / Shaikh /
 * Sheikh, Kumari / Kum. — give initials for given names (R. K. Sharma), and put the family name first or
 * last. A name never decides alone: the merge candidates still to be built weigh it with shared phones,
 * documents, birth dates and addresses, and only a user merges.
 */

/** Spellings of one name, each folded to its first form. */
const VARIANTS: readonly (readonly string[])[] = [
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'mohamad', 'muhammed', 'mohd', 'md', 'mohmad', 'mahommed'],
  ['shaikh', 'sheikh', 'shekh', 'sk', 'shk'],
  ['abdul', 'abdool', 'abdhul'],
  ['kumari', 'kum', 'kmr'],
  ['kumar', 'kr'],
  ['devi', 'debi'],
  ['laxmi', 'lakshmi', 'luxmi'],
  ['chaudhary', 'chaudhari', 'choudhary', 'chowdhury', 'choudhury'],
  ['srivastava', 'shrivastava', 'shrivastav', 'srivastav'],
  ['singh', 'sing'],
  ['begum', 'begam'],
  ['khatun', 'khatoon'],
  ['rehman', 'rahman', 'rahaman'],
];

const CANON = new Map<string, string>();
for (const group of VARIANTS) for (const v of group) if (!CANON.has(v)) CANON.set(v, group[0]!);

/** Honorifics and relation words that are not part of the name ("s/o", "w/o", "Smt."). */
const NOISE = new Set([
  'mr',
  'mrs',
  'ms',
  'smt',
  'shri',
  'sri',
  'kumari_title',
  'dr',
  'late',
  'so',
  'do',
  'wo',
  'co',
]);

export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b([sdwc])\s*\/\s*o\b.*$/, '') // "Ravi s/o Mohan": the father's name is not the person's
    .split(/[^a-z]+/)
    .filter((t) => t !== '' && !NOISE.has(t))
    .map((t) => CANON.get(t) ?? t);
}

export interface NameMatch {
  /** 0 (nothing alike) to 1 (the same tokens). */
  score: number;
  /** What made them alike, for the user deciding: "transliteration: mohd = muhammad", "initial R = Ravi". */
  evidence: string[];
}

/** Compares two names token by token, in any order; a lone letter matches a token with that initial. */
export function compareNames(a: string, b: string): NameMatch {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return { score: 0, evidence: [] };
  const evidence: string[] = [];
  const rawA = a.toLowerCase();
  const rawB = b.toLowerCase();
  for (const t of new Set([...ta, ...tb]))
    if (ta.includes(t) && tb.includes(t)) {
      const spelled = [...(VARIANTS.find((g) => g[0] === t) ?? [])].filter(
        (v) => rawA.includes(v) || rawB.includes(v),
      );
      if (spelled.length > 1) evidence.push(`transliteration: ${spelled.join(' = ')}`);
    }
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const used = new Set<number>();
  let matched = 0;
  for (const t of short) {
    let at = long.findIndex((u, i) => !used.has(i) && u === t);
    if (at < 0 && t.length === 1) {
      at = long.findIndex((u, i) => !used.has(i) && u.length > 1 && u[0] === t);
      if (at >= 0) {
        evidence.push(`initial ${t.toUpperCase()} = ${long[at]}`);
        matched += 0.8;
        used.add(at);
        continue;
      }
    }
    if (at < 0 && t.length > 1) {
      at = long.findIndex((u, i) => !used.has(i) && u.length === 1 && u === t[0]);
      if (at >= 0) {
        evidence.push(`initial ${long[at]!.toUpperCase()} = ${t}`);
        matched += 0.8;
        used.add(at);
        continue;
      }
    }
    if (at >= 0) {
      matched += 1;
      used.add(at);
    }
  }
  const inOrder = short.every((t, i) => long[i] === t);
  if (!inOrder && matched === short.length && short.length > 1) evidence.push('name order swapped');
  // Every token of the shorter name must be accounted for; extra tokens in the longer one cost a little.
  const score = matched / short.length - 0.1 * (long.length - short.length);
  return { score: Math.max(0, Math.min(1, score)), evidence };
}
