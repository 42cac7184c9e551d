/**
 * How two selected entities are tied: the shortest paths light up on the graph and the panel lists
 * each link of them with its evidence (the documents and rows it comes from). For a person, the
 * people who share a phone, device, account, hotel or address with them.
 */
import { ApiError } from '../api.js';
import { fetchEntity, fetchLink, fetchPaths, fetchShared, type TiePaths } from '../api-reads.js';
import { counted } from '../format.js';
import { linkName, TIE_LINK_KINDS } from '../kinds.js';
import type { ViewController } from '../view/controller.js';
import { button, el, formatDate } from './dom.js';

const scopeCase = (view: ViewController) => (view.state.scope === 'all' ? undefined : view.state.scope);

/** Entities and links of the paths that the view does not hold yet are added, as one undoable step. */
async function addMissing(view: ViewController, tie: TiePaths): Promise<void> {
  const missing = [...new Set(tie.paths.flatMap((p) => p.nodes))].filter((n) => !view.full.hasNode(n));
  const entities = await Promise.all(missing.map((id) => fetchEntity(id)));
  view.addStep('show path', () => {
    const added = { nodes: [] as string[], edges: [] as string[] };
    for (const e of entities) {
      view.full.addNode(e.id, { kind: e.kind, label: e.label, key: e.key, scheme: e.scheme, props: e.props });
      added.nodes.push(e.id);
    }
    for (const step of tie.paths.flatMap((p) => p.steps)) {
      const l = step.link;
      if (view.full.hasEdge(l.id)) continue;
      const attributes = {
        kind: l.kind,
        props: l.props,
        count: l.count,
        durationS: 0,
        amount: 0,
        firstAt: l.firstAt,
        lastAt: l.lastAt,
        weight: l.weight,
      } as never;
      if (l.directed) view.full.addDirectedEdgeWithKey(l.id, l.source, l.target, attributes);
      else view.full.addUndirectedEdgeWithKey(l.id, l.source, l.target, attributes);
      added.edges.push(l.id);
    }
    return added;
  });
}

const labelOf = (view: ViewController, id: string) =>
  view.full.hasNode(id) ? view.full.getNodeAttribute(id, 'label') : id;

async function evidence(view: ViewController, tie: TiePaths): Promise<HTMLElement> {
  const shortest = tie.paths[0]!;
  const list = el('ol', { className: 'tie-steps' });
  const details = await Promise.all(shortest.steps.map((s) => fetchLink(s.link.id, 0)));
  shortest.steps.forEach((step, i) => {
    const link = step.link;
    const when = link.firstAt
      ? ` · ${formatDate(link.firstAt)}${link.lastAt && link.lastAt !== link.firstAt ? ` – ${formatDate(link.lastAt)}` : ''}`
      : '';
    const role = typeof link.props.role === 'string' ? ` (${link.props.role})` : '';
    const docs = el('ul', { className: 'tie-evidence' });
    for (const p of details[i]!.provenance)
      docs.append(
        el('li', {
          text: `${p.document.name}, ${p.ref ?? 'whole document'} (graded ${p.document.grading.source}${p.document.grading.information})`,
        }),
      );
    list.append(
      el(
        'li',
        { className: 'tie-step', data: { link: link.id } },
        el('span', {
          className: 'tie-link',
          text: `${labelOf(view, step.from)} — ${linkName(link.kind)}${role} — ${labelOf(view, step.to)}`,
        }),
        el('span', {
          className: 'doc-meta',
          text: `${link.count ? counted(link.count, 'occurrence') : 'a fact on record'}${when}`,
        }),
        docs,
      ),
    );
  });
  return list;
}

export function mountTie(
  panel: HTMLElement,
  body: HTMLElement,
  view: ViewController,
): { shared: (id: string) => void } {
  let shownFor = '';
  const render = () => {
    const [a, b] = view.state.selection;
    const key = `${a}|${b}`;
    if (key === shownFor) return;
    shownFor = key;
    if (!a || !b) {
      if (!body.dataset.shared) panel.hidden = true;
      return;
    }
    delete body.dataset.shared;
    panel.hidden = false;
    // Opened from an address that records a lit tie: light it again, as the colleague saw it.
    if (view.state.tie && !view.highlighted) {
      void explain(a, b);
      return;
    }
    const ask = button('Show how they are tied', () => void explain(a, b));
    ask.id = 'explain-tie';
    body.replaceChildren(el('p', { text: `${labelOf(view, a)} and ${labelOf(view, b)}` }), ask);
  };

  const explain = async (a: string, b: string) => {
    body.replaceChildren(el('p', { className: 'muted', text: 'Finding the shortest paths…' }));
    try {
      const tie = await fetchPaths(scopeCase(view), a, b, TIE_LINK_KINDS);
      if (!tie.paths.length) {
        body.replaceChildren(
          el('p', {
            text: 'No path of evidence (calls, payments, shared phones, stays…) ties them within six links.',
          }),
        );
        return;
      }
      await addMissing(view, tie);
      const shortest = tie.paths[0]!;
      view.highlight(shortest.nodes, shortest.links);
      void view.flyTo(shortest.nodes);
      body.replaceChildren(
        el('p', {
          text: `${counted(shortest.hops, 'link')} apart; ${counted(tie.paths.length, 'path')} found, the shortest lit.`,
        }),
        await evidence(view, tie),
        button('Clear', () => view.clearHighlight()),
      );
      body.dataset.tie = `${a}|${b}`;
    } catch (error) {
      body.replaceChildren(
        el('p', {
          className: 'error-text',
          text: error instanceof ApiError ? error.message : 'The paths could not be found.',
        }),
      );
    }
  };

  const shared = (id: string) => {
    panel.hidden = false;
    body.dataset.shared = id;
    body.replaceChildren(el('p', { className: 'muted', text: 'Looking for shared identifiers…' }));
    void fetchShared(scopeCase(view), id)
      .then((answer) => {
        if (!answer.ties.length) {
          body.replaceChildren(
            el('p', { text: `${answer.person.label} shares no identifier with another person.` }),
          );
          return;
        }
        body.replaceChildren(
          el('p', { text: `People sharing an identifier with ${answer.person.label}:` }),
          el(
            'ul',
            { className: 'shared-list' },
            ...answer.ties.map((t) =>
              el(
                'li',
                {},
                el('strong', { text: t.person.label }),
                el('span', { className: 'doc-meta', text: t.via.map((v) => v.how).join('; ') }),
              ),
            ),
          ),
        );
      })
      .catch((e: unknown) =>
        body.replaceChildren(
          el('p', { className: 'error-text', text: e instanceof ApiError ? e.message : 'Failed.' }),
        ),
      );
  };

  view.on('state', render);
  return { shared };
}
