/**
 * The mask a report or export is made with: the service's own (domain/mask.ts) plus the forms in which
 * a protected number also turns up inside other text — its digits run together, and its last ten
 * digits (the national form CDR files and their names use: "jio-cdr-98XXXXXXXX.csv"). A file leaves
 * the service for good, so it is scrubbed of those too.
 */
import type { MaskSet } from '../../domain/mask.js';

export function reportMasks(set: MaskSet): MaskSet {
  const seen = new Set(set.scrub.map((s) => s.secret));
  const extra: MaskSet['scrub'] = [];
  for (const { secret, shown } of set.scrub) {
    const digits = secret.replace(/\D/g, '');
    // Only what is mostly a number: a phone, an account, a document number.
    if (digits.length < 8 || digits.length < secret.replace(/[\s+\-()]/g, '').length * 0.7) continue;
    for (const v of [digits, digits.slice(-10)])
      if (v.length >= 8 && !seen.has(v)) {
        seen.add(v);
        extra.push({ secret: v, shown });
      }
  }
  return {
    byId: set.byId,
    scrub: [...set.scrub, ...extra].sort((a, b) => b.secret.length - a.secret.length),
  };
}
