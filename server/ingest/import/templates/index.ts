/** Every template, in the order auto-detection prefers on a tie. */
import { AIRTEL_CDR, BSNL_CDR, GENERIC_CDR, JIO_CDR, TOWER_DUMP, VI_CDR } from './cdr.js';
import { ONE_ROW_ONE_LINK } from './generic.js';
import { HOTEL_REGISTER } from './hotel.js';
import { IPDR } from './ipdr.js';
import { AXIS_STATEMENT, HDFC_STATEMENT, ICICI_STATEMENT, SBI_STATEMENT } from './bank.js';
import type { Template } from './types.js';

export type { Template, FieldSpec, MapContext } from './types.js';

export const TEMPLATES: readonly Template[] = [
  AIRTEL_CDR,
  JIO_CDR,
  VI_CDR,
  BSNL_CDR,
  TOWER_DUMP,
  GENERIC_CDR,
  SBI_STATEMENT,
  HDFC_STATEMENT,
  AXIS_STATEMENT,
  ICICI_STATEMENT,
  HOTEL_REGISTER,
  IPDR,
  ONE_ROW_ONE_LINK,
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
