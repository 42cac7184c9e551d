/** The side panel's card for the hovered entity: its kind, label and how connected it is. */
import { counted } from './format.js';
import type { HoverInfo } from './graph-view.js';
import { kindStyle } from './kinds.js';

export function renderHoverCard(card: HTMLElement, info: HoverInfo | null): void {
  if (!info) {
    const hint = document.createElement('p');
    hint.className = 'hover-hint';
    hint.textContent = 'Point at an entity to see it and its direct links.';
    card.replaceChildren(hint);
    delete card.dataset.node;
    return;
  }
  const style = kindStyle(info.kind);
  const kind = document.createElement('p');
  kind.className = 'hover-kind';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.backgroundColor = style.colour;
  kind.append(swatch, style.name);
  const label = document.createElement('p');
  label.className = 'hover-label';
  label.textContent = info.label;
  const links = document.createElement('p');
  links.className = 'hover-links';
  links.textContent = `${counted(info.links, 'link')} to ${counted(info.neighbours, 'entity', 'entities')}`;
  card.replaceChildren(kind, label, links);
  card.dataset.node = info.node;
}
