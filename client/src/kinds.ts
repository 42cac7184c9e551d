/**
 * How each entity kind looks: a colour and a name for the legend. The palette starts from Okabe & Ito's
 * colour-blind-safe set (blue, orange, bluish green, vermillion, reddish purple, sky blue) for the
 * kinds an analyst reads first, and fills the rest from Paul Tol's muted set; every colour holds up as a
 * filled disc on white. Twelve kinds cannot all be told apart by colour alone under every colour-vision
 * deficiency, so the legend, the hover card and the labels always name the kind as well.
 */
import type { EntityKind, LinkKind } from '../../server/domain/kinds.js';

export interface KindStyle {
  /** Singular name, as the legend and hover card show it. */
  name: string;
  colour: string;
}

export const KIND_STYLES = {
  person: { name: 'Person', colour: '#0072B2' },
  phone: { name: 'Phone', colour: '#E69F00' },
  account: { name: 'Account', colour: '#009E73' },
  hotel: { name: 'Hotel', colour: '#D55E00' },
  location: { name: 'Location', colour: '#CC79A7' },
  case: { name: 'Case (FIR)', colour: '#1F2937' },
  vehicle: { name: 'Vehicle', colour: '#56B4E9' },
  device: { name: 'Device', colour: '#882255' },
  'id-document': { name: 'ID document', colour: '#44AA99' },
  ip: { name: 'IP address', colour: '#999933' },
  ad: { name: 'Online ad', colour: '#AA4499' },
  document: { name: 'Evidence document', colour: '#8D8D8D' },
} as const satisfies Record<EntityKind, KindStyle>;

/** The legend's order: the kinds an investigation turns on first. */
export const KIND_ORDER = Object.keys(KIND_STYLES) as EntityKind[];

const UNKNOWN: KindStyle = { name: 'Other', colour: '#B0B7C3' };

/** A kind the server knows and this client does not yet still gets drawn, in neutral grey, under its own name. */
export function kindStyle(kind: string): KindStyle {
  return (KIND_STYLES as Record<string, KindStyle>)[kind] ?? { ...UNKNOWN, name: kind };
}

/** The colour blended towards white by `amount` (0–1): how entities outside the hovered neighbourhood fade. */
export function fade(colour: string, amount: number): string {
  const n = Number.parseInt(colour.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 0xff;
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

/** Link kinds as the filters name them; checked against the server's list at compile time. */
export const LINK_NAMES = {
  uses: 'uses (phone)',
  called: 'called',
  messaged: 'messaged',
  'in-device': 'in device',
  'seen-at': 'seen at',
  'used-ip': 'used IP',
  holds: 'holds (account)',
  paid: 'paid',
  'stayed-at': 'stayed at',
  'located-at': 'located at',
  'associate-of': 'associate of',
  advertises: 'advertises',
  'posted-by': 'posted by',
  involves: 'involved in case',
} as const satisfies Record<LinkKind, string>;

export const linkName = (kind: string): string => (LINK_NAMES as Record<string, string>)[kind] ?? kind;

/**
 * What ties two people in evidence: every link kind but a case's record of who it involves, which
 * would tie any two co-accused in two steps and hide how they are actually connected.
 */
export const TIE_LINK_KINDS = (Object.keys(LINK_NAMES) as LinkKind[]).filter((k) => k !== 'involves');
