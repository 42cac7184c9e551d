/**
 * The view's toolbar: colour and size encodings, the layout (start, stop, its state), grouping by
 * community, undo and redo, the camera, and export. It only calls the controller and listens to it.
 */
import type { Metric } from '../api-reads.js';
import type { ViewController } from '../view/controller.js';
import { download, gexfOf, graphmlOf, pngOf } from '../view/export.js';
import type { ColourBy } from '../view/view-state.js';
import { button, el } from './dom.js';

const METRICS: [Metric, string][] = [
  ['degree', 'degree'],
  ['weighted-degree', 'weighted degree'],
  ['pagerank', 'PageRank'],
  ['betweenness', 'betweenness'],
  ['closeness', 'closeness'],
];

function select<T extends string>(
  id: string,
  label: string,
  options: [T, string][],
  onChange: (value: T) => void,
): { wrap: HTMLLabelElement; input: HTMLSelectElement } {
  const input = el('select', { attrs: { id } });
  for (const [value, text] of options) input.append(el('option', { text, attrs: { value } }));
  input.addEventListener('change', () => onChange(input.value as T));
  return { wrap: el('label', { className: 'tool' }, `${label} `, input), input };
}

export function mountToolbar(bar: HTMLElement, view: ViewController, fileStem: () => string): void {
  const colour = select<ColourBy>(
    'colour-by',
    'Colour',
    [
      ['community', 'community'],
      ['kind', 'kind'],
    ],
    (v) => view.update({ colourBy: v }, 'colour'),
  );
  const size = select<Metric>('size-by', 'Size', METRICS, (v) => view.update({ sizeBy: v }, 'size'));
  const layout = button(
    'Lay out',
    () => (view.layoutStatus === 'running' ? view.stopLayout() : view.startLayout()),
    {
      title: 'ForceAtlas2 in the background; stops by itself when the network has settled',
    },
  );
  layout.id = 'layout-button';
  const grouped = el('input', { attrs: { type: 'checkbox', id: 'grouped' } });
  grouped.addEventListener('change', () =>
    view.update({ grouped: grouped.checked, opened: [] }, grouped.checked ? 'group by community' : 'ungroup'),
  );
  const undo = button('Undo', () => view.history.undo());
  undo.id = 'undo';
  const redo = button('Redo', () => view.history.redo());
  redo.id = 'redo';
  const fit = button('Fit', () => void view.resetCamera(), { title: 'Show the whole network' });
  const png = button(
    'PNG',
    () => void pngOf(view).then((b) => download(`${fileStem()}.png`, b, 'image/png')),
  );
  png.id = 'export-png';
  const gexf = button('GEXF', () => download(`${fileStem()}.gexf`, gexfOf(view), 'application/gexf+xml'));
  gexf.id = 'export-gexf';
  const graphml = button('GraphML', () =>
    download(`${fileStem()}.graphml`, graphmlOf(view), 'application/graphml+xml'),
  );
  graphml.id = 'export-graphml';
  bar.replaceChildren(
    colour.wrap,
    size.wrap,
    layout,
    el('label', { className: 'tool' }, grouped, ' Group'),
    el('span', { className: 'tool-gap' }),
    undo,
    redo,
    fit,
    el('span', { className: 'tool-gap' }),
    png,
    gexf,
    graphml,
  );
  const sync = () => {
    colour.input.value = view.state.colourBy;
    size.input.value = view.state.sizeBy;
    grouped.checked = view.grouped;
    undo.disabled = !view.history.nextUndo;
    redo.disabled = !view.history.nextRedo;
    undo.title = view.history.nextUndo ? `Undo ${view.history.nextUndo}` : 'Nothing to undo';
    redo.title = view.history.nextRedo ? `Redo ${view.history.nextRedo}` : 'Nothing to redo';
  };
  view.on('state', sync);
  view.history.onChange(sync);
  view.on('layout', (status) => {
    layout.textContent = status === 'running' ? 'Stop layout' : 'Lay out';
    bar.dataset.layout = status;
  });
  sync();
  bar.hidden = false;
}
