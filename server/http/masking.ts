/**
 * Every answer of the service passes through the mask before it leaves (domain/mask.ts); the set of
 * protected entities is asked of the store once per graph version.
 */
import { maskSet, type MaskSet } from '../domain/mask.js';
import type { GraphStore } from '../store/graph-store.js';

export { mask } from '../domain/mask.js';

export class Masking {
  private cached: Promise<MaskSet> | undefined;
  private cachedVersion = -1;

  constructor(private readonly store: GraphStore) {}

  async current(): Promise<MaskSet> {
    const version = await this.store.version();
    if (!this.cached || version !== this.cachedVersion) {
      this.cachedVersion = version;
      this.cached = this.store.protectedEntities().then(maskSet);
      this.cached.catch(() => (this.cached = undefined));
    }
    return this.cached;
  }
}
