/**
 * The Indian validators of stdnum. Its root export is a loose record, so each one is looked up once here
 * and a missing one fails at start-up (after an upgrade) instead of on the first PAN of an import.
 */
import { stdnum } from 'stdnum';
import type { Validator } from 'stdnum';

function validator(name: 'pan' | 'aadhaar' | 'epic'): Validator {
  const found = stdnum['IN']?.[name];
  if (!found) throw new Error(`stdnum has no IN.${name} validator`);
  return found;
}

export const panValidator = validator('pan');
export const aadhaarValidator = validator('aadhaar');
export const epicValidator = validator('epic');

/** The name of stdnum's error class (InvalidLength, InvalidFormat, InvalidChecksum, InvalidComponent). */
export function failure(result: ReturnType<Validator['validate']>): string | undefined {
  return result.isValid ? undefined : (result.error?.name ?? 'ValidationError');
}
