/**
 * How each kind of document writes identifiers and grades its source, from INDIA.md §1–3: the operator
 * decides the phone and IMEI columns of a CDR or tower dump; SBI prints VPAs in capitals; typed registers
 * and FIRs space numbers out; extraction tools show numbers as the handset stored them.
 */
import type { Grading } from '../../server/domain/grading.js';
import type { Operator } from '../places.js';
import type { Rng } from '../rng.js';
import {
  writeImei,
  writePhone,
  writeVehicle,
  type ImeiForm,
  type PhoneForm,
  type VehicleForm,
} from '../spelling.js';
import type { Spell } from './writer.js';

export const OPERATOR_NAMES: Readonly<Record<Operator, string>> = {
  Airtel: 'Bharti Airtel Ltd',
  Jio: 'Reliance Jio Infocomm Ltd',
  Vi: 'Vodafone Idea Ltd',
  BSNL: 'Bharat Sanchar Nigam Ltd',
};

/** Airtel prefixes a ', Jio writes 91…, Vi a leading 0, BSNL the bare number (INDIA.md §1.1). */
export const CDR_PHONE: Readonly<Record<Operator, PhoneForm>> = {
  Airtel: 'apostrophe',
  Jio: 'cc',
  Vi: 'trunk',
  BSNL: 'bare',
};
/** Several operators print the 14-digit base + "0" instead of the check digit. */
export const CDR_IMEI: Readonly<Record<Operator, ImeiForm>> = {
  Airtel: 'zero-check',
  Jio: 'full',
  Vi: 'zero-check',
  BSNL: 'full',
};

export interface SpellStyle {
  /** One form for every number, or a chooser called once per number (the writer remembers the choice). */
  phone?: PhoneForm | (() => PhoneForm);
  imei?: ImeiForm;
  upiUpper?: boolean;
  vehicle?: VehicleForm;
  handleAt?: boolean;
}

export function spell(style: SpellStyle): Spell {
  return (e) => {
    switch (e.scheme) {
      case 'phone': {
        const form = typeof style.phone === 'function' ? style.phone() : (style.phone ?? 'e164');
        return writePhone(e.text, form);
      }
      case 'imei':
        return writeImei(e.text, style.imei ?? 'full');
      case 'upi':
        return style.upiUpper ? e.text.toUpperCase() : e.text;
      case 'vehicle':
        return writeVehicle(e.text, style.vehicle ?? 'spaced');
      case 'handle':
        return style.handleAt ? e.text.replace(':', ':@') : e.text;
      default:
        return e.text;
    }
  };
}

/** Picks a grading among the ones a kind of source usually earns. */
export function grade(rng: Rng, options: readonly string[]): Grading {
  const g = rng.pick(options);
  return { source: g[0] as Grading['source'], information: g[1] as Grading['information'] };
}
