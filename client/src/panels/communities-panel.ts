/**
 * The communities of the view, as the server's Louvain found them: each with its colour, size and
 * top members. Clicking one isolates it and zooms to it; clicking it again (or "all") shows all.
 */
import type { Communities } from '../api-reads.js';
import type { ViewController } from '../view/controller.js';
import { OTHER_COMMUNITY } from '../view/palette.js';
import { counted } from '../format.js';
import { button, el, swatch } from './dom.js';

export const DEFAULTS = { listed: 30, topMembers: 3 };

export function isolateCommunity(view: ViewController, id: number | null): void {
  view.update({ community: id }, id === null ? 'show all communities' : 'isolate community');
  if (id === null) {
    void view.resetCamera();
    return;
  }
  const members = [...view.visible.nodes];
  void view.flyTo(members);
}

export function mountCommunities(
  panel: HTMLElement,
  body: HTMLElement,
  view: ViewController,
): { show: (c: Communities) => void } {
  let data: Communities | null = null;
  const render = () => {
    if (!data) return;
    const colours = view.appearance.communities;
    const rows = [...data.communities]
      .sort((a, b) => b.size - a.size)
      .slice(0, DEFAULTS.listed)
      .map((c) => {
        const b = el(
          'button',
          {
            className: 'community',
            attrs: { type: 'button', 'aria-pressed': String(view.state.community === c.id) },
            data: { community: String(c.id) },
          },
          swatch(colours.get(c.id) ?? OTHER_COMMUNITY),
          el('span', { className: 'community-name', text: `Community ${c.id}` }),
          el('span', { className: 'legend-count', text: counted(c.size, 'member') }),
          el('span', {
            className: 'community-top',
            text: c.topMembers
              .slice(0, DEFAULTS.topMembers)
              .map((m) => m.label)
              .join(', '),
          }),
        );
        b.addEventListener('click', () =>
          isolateCommunity(view, view.state.community === c.id ? null : c.id),
        );
        return el('li', {}, b);
      });
    body.replaceChildren(
      el('p', {
        className: 'muted',
        text: `${counted(data.communities.length, 'community', 'communities')}, modularity ${data.modularity.toFixed(2)}`,
      }),
      el('ul', { className: 'community-list' }, ...rows),
      ...(view.state.community !== null
        ? [button('Show all communities', () => isolateCommunity(view, null))]
        : []),
    );
    panel.hidden = false;
  };
  let last = '';
  view.on('state', () => {
    const key = `${view.state.community}|${view.appearance.communities.size}|${view.state.colourBy}`;
    if (key !== last) {
      last = key;
      render();
    }
  });
  return {
    show: (c) => {
      data = c;
      last = '';
      render();
    },
  };
}
