/**
 * The first rows of the file as the import will read them, before anything is written: each row's
 * values under the fields their columns are read as, the rows that would be rejected (row, column,
 * reason), and the entities and links those rows make.
 */
import type { Issue } from '../../../server/domain/errors.js';
import type { Preview, PreviewLink } from '../import/import-api.js';
import { counted } from '../format.js';
import { issuesTable } from './import-error.js';
import { el } from './dom.js';

const LINKS_SHOWN = 12;
const end = (e: { kind: string; key: string }) => `${e.kind} ${e.key}`;

function rowsTable(p: Preview): HTMLTableElement {
  const read = p.columns.map((c, i) => ({ ...c, i })).filter((c) => c.field);
  const head = el(
    'tr',
    {},
    el('th', { text: 'Row' }),
    ...read.map((c) => el('th', { text: c.field!, attrs: { title: `column "${c.header}"` } })),
    el('th', { text: 'Read' }),
  );
  const body = el('tbody');
  for (const r of p.rows)
    body.append(
      el(
        'tr',
        { className: r.ok ? 'row-ok' : 'row-rejected', data: { row: String(r.row) } },
        el('td', { className: 'num', text: String(r.row) }),
        ...read.map((c) =>
          el('td', {
            className: r.issue?.column === c.header ? 'cell-bad mono' : 'mono',
            text: r.fields[c.i] ?? '',
          }),
        ),
        el('td', {
          className: r.ok ? 'status-ok' : 'status-bad',
          text: r.ok ? 'yes' : `rejected: ${r.issue?.column ?? ''} — ${r.issue?.message ?? ''}`,
        }),
      ),
    );
  return el(
    'table',
    { className: 'import-table import-rows', attrs: { id: 'import-rows' } },
    el('thead', {}, head),
    body,
  );
}

function when(l: PreviewLink): string {
  const o = l.occurrences?.[0];
  if (!o) return '';
  const parts = [
    o.at
      ?.replace('T', ' ')
      .replace(/:00\+05:30$/, '')
      .replace(/\+05:30$/, '') ?? '',
  ];
  if (o.durationS !== undefined) parts.push(`${o.durationS} s`);
  if (o.amount !== undefined) parts.push(`₹${o.amount}`);
  return parts.filter(Boolean).join(' · ');
}

function linksTable(links: PreviewLink[]): HTMLTableElement {
  const body = el('tbody');
  for (const l of links.slice(0, LINKS_SHOWN))
    body.append(
      el(
        'tr',
        {},
        el('td', { className: 'num', text: l.ref?.replace(/^row /, '') ?? '' }),
        el('td', { className: 'mono', text: end(l.from) }),
        el('td', { text: l.kind }),
        el('td', { className: 'mono', text: end(l.to) }),
        el('td', { text: when(l) }),
      ),
    );
  return el(
    'table',
    { className: 'import-table import-links', attrs: { id: 'import-links' } },
    el('thead', {}, el('tr', {}, ...['Row', 'From', 'Link', 'To', 'When'].map((h) => el('th', { text: h })))),
    body,
  );
}

function byKind(items: { kind: string }[]): string {
  const n = new Map<string, number>();
  for (const i of items) n.set(i.kind, (n.get(i.kind) ?? 0) + 1);
  return [...n].map(([k, c]) => `${c} ${k}`).join(' · ');
}

export function previewSection(p: Preview): HTMLElement {
  const rejected = p.rows.filter((r) => !r.ok);
  const section = el('section', { className: 'import-step', attrs: { id: 'import-preview' } });
  section.append(
    el('h2', { className: 'import-step-title', text: '3. Preview — nothing is written yet' }),
    el('p', {
      className: 'import-facts',
      text: `${p.template.label} · header on row ${p.headerRow} · ${p.encoding} · the first ${counted(p.rows.length, 'row')}: ${p.rows.length - rejected.length} read, ${rejected.length} would be rejected`,
    }),
  );
  if (p.banner.length)
    section.append(el('p', { className: 'muted', text: `Above the table: ${p.banner.join(' / ')}` }));
  if (p.warnings.length)
    section.append(
      el('div', { className: 'import-warnings' }, el('h3', { text: 'To check' }), issuesTable(p.warnings)),
    );
  section.append(el('h3', { text: 'Rows as they will be read' }), rowsTable(p));
  if (rejected.length)
    section.append(
      el('h3', { text: 'Rows that would be rejected' }),
      el(
        'div',
        { attrs: { id: 'import-rejected-preview' } },
        issuesTable(rejected.map((r) => r.issue).filter((i): i is Issue => !!i)),
      ),
    );
  const { entities, links } = p.records;
  section.append(
    el('h3', { text: 'What these rows make' }),
    el('p', {
      attrs: { id: 'import-makes' },
      text: `${counted(entities.length, 'entity', 'entities')} (${byKind(entities) || 'none'}) and ${counted(links.length, 'link')} (${byKind(links) || 'none'})`,
    }),
  );
  if (links.length) section.append(linksTable(links));
  return section;
}

/** A JSON ingest batch: it says itself what it makes, so the preview lists it. */
export interface BatchLike {
  document?: { name?: string; type?: string; case?: string };
  entities?: { kind: string; key: string }[];
  links?: PreviewLink[];
}

export function batchSection(b: BatchLike): HTMLElement {
  const entities = b.entities ?? [];
  const links = b.links ?? [];
  const doc = b.document ?? {};
  const section = el('section', { className: 'import-step', attrs: { id: 'import-preview' } });
  section.append(
    el('h2', { className: 'import-step-title', text: '2. Preview — nothing is written yet' }),
    el('p', {
      className: 'import-facts',
      text: `An ingest batch: document "${doc.name ?? '?'}" (${doc.type ?? 'no type'})${doc.case ? `, case ${doc.case}` : ''}. It is imported whole or not at all.`,
    }),
    el('p', {
      attrs: { id: 'import-makes' },
      text: `${counted(entities.length, 'entity', 'entities')} (${byKind(entities) || 'none'}) and ${counted(links.length, 'link')} (${byKind(links) || 'none'})`,
    }),
  );
  if (links.length) section.append(linksTable(links));
  return section;
}
