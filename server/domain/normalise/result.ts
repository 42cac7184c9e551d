/**
 * The result of every normaliser: the same type as KeyResult in ../keys.ts, which result.test.ts holds
 * equal. It is declared here because keys.ts imports every normaliser, so importing the type back from it
 * is a cycle, and the dependency rules (no-circular in .dependency-cruiser.cjs) count type-only imports.
 */
import type { Props } from '../props.js';

export type KeyResult =
  { ok: true; key: string; display: string; props?: Props } | { ok: false; reason: string };
