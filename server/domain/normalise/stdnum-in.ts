/**
 * The Indian validators of stdnum. Each one is looked up once here, so a missing one fails at start-up
 * (after an upgrade) instead of on the first PAN of an import. Only India's module is loaded: the root
 * export loads every country's, 0.4 s of every start-up (the service, each import's worker, each test
 * file), for three validators. The package declares no exports map, so its own path is the way in.
 */
import type { Validator } from 'stdnum';
import * as india from 'stdnum/lib/cjs/in/index.js';

function validator(name: 'pan' | 'aadhaar' | 'epic'): Validator {
  const found = (india as Record<string, Validator | undefined>)[name];
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
