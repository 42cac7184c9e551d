import { CaseGraphError } from '../../domain/errors.js';

/** Another writer held the store past the busy timeout: the caller may try again, it is not a fault. */
export function busyAsUnavailable<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new CaseGraphError(
        'STORE.UNAVAILABLE',
        'the store is busy with another writer; try again shortly',
      );
    throw err;
  }
}
