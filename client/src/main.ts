/**
 * The analyst's view: sign in, pick a case or the cross-case view, explore. This file only wires:
 * the controller (view/) owns the graph and sigma, the panels (panels/) talk to it through its
 * methods and events, and the address holds the view so it can be shared. Every outcome — drawn,
 * empty, failed — ends in a state the page states in words and that the browser tests read from
 * `window.__casegraph`.
 */
import './style.css';
import { fetchGraph, signOut } from './api.js';
import { fetchCases, fetchCentrality, fetchCommunities, type CaseSummary, type Reach } from './api-reads.js';
import { ensureSignedIn } from './access.js';
import { emptyGraph, toGraph } from './graph-data.js';
import { counted } from './format.js';
import { EMPTY_NOTICE, errorNotice, showNotice, type Notice } from './notice.js';
import { ViewController } from './view/controller.js';
import { localDegreeShares, shares } from './view/appearance.js';
import { fromFragment, toFragment } from './view/url-state.js';
import { DEFAULT_STATE, type ViewState } from './view/view-state.js';
import { byId, el } from './panels/dom.js';
import { mountToolbar } from './panels/toolbar.js';
import { mountLegend } from './panels/legend.js';
import { mountDetails } from './panels/details-panel.js';
import { mountSearch } from './panels/search-panel.js';
import { mountTie } from './panels/tie-panel.js';
import { mountFilters } from './panels/filters-panel.js';
import { mountCommunities } from './panels/communities-panel.js';
import { mountImportEntry } from './import/entry.js';
import { mountReport } from './panels/report-panel.js';
import { mountCase } from './panels/case-panel.js';
import { mountCaseTimeline } from './panels/case-timeline.js';
import { entityCaseActions } from './panels/entity-case-actions.js';
import { mountWatchlist } from './panels/watchlist-panel.js';
import { fetchCaseLinks, type CaseRecord } from './api-cases.js';

/**
 * A read-only handle for the browser tests: the page's state, where entities sit on screen, and what
 * the view shows. Opaque ids and pixel positions only — nothing of an entity's key or properties.
 */
export interface PageHandle {
  state: 'loading' | 'ready' | 'empty' | 'error';
  positions: () => { id: string; x: number; y: number; size: number }[];
  layout: () => string;
  view: () => ViewState;
  shown: () => { nodes: number; edges: number };
  highlighted: () => { nodes: string[]; edges: string[] } | null;
  camera: () => { x: number; y: number; ratio: number };
  /** The timeline: occurrences drawn, of how many entities, over which span (epoch ms). */
  timeline: () => { occurrences: number; entities: number; domain: [number, number] | null };
  /** Each entity's community, as the network on show is coloured. */
  communityOf: () => Record<string, number>;
  /** Bumped each time a view finishes loading, so a test can wait for the next one. */
  loads: number;
}

declare global {
  interface Window {
    __casegraph?: PageHandle;
  }
}

const CASE_EMPTY_NOTICE: Notice = {
  tone: 'info',
  title: 'No entities in this case yet',
  detail: 'Attach entities to it from their details on another view, or import its evidence.',
};

const scopeName = (scope: string, cases: CaseSummary[], admin: boolean) =>
  scope === 'all'
    ? admin
      ? 'All cases'
      : 'All my cases'
    : (cases.find((c) => c.id === scope)?.label ?? scope);

async function main(): Promise<void> {
  const handle: PageHandle = {
    state: 'loading',
    positions: () => [],
    layout: () => 'stopped',
    view: () => DEFAULT_STATE,
    shown: () => ({ nodes: 0, edges: 0 }),
    highlighted: () => null,
    camera: () => ({ x: 0.5, y: 0.5, ratio: 1 }),
    timeline: () => ({ occurrences: 0, entities: 0, domain: null }),
    communityOf: () => ({}),
    loads: 0,
  };
  window.__casegraph = handle;
  const scope = byId('scope');
  const notice = byId('notice');
  const settle = (state: PageHandle['state']) => {
    handle.state = state;
    document.body.dataset.state = state;
  };

  try {
    const session = await ensureSignedIn();
    byId('workspace').hidden = false;
    byId('who-name').textContent = `${session.user.displayName} (${session.user.role})`;
    byId('who').hidden = false;
    byId('sign-out').addEventListener('click', () => {
      void signOut(session.csrfToken).finally(() => window.location.assign('/'));
    });
    const admin = session.user.role === 'admin';
    const cases = await fetchCases();

    const view = new ViewController(emptyGraph(), byId('graph'));
    handle.positions = () => view.viewportPositions();
    handle.layout = () => view.layoutStatus;
    handle.view = () => view.state;
    handle.shown = () => ({ nodes: view.visible.nodes.size, edges: view.visible.edges.size });
    handle.highlighted = () => view.highlighted;
    handle.camera = () => view.sigma.getCamera().getState();
    handle.communityOf = () => Object.fromEntries(view.scores.communityOf);

    const picker = byId<HTMLSelectElement>('case-picker');
    picker.append(
      el('option', {
        text: admin ? 'All cases (cross-case)' : 'All my cases (cross-case)',
        attrs: { value: 'all' },
      }),
    );
    for (const c of cases) picker.append(el('option', { text: c.label, attrs: { value: c.id } }));
    picker.parentElement!.hidden = false;

    mountToolbar(byId('toolbar'), view, () => `casegraph-${view.state.scope.replace(/[^a-z0-9]+/gi, '-')}`);
    mountLegend(byId('legend'), view);
    const tie = mountTie(byId('tie-panel'), byId('tie'), view);
    const firOf = new Map(cases.map((c) => [c.id, c.label]));
    const caseLabel = (id: string) =>
      firOf.get(id) ??
      (view.full.hasNode(id) ? view.full.getNodeAttribute(id, 'label') : 'a case not assigned to you');
    const caseScope = () => (view.state.scope === 'all' ? null : view.state.scope);
    // Set once the case screen is mounted below: attaching to the case on show reads it again.
    let afterAttach: (caseId: string) => void = () => undefined;
    let watchlist: { refresh: () => void } = { refresh: () => undefined };
    const caseActions = entityCaseActions({
      session,
      cases: () => cases,
      currentCase: caseScope,
      attached: (c) => afterAttach(c),
      watchesChanged: () => watchlist.refresh(),
    });
    mountDetails(byId('details-panel'), byId('details'), view, tie.shared, caseLabel, caseActions.render);
    mountSearch(byId('search-panel'), view);
    mountFilters(byId('filters-panel'), byId('filters'), byId('counts'), view);
    const communities = mountCommunities(byId('communities-panel'), byId('communities'), view);
    mountReport(byId('report-panel'), byId('toolbar'), view, session, caseLabel);
    view.on('openCommunity', (c) => view.update({ opened: [...view.state.opened, c] }, 'open community'));

    let loaded = '';
    let sizedBy = '';
    /** 1 while the links of a case are on show: its analytics then cover the entities one hop beyond it. */
    let reach: Reach = 0;
    const caseOf = (s: ViewState) => (s.scope === 'all' ? undefined : s.scope);

    const size = (s: ViewState) => {
      if (`${s.scope}|${reach}|${s.sizeBy}|${handle.loads}` === sizedBy) return;
      sizedBy = `${s.scope}|${reach}|${s.sizeBy}|${handle.loads}`;
      if (s.sizeBy === 'degree') {
        view.setScores({ centrality: localDegreeShares(view.full) });
        return;
      }
      void fetchCentrality(caseOf(s), s.sizeBy, reach)
        .then((c) =>
          view.setScores({
            centrality: shares(c.scores ?? Object.fromEntries(c.top.map((t) => [t.id, t.score]))),
          }),
        )
        .catch(() => view.setScores({ centrality: localDegreeShares(view.full) }));
    };

    /** The case's communities (the analytics worker's, on the graph on show) once the view is drawn. */
    const colourCommunities = async (state: ViewState) => {
      const asked = reach;
      const c = await fetchCommunities(caseOf(state), asked).catch(() => null);
      if (c && loaded === state.scope && reach === asked) {
        view.setScores({ communityOf: new Map(Object.entries(c.communityOf)) });
        communities.show(c);
      }
    };

    const open = async (state: ViewState) => {
      settle('loading');
      loaded = state.scope;
      reach = 0;
      if (state.scope !== 'all') caseScreen.reach(state.scope, 0);
      picker.value = state.scope;
      notice.hidden = true;
      const name = scopeName(state.scope, cases, admin);
      scope.textContent = `${name} — loading…`;
      const data = await fetchGraph(state.scope === 'all' ? {} : { case: state.scope });
      const graph = toGraph(data);
      view.load(graph, state);
      handle.loads++;
      if (graph.order === 0) {
        scope.textContent = `${name} — no entities`;
        showNotice(notice, caseOf(state) ? CASE_EMPTY_NOTICE : EMPTY_NOTICE);
        settle('empty');
        return;
      }
      const truncated = data.attributes.truncated ? ' (limit reached: the first ones only)' : '';
      const demo = data.attributes.demo ? ' · synthetic demo scenario' : '';
      scope.textContent = `${name} — ${counted(graph.order, 'entity', 'entities')}, ${counted(graph.size, 'link')}${truncated}${demo}`;
      size(state);
      settle('ready');
      await colourCommunities(state);
    };

    const openLinks = async (r: CaseRecord) => {
      const was = handle.state;
      settle('loading');
      loaded = r.id;
      scope.textContent = `Links of ${r.fir} — loading…`;
      const links = await fetchCaseLinks(r.id).catch((error: unknown) => {
        // The view on show stays; the case screen says why the links did not come.
        settle(was);
        throw error;
      });
      const graph = toGraph(links.graph);
      reach = 1;
      caseScreen.reach(r.id, 1);
      view.load(graph, { ...DEFAULT_STATE, scope: r.id });
      handle.loads++;
      const withheld = links.withheld
        ? ` · ${counted(links.withheld.entities, 'entity', 'entities')} beyond it only other units' cases hold (contact ${links.withheld.units.join(', ')})`
        : '';
      scope.textContent = `Links of ${r.fir} — ${counted(graph.order, 'entity', 'entities')}, ${counted(graph.size, 'link')}, ${links.beyond.length} one hop beyond the case${withheld}`;
      size(view.state);
      settle(graph.order ? 'ready' : 'empty');
      await colourCommunities(view.state);
    };

    const timeline = mountCaseTimeline(byId('timeline-panel'), byId('toolbar'), view, () =>
      (caseScreen.current()?.roles ?? []).filter((r) => !r.detached).map((r) => r.entity.id),
    );
    handle.timeline = () => timeline.state();
    const caseScreen = mountCase(byId('case-panel'), {
      session,
      view,
      openCase: (id) => void open({ ...DEFAULT_STATE, scope: id }).catch(fail),
      openLinks,
      loaded: () => timeline.refresh(),
      created: (r) => {
        if (!cases.some((c) => c.id === r.id)) {
          cases.push({ id: r.id, label: r.fir, unit: r.unit, firDate: r.registeredOn });
          firOf.set(r.id, r.fir);
          picker.append(el('option', { text: r.fir, attrs: { value: r.id } }));
        }
        void open({ ...DEFAULT_STATE, scope: r.id }).catch(fail);
      },
    });
    watchlist = mountWatchlist(byId('watchlist-panel'), {
      session,
      changed: (list) => caseActions.known(list),
      show: (caseId, entity) => {
        if (view.full.hasNode(entity)) return void view.select([entity]);
        // Its case's view, opened with the entity selected (as an address that names it would).
        void open({ ...DEFAULT_STATE, scope: caseId, selection: [entity] }).catch(fail);
      },
    });
    afterAttach = (caseId) => {
      if (caseId !== caseScope()) return;
      void open({ ...view.state, scope: caseId })
        .then(() => caseScreen.reload())
        .catch(fail);
    };

    const fail = (error: unknown) => {
      scope.textContent = 'Network not loaded';
      showNotice(notice, errorNotice(error));
      settle('error');
    };

    mountImportEntry({
      session,
      cases,
      reopen: (s) => open({ ...DEFAULT_STATE, scope: s ?? loaded }).catch(fail),
    });
    picker.addEventListener('change', () => void open({ ...DEFAULT_STATE, scope: picker.value }).catch(fail));
    view.on('state', (s) => {
      size(s);
      const fragment = toFragment(s);
      if (window.location.hash.replace(/^#/, '') !== fragment)
        window.history.replaceState(null, '', fragment ? `#${fragment}` : window.location.pathname);
    });
    window.addEventListener('hashchange', () => {
      const next = fromFragment(window.location.hash);
      if (next.scope !== loaded) void open(next).catch(fail);
      else view.update(next);
    });
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !(event.target as HTMLElement).closest('input, select, textarea')) {
        view.select([]);
        return;
      }
      if (
        !(event.ctrlKey || event.metaKey) ||
        (event.target as HTMLElement).closest('input, select, textarea')
      )
        return;
      if (event.key === 'z' && !event.shiftKey) view.history.undo();
      else if (event.key === 'y' || (event.key === 'z' && event.shiftKey)) view.history.redo();
      else return;
      event.preventDefault();
    });

    const first = fromFragment(window.location.hash);
    const known = first.scope === 'all' || cases.some((c) => c.id === first.scope);
    await open(known ? first : { ...first, scope: 'all' });
  } catch (error) {
    byId('workspace').hidden = false;
    scope.textContent = 'Network not loaded';
    showNotice(notice, errorNotice(error));
    settle('error');
  }
}

void main();
