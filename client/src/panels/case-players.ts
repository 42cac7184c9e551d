/**
 * The key players and brokers of a case, as the analytics engine ranks them on the case's graph: the
 * entities of highest PageRank (who the case's calls, payments and stays run through), and the persons
 * whose ties reach the most of its communities (the go-betweens; brokers.ts on the server). A click
 * selects one in the network on show — the case's view or its links (where they rank that wider graph).
 */
import { fetchBrokers, fetchCentrality, type Broker, type Centrality, type Reach } from '../api-reads.js';
import { kindStyle } from '../kinds.js';
import { sentence } from './case-form.js';
import { button, el, swatch } from './dom.js';

export const LISTED = 5;

/** The record and its files, not actors in the network: never ranked as players. */
const NOT_PLAYERS = new Set(['case', 'document']);

export interface Row {
  id: string;
  label: string;
  kind: string;
  why: string;
}

function list(id: string, rows: Row[], empty: string, pick: (id: string) => void): HTMLElement {
  if (!rows.length) return el('p', { className: 'muted', attrs: { id }, text: empty });
  return el(
    'ol',
    { className: 'player-list', attrs: { id } },
    ...rows.map((r) => {
      const b = button('', () => pick(r.id), { className: 'player', title: 'Select it in the network' });
      b.dataset.entity = r.id;
      b.append(
        el(
          'span',
          { className: 'player-line' },
          swatch(kindStyle(r.kind).colour),
          el('span', { className: 'player-name', text: r.label }),
        ),
        el('span', { className: 'player-why', text: r.why }),
      );
      return el('li', {}, b);
    }),
  );
}

export function keyPlayers(c: Centrality): Row[] {
  return c.top
    .filter((t) => !NOT_PLAYERS.has(t.kind))
    .slice(0, LISTED)
    .map((t) => ({
      id: t.id,
      label: t.label,
      kind: t.kind,
      why: `${kindStyle(t.kind).name} · PageRank ${t.score.toFixed(3)}`,
    }));
}

/** The server's brokers, in its order: it never lists a victim or minor (server/analytics/structure/brokers.ts). */
export function brokerRows(brokers: Broker[]): Row[] {
  return brokers
    .slice(0, LISTED)
    .map((b) => ({ id: b.id, label: b.label, kind: 'person', why: `ties ${b.span} groups of the case` }));
}

/**
 * The section of the case panel: filled once the two answers come. Reach 1 on the links of the case:
 * ranked among the entities one hop beyond it too, as the links view shows them.
 */
export function casePlayers(
  caseId: string,
  reach: Reach,
  pick: (id: string) => void,
  current: () => boolean,
): HTMLElement {
  const host = el('div', { className: 'case-players' }, el('p', { className: 'muted', text: 'Ranking…' }));
  host.dataset.reach = String(reach);
  void Promise.all([fetchCentrality(caseId, 'pagerank', reach), fetchBrokers(caseId, 20, reach)])
    .then(([centrality, brokers]) => {
      if (!current()) return;
      host.replaceChildren(
        el('h4', { className: 'player-heading', text: 'Key players' }),
        list('case-key-players', keyPlayers(centrality), 'Nothing in the case to rank yet.', pick),
        el('h4', { className: 'player-heading', text: 'Brokers' }),
        list(
          'case-brokers',
          brokerRows(brokers),
          'No one in the case ties two of its groups together.',
          pick,
        ),
      );
    })
    .catch((error: unknown) => {
      if (current()) host.replaceChildren(el('p', { className: 'error-text', text: sentence(error) }));
    });
  return host;
}
