/**
 * What an entity is called on screen and what search matches it by. A person is called by name when a
 * source gives one; everything else by its key as people write it.
 */
import type { EntityKind } from './kinds.js';
import type { Props } from './props.js';

export function entityLabel(kind: EntityKind, display: string, props: Props): string {
  const name = props.name;
  if ((kind === 'person' || kind === 'hotel') && typeof name === 'string' && name.trim()) return name.trim();
  return display;
}

/** Words the search index holds for an entity: its label, key and the names it is also known by. */
export function searchText(kind: EntityKind, display: string, label: string, props: Props): string {
  const parts = new Set([label, display]);
  for (const k of ['alias', 'aliases', 'holderName', 'city', 'policeStation', 'district']) {
    const v = props[k];
    if (typeof v === 'string' && v) parts.add(v);
  }
  // Phone keys are searchable by their digits run together too ("9820123456"), as officers type them.
  if (kind === 'phone') parts.add(display.replace(/\D/g, '')).add(display.replace(/\D/g, '').slice(-10));
  return [...parts].join(' ');
}
