/**
 * UPI, IMPS and NEFT narrations of bank statements (INDIA.md §2) read into the counter-party's name, UPI
 * id, IFSC and the transaction's reference. The layouts were read from public samples, so each pattern
 * here has its table of cases (narration.test.ts); anything else keeps only what can be found in it
 * (a UPI id, a 12-digit RRN) and its channel.
 */

export interface Narration {
  channel: 'UPI' | 'IMPS' | 'NEFT' | 'RTGS' | 'ACH' | 'OTHER';
  /** Debit or credit, when the narration says it. */
  side?: 'dr' | 'cr';
  /** RRN (UPI, IMPS) or UTR (NEFT, RTGS). */
  ref?: string;
  name?: string;
  vpa?: string;
  ifsc?: string;
}

const IFSC = String.raw`[A-Z]{4}0[A-Z0-9]{6}`;
const VPA = /[A-Za-z0-9._-]{2,256}@[A-Za-z][A-Za-z0-9.]{1,63}/;
const clean = (s: string | undefined) => {
  const t = (s ?? '').trim();
  return t === '' ? undefined : t;
};
const vpaOf = (s: string | undefined) => {
  const t = clean(s);
  return t && VPA.test(t) && !/[*]/.test(t) ? t.toLowerCase() : undefined;
};

const RULES: { re: RegExp; read: (m: RegExpExecArray) => Narration }[] = [
  // SBI: WDL TFR UPI/DR/<RRN>/<payee, truncated>/<bank code>/<VPA>/UPI … ; credits DEP TFR UPI/CR/…
  {
    re: /^(?:WDL|DEP)\s+TFR\s+UPI\/(DR|CR)\/(\d{12})\/([^/]*)\/([^/]*)\/([^/]*)(?:\/.*)?$/i,
    read: (m) => ({
      channel: 'UPI',
      side: m[1]!.toLowerCase() as 'dr' | 'cr',
      ref: m[2]!,
      ...opt('name', clean(m[3])),
      ...opt('vpa', vpaOf(m[5])),
    }),
  },
  // HDFC: UPI-<PAYEE>-<VPA>-<payee IFSC>-<RRN>-<remark>
  {
    re: new RegExp(String.raw`^UPI-(.*?)-(${VPA.source})-(${IFSC})-(\d{12})(?:-(.*))?$`, 'i'),
    read: (m) => ({
      channel: 'UPI',
      ref: m[4]!,
      ...opt('name', clean(m[1])),
      ...opt('vpa', vpaOf(m[2])),
      ifsc: m[3]!.toUpperCase(),
    }),
  },
  // HDFC: NEFT CR-<IFSC>-<remitter>-<beneficiary>-<UTR>; the counter-party is the remitter of a credit.
  {
    re: new RegExp(String.raw`^NEFT\s*(CR|DR)-(${IFSC})-([^-]*)-([^-]*)-(\w+)$`, 'i'),
    read: (m) => {
      const side = m[1]!.toLowerCase() as 'dr' | 'cr';
      return {
        channel: 'NEFT',
        side,
        ref: m[5]!,
        ifsc: m[2]!.toUpperCase(),
        ...opt('name', clean(side === 'cr' ? m[3] : m[4])),
      };
    },
  },
  // Axis: UPI/P2A/<RRN>/<NAME>/<bank>/UPI, UPI/P2M/<RRN>/<merchant>/UPI/<bank>; IMPS/P2A/<RRN>/<name>/<bank>/…
  {
    re: /^(UPI|IMPS)\/(?:P2A|P2M|P2P)\/(\d{12})\/([^/]*)(?:\/(.*))?$/i,
    read: (m) => ({
      channel: m[1]!.toUpperCase() as 'UPI' | 'IMPS',
      ref: m[2]!,
      ...opt('name', clean(m[3])),
      ...opt('vpa', vpaOf(VPA.exec(m[4] ?? '')?.[0])),
    }),
  },
  // ACH D- <creditor>-<ref> (HDFC)
  {
    re: /^ACH\s*([DC])-\s*(.*?)-(\w+)$/i,
    read: (m) => ({
      channel: 'ACH',
      side: m[1]!.toUpperCase() === 'D' ? 'dr' : 'cr',
      ref: m[3]!,
      ...opt('name', clean(m[2])),
    }),
  },
];

function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function parseNarration(raw: string): Narration {
  const text = raw.trim().replace(/\s+/g, ' ');
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (m) return rule.read(m);
  }
  const channel = /\bUPI\b/i.test(text)
    ? 'UPI'
    : /\bIMPS\b/i.test(text)
      ? 'IMPS'
      : /\bNEFT\b/i.test(text)
        ? 'NEFT'
        : /\bRTGS\b/i.test(text)
          ? 'RTGS'
          : 'OTHER';
  const ref = /\b(\d{12})\b/.exec(text)?.[1];
  return {
    channel,
    ...opt('ref', channel === 'OTHER' ? undefined : ref),
    ...opt('vpa', vpaOf(VPA.exec(text)?.[0])),
  };
}
