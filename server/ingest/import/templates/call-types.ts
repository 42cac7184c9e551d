/**
 * Call-type codes of the four operators (INDIA.md §1.1) read as what happened: a call or an SMS, made or
 * received by the target. Airtel: IN, OUT, SMT, SMO. Jio: a_in, a_out, A2P_SMSIN, P2P_SMSIN, P2POUT,
 * P2AOUT, a_in_wifi, a_out_wifi, a_in_vw, v_in, v_out, VDO-IN, VDO-OUT, a_frw. Vi: Incoming / Outgoing with
 * Service Type Voice or SMS. BSNL: IN / OUT with Service Type SMS or "Voice Call". The generic 3GPP codes
 * (MOC, MTC, SMS_MO, SMS_MT) are read too, though no operator sample used them.
 */

export interface CallType {
  kind: 'called' | 'messaged';
  /** out: the target made it; in: the target received it. */
  dir: 'out' | 'in';
}

const SMS = /SMS|^SM[OT]$|^P2[PA]|^A2P/;
const IN = /^(IN|INCOMING|MTC|MT|SMT|SMS_?MT|.*SMS_?IN|A_IN.*|V_IN.*|VDO[-_]?IN.*|INC)$/;
const OUT = /^(OUT|OUTGOING|MOC|MO|SMO|SMS_?MO|.*OUT|A_OUT.*|V_OUT.*|VDO[-_]?OUT.*|A_FRW|FRW|FORWARDED|OG)$/;

/** undefined when the code is none of these; `serviceType` settles calls from SMS where the code does not. */
// By service type, then code: a lookup per row builds no key.
const cache = new Map<string, Map<string, CallType | null>>();

export function readCallType(code: string, serviceType = ''): CallType | undefined {
  let byCode = cache.get(serviceType);
  if (!byCode) {
    if (cache.size > 1_000) cache.clear();
    cache.set(serviceType, (byCode = new Map()));
  }
  let t = byCode.get(code);
  if (t === undefined) {
    if (byCode.size > 10_000) byCode.clear();
    t = readUncached(code, serviceType) ?? null;
    byCode.set(code, t);
  }
  return t ?? undefined;
}

function readUncached(code: string, serviceType: string): CallType | undefined {
  const c = code.trim().toUpperCase().replace(/\s+/g, '_');
  const service = serviceType.trim().toUpperCase();
  const dir = IN.test(c) ? 'in' : OUT.test(c) ? 'out' : undefined;
  if (!dir) return undefined;
  const sms = SMS.test(c) || /SMS/.test(service);
  return { kind: sms ? 'messaged' : 'called', dir };
}
