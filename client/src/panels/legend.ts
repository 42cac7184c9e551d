/**
 * The legend: what the colours and pictograms mean for the current encoding — the kinds present
 * (pictogram, name, count shown) and, when colouring by community, the communities' colours.
 */
import type { ViewController } from '../view/controller.js';
import { countKinds } from '../graph-data.js';
import { KIND_ORDER, kindStyle } from '../kinds.js';
import { formatCount } from '../format.js';
import { pictogramOf } from '../view/pictograms.js';
import { el, swatch } from './dom.js';

const rank = (kind: string) => {
  const i = (KIND_ORDER as string[]).indexOf(kind);
  return i === -1 ? KIND_ORDER.length : i;
};

export function mountLegend(list: HTMLElement, view: ViewController): void {
  const render = () => {
    const counts = countKinds(view.graph, view.visible.nodes);
    const kinds = [...counts.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const byKind = view.state.colourBy === 'kind';
    const items = kinds.map((kind) => {
      const style = kind === 'community' ? { name: 'Community', colour: '#6b7280' } : kindStyle(kind);
      const mark = swatch(byKind ? style.colour : '#6b7280');
      mark.classList.add('pictogram-swatch');
      const icon = pictogramOf(kind);
      if (icon) mark.append(el('img', { attrs: { src: icon, alt: '' } }));
      return el(
        'li',
        { className: 'legend-item', data: { kind } },
        mark,
        el('span', { className: 'legend-name', text: style.name }),
        el('span', { className: 'legend-count', text: formatCount(counts.get(kind) ?? 0) }),
      );
    });
    if (!byKind && view.appearance.communities.size)
      items.push(
        el(
          'li',
          { className: 'legend-note' },
          'Colour: community (see Communities). Size: ',
          view.state.sizeBy.replace('-', ' '),
          '.',
        ),
      );
    else
      items.push(
        el('li', {
          className: 'legend-note',
          text: `Colour: kind. Size: ${view.state.sizeBy.replace('-', ' ')}.`,
        }),
      );
    list.replaceChildren(...items);
  };
  const panel = list.closest<HTMLElement>('.panel')!;
  view.on('counts', () => {
    render();
    panel.hidden = view.graph.order === 0;
  });
}
