/**
 * The result of every normaliser; keys.ts re-exports it. Declared here, below keys.ts, because keys.ts
 * imports every normaliser and a type imported back from it would be a cycle.
 */
import type { Props } from '../props.js';

export type KeyResult =
  | {
      ok: true;
      /** The canonical key the id derives from; for an Aadhaar number, a keyed hash, never the number. */
      key: string;
      /** How the key is shown to a person: "+91 98201 23456", "XXXX-XXXX-1234". */
      display: string;
      /** Facts read off the key itself: a PAN's holder type, an Aadhaar's last four digits. */
      props?: Props;
    }
  | { ok: false; reason: string };
