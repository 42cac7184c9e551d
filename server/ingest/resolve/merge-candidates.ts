/**
 * Merge candidates: pairs of person records that are probably one person, each with the evidence for it
 * (issue 8). A user decides; nothing here merges.
 *
 * Blocking, as record linkage does at scale (Christen, "Data Matching", 2012, ch. 4): only persons that
 * share something concrete are ever compared — an identifier they use or hold (phone, handset, account,
 * ID document, vehicle, address), a date of birth, or a written address. Each shared value is a block; a
 * value shared by more than `maxBlock` persons (a lodge's landline, a common birth date in a big graph)
 * says little and would cost pairs by the square, so identifier blocks that large are skipped and large
 * birth-date blocks are compared within the first letters of the family name only. Within the pairs so
 * found, a name must match (person-names.ts: transliterations, initials, order) and nothing may
 * contradict (a different gender, ages far apart). The score weighs the name and what is shared.
 */
import { hash } from 'node:crypto';
import type { EntityKind } from '../../domain/kinds.js';
import { pairKey, type ResolutionPerson } from '../../domain/merges.js';
import { compareNames, nameTokens } from './person-names.js';

export const DEFAULTS = {
  /** A name score below this (person-names.ts, 0–1) is not the same name, whatever else is shared. */
  minName: 0.75,
  /** Candidates scoring below this are not offered. */
  minScore: 0.6,
  /** An identifier shared by more persons than this is a common one (a lodge's phone), not evidence of one person. */
  maxBlock: 12,
  /** Ages (as recorded) further apart than this contradict, unless a birth date agrees. */
  maxAgeGap: 4,
};
export type CandidateOptions = typeof DEFAULTS;

export type EvidenceKind = 'name' | 'identifier' | 'dob' | 'address';

export interface Evidence {
  kind: EvidenceKind;
  /** In words, for the user deciding; a shared identifier is named by kind and id, never its number. */
  detail: string;
  /** The shared entity, for kind "identifier". */
  entityId?: string;
}

export interface MergeCandidate {
  id: string;
  /** The pair, in id order. */
  a: string;
  b: string;
  /** 0–1: half the name's likeness, half what is shared. */
  score: number;
  evidence: Evidence[];
}

/** How much one shared thing says that two records are one person. */
const WEIGHT: Partial<Record<EntityKind, number>> & { dob: number; address: number } = {
  'id-document': 0.9,
  phone: 0.6,
  account: 0.6,
  device: 0.5,
  vehicle: 0.4,
  location: 0.4,
  dob: 0.5,
  address: 0.4,
};

/** A cell tower or a geo point is where a phone was, not who a person is: only addresses count. */
const weighed = (d: ResolutionPerson['identifiers'][number]) =>
  d.kind in WEIGHT && (d.kind !== 'location' || d.scheme === 'address');

const IDENTIFIER_WORDS: Partial<Record<EntityKind, string>> = {
  'id-document': 'the same ID document',
  phone: 'the same phone',
  account: 'the same account',
  device: 'the same handset',
  vehicle: 'the same vehicle',
  location: 'the same address',
};

export const candidateId = (a: string, b: string): string =>
  `candidate:${hash('sha256', pairKey(a, b), 'hex').slice(0, 24)}`;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const foldAddress = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface Person {
  p: ResolutionPerson;
  name: string;
  dob?: string;
  address?: string;
  /** First letters of the name's tokens, sorted: what a large birth-date block is split by. */
  letters: string;
}

function prepare(p: ResolutionPerson): Person | undefined {
  const name = text(p.props.name);
  if (!name) return undefined;
  const address = text(p.props.address);
  return {
    p,
    name,
    dob: text(p.props.dob ?? p.props.dateOfBirth),
    address: address && foldAddress(address),
    letters: [...new Set(nameTokens(name).map((t) => t[0]))].sort().join(''),
  };
}

/** Candidate pairs among the persons, best first. */
export function mergeCandidates(
  persons: readonly ResolutionPerson[],
  options: Partial<CandidateOptions> = {},
): MergeCandidate[] {
  const o = { ...DEFAULTS, ...options };
  const people = persons.map(prepare).filter((x): x is Person => x !== undefined);
  const blocks = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const block = blocks.get(key);
    if (block) block.push(i);
    else blocks.set(key, [i]);
  };
  people.forEach((x, i) => {
    for (const id of new Set(x.p.identifiers.filter(weighed).map((d) => d.id))) put(`id ${id}`, i);
    if (x.dob) put(`dob ${x.dob}`, i);
    if (x.address) put(`address ${x.address}`, i);
  });
  // Large birth-date blocks: split by every first letter of the name, so an initial still meets its word.
  for (const [key, members] of [...blocks]) {
    if (!key.startsWith('dob ') || members.length <= o.maxBlock) continue;
    blocks.delete(key);
    for (const i of members) for (const letter of new Set(people[i]!.letters)) put(`${key} ${letter}`, i);
  }

  const seen = new Set<string>();
  const out: MergeCandidate[] = [];
  for (const [key, members] of blocks) {
    if (members.length < 2 || members.length > (key.startsWith('dob ') ? o.maxBlock * 4 : o.maxBlock))
      continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [p, q] = [people[members[x]!]!, people[members[y]!]!];
        const key = pairKey(p.p.id, q.p.id);
        if (seen.has(key)) continue;
        seen.add(key);
        const c = compare(p, q, o);
        if (c) out.push(c);
      }
  }
  return out.sort((m, n) => n.score - m.score || m.id.localeCompare(n.id));
}

function compare(p: Person, q: Person, o: CandidateOptions): MergeCandidate | undefined {
  if (p.p.id === q.p.id) return undefined;
  const gender = [p.p.props.gender, q.p.props.gender];
  if (gender[0] && gender[1] && gender[0] !== gender[1]) return undefined;
  const sameDob = p.dob !== undefined && p.dob === q.dob;
  if (p.dob && q.dob && !sameDob) return undefined;
  const ages = [p.p.props.age, q.p.props.age];
  if (typeof ages[0] === 'number' && typeof ages[1] === 'number' && !sameDob)
    if (Math.abs(ages[0] - ages[1]) > o.maxAgeGap) return undefined;

  const name = compareNames(p.name, q.name);
  if (name.score < o.minName) return undefined;
  const evidence: Evidence[] = [];
  if (name.evidence.length) for (const detail of name.evidence) evidence.push({ kind: 'name', detail });
  else evidence.push({ kind: 'name', detail: name.score >= 1 ? 'the same name' : 'names alike' });

  let unlikely = 1;
  const mine = new Map(p.p.identifiers.filter(weighed).map((d) => [d.id, d.kind]));
  for (const id of [...new Set(q.p.identifiers.map((d) => d.id))].sort()) {
    const kind = mine.get(id);
    const w = kind && WEIGHT[kind];
    if (!kind || !w) continue;
    unlikely *= 1 - w;
    evidence.push({ kind: 'identifier', detail: `both use or hold ${IDENTIFIER_WORDS[kind]}`, entityId: id });
  }
  if (sameDob) {
    unlikely *= 1 - WEIGHT.dob;
    evidence.push({ kind: 'dob', detail: 'the same date of birth' });
  }
  if (p.address !== undefined && p.address === q.address) {
    unlikely *= 1 - WEIGHT.address;
    evidence.push({ kind: 'address', detail: 'the same written address' });
  }
  if (unlikely === 1) return undefined;
  const score = Math.round((0.5 * name.score + 0.5 * (1 - unlikely)) * 1000) / 1000;
  if (score < o.minScore) return undefined;
  const [a, b] = p.p.id < q.p.id ? [p.p.id, q.p.id] : [q.p.id, p.p.id];
  return { id: candidateId(a, b), a, b, score, evidence };
}
