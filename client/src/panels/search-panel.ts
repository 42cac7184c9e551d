/**
 * Search that forgives how people type: the server normalises identifiers ("98201 23456",
 * "+91-98201-23456" and "9820123456" are one phone) and matches names without regard to case or
 * accents. The first result is selected and the camera flies to it; one not yet in the view is
 * brought in with its links to what is shown.
 */
import { ApiError, fetchGraph } from '../api.js';
import { search } from '../api-reads.js';
import type { EntityView } from '../../../server/domain/views.js';
import { mergeInto } from '../graph-data.js';
import { kindStyle } from '../kinds.js';
import type { ViewController } from '../view/controller.js';
import { byId, el, swatch } from './dom.js';

async function bringIn(view: ViewController, id: string): Promise<void> {
  if (view.full.hasNode(id)) return;
  const data = await fetchGraph({ around: id, hops: '1', limit: '500' });
  view.addStep('add from search', () =>
    mergeInto(view.full, data, (key) => key === id || view.full.hasNode(key)),
  );
}

export async function goTo(view: ViewController, id: string): Promise<void> {
  await bringIn(view, id);
  const hidden = view.state.hidden.filter((h) => h !== id);
  view.update({ selection: [id], hidden });
  await view.flyTo([id], 0.35);
}

export function mountSearch(panel: HTMLElement, view: ViewController): void {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-input');
  const results = byId('search-results');
  const note = byId('search-note');
  const say = (text: string | null) => {
    note.textContent = text ?? '';
    note.hidden = !text;
  };
  const row = (r: EntityView) => {
    const style = kindStyle(r.kind);
    const b = el(
      'button',
      { className: 'result', attrs: { type: 'button' }, data: { entity: r.id } },
      swatch(style.colour),
      el('span', { className: 'result-label', text: r.label }),
      el('span', { className: 'result-kind', text: style.name }),
    );
    b.addEventListener(
      'click',
      () => void goTo(view, r.id).catch((e: unknown) => say(e instanceof ApiError ? e.message : String(e))),
    );
    return el('li', {}, b);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    say('Searching…');
    results.replaceChildren();
    void search(text)
      .then(async (answer) => {
        results.replaceChildren(...answer.results.map(row));
        const elsewhere = answer.elsewhere
          ? ` Also held in a case not assigned to you: contact ${answer.elsewhere.units.join(' or ')}.`
          : '';
        say(answer.results.length ? elsewhere.trim() || null : `Nothing found.${elsewhere}`);
        const first = answer.results[0];
        if (first) await goTo(view, first.id);
      })
      .catch((e: unknown) => say(e instanceof ApiError ? e.message : 'The search failed.'));
  });
  panel.hidden = false;
}
