/**
 * The demo page: fetch the graph, draw it, name what is drawn. Every outcome — drawn, empty, failed —
 * ends in a state the page states in words, and that the browser tests read from `window.__casegraph`.
 */
import './style.css';
import { fetchGraph, signOut } from './api.js';
import { ensureSignedIn } from './access.js';
import { countKinds, toGraph } from './graph-data.js';
import { counted } from './format.js';
import { GraphView } from './graph-view.js';
import { renderHoverCard } from './hover-card.js';
import { renderLegend } from './legend.js';
import { EMPTY_NOTICE, errorNotice, showNotice } from './notice.js';

/** What this page shows: the server says whether its store holds the synthetic demo scenario. */
const scopeOf = (demo: boolean | undefined) => (demo ? 'Synthetic demo scenario' : 'All cases');

/**
 * A read-only handle for the browser tests: the page's state and where entities sit on screen. It
 * carries opaque ids and pixel positions only — nothing of an entity's key or properties.
 */
export interface PageHandle {
  state: 'loading' | 'ready' | 'empty' | 'error';
  positions: () => { id: string; x: number; y: number; size: number }[];
}

declare global {
  interface Window {
    __casegraph?: PageHandle;
  }
}

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

async function main(): Promise<void> {
  const handle: PageHandle = { state: 'loading', positions: () => [] };
  window.__casegraph = handle;
  const scope = element('scope');
  const notice = element('notice');
  const legend = element('legend');
  const hoverCard = element('hover-card');
  const stage = element('graph');
  const panels = [element('legend-panel'), element('hover-panel')];
  const settle = (state: PageHandle['state']) => {
    handle.state = state;
    document.body.dataset.state = state;
  };

  try {
    const session = await ensureSignedIn();
    element('workspace').hidden = false;
    element('who-name').textContent = `${session.user.displayName} (${session.user.role})`;
    element('who').hidden = false;
    element('sign-out').addEventListener('click', () => {
      void signOut(session.csrfToken).finally(() => window.location.reload());
    });
    const data = await fetchGraph();
    const SCOPE = scopeOf(data.attributes.demo);
    const graph = toGraph(data);
    if (graph.order === 0) {
      scope.textContent = `${SCOPE} — no entities`;
      renderLegend(legend, new Map());
      showNotice(notice, EMPTY_NOTICE);
      settle('empty');
      return;
    }
    const truncated = data.attributes.truncated ? ' (limit reached: the first ones only)' : '';
    scope.textContent = `${SCOPE} — ${counted(graph.order, 'entity', 'entities')}, ${counted(graph.size, 'link')}${truncated}`;
    renderLegend(legend, countKinds(graph));
    const view = new GraphView(graph, stage);
    renderHoverCard(hoverCard, null);
    view.on('hover', (info) => renderHoverCard(hoverCard, info));
    handle.positions = () => view.viewportPositions();
    for (const panel of panels) panel.hidden = false;
    settle('ready');
  } catch (error) {
    element('workspace').hidden = false;
    scope.textContent = 'Network not loaded';
    showNotice(notice, errorNotice(error));
    settle('error');
  }
}

void main();
