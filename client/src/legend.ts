/** The legend: one row per entity kind present, with its colour, its name and how many are shown. */
import { KIND_ORDER, kindStyle } from './kinds.js';
import { formatCount } from './format.js';

export function renderLegend(list: HTMLElement, counts: ReadonlyMap<string, number>): void {
  const known: string[] = KIND_ORDER;
  const kinds = [...counts.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  function rank(kind: string): number {
    const i = known.indexOf(kind);
    return i === -1 ? known.length : i;
  }
  list.replaceChildren(
    ...kinds.map((kind) => {
      const style = kindStyle(kind);
      const item = document.createElement('li');
      item.className = 'legend-item';
      item.dataset.kind = kind;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.backgroundColor = style.colour;
      const name = document.createElement('span');
      name.className = 'legend-name';
      name.textContent = style.name;
      const count = document.createElement('span');
      count.className = 'legend-count';
      count.textContent = formatCount(counts.get(kind) ?? 0);
      item.append(swatch, name, count);
      return item;
    }),
  );
}
