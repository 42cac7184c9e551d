/**
 * How the file will be read: the layout (recognised from the headers, or picked), the delimiter, the
 * order of numeric dates, and one row per column of the file with what it is read as — each a select the
 * officer can correct. A mapping can be picked from the unit's saved ones or saved for them by name.
 */
import type { DateOrder, Delimiter, ReadSettings, SavedMapping, Template } from '../import/import-api.js';
import { fieldLabel } from '../import/mapping.js';
import { button, el } from './dom.js';

export interface ColumnRow {
  header: string;
  field?: string | undefined;
  sample?: string | undefined;
}

export interface ColumnsView {
  templates: Template[];
  mappings: SavedMapping[];
  read: ReadSettings;
  /** The template the columns are read for: picked, or recognised by the server. */
  template: Template | undefined;
  recognised: string | undefined;
  delimiterFound: string | undefined;
  columns: ColumnRow[];
  /** Required fields no column is read as. */
  missing: string[];
  /** What became of the last save. */
  note: string | undefined;
  onRead: (change: Partial<ReadSettings>) => void;
  onColumn: (header: string, field: string) => void;
  onSave: (name: string) => void;
}

const DELIMITERS: [Delimiter, string][] = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['tab', 'tab'],
  ['|', 'bar |'],
];
const DATE_ORDERS: [DateOrder, string][] = [
  ['dmy', 'day first (15/04/2026)'],
  ['mdy', 'month first (04/15/2026)'],
  ['ymd', 'year first (2026/04/15)'],
];
const shown = (d: string | undefined) =>
  d === '\t' ? 'tab' : (DELIMITERS.find(([k]) => k === d)?.[1] ?? d ?? '');

function choice(
  id: string,
  label: string,
  options: [string, string][],
  value: string,
  onChange: (value: string) => void,
): HTMLLabelElement {
  const select = el('select', { attrs: { id } });
  for (const [v, text] of options) select.append(el('option', { text, attrs: { value: v } }));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  return el('label', { className: 'import-choice' }, el('span', { text: label }), select);
}

function textChoice(id: string, label: string, value: string, onChange: (v: string) => void) {
  const input = el('input', { attrs: { id, type: 'text', value } });
  input.addEventListener('change', () => onChange(input.value.trim()));
  return el('label', { className: 'import-choice' }, el('span', { text: label }), input);
}

function columnTable(v: ColumnsView): HTMLTableElement {
  const fields = v.template?.fields ?? [];
  const body = el('tbody');
  v.columns.forEach((c, i) => {
    const select = el('select', {
      attrs: { 'aria-label': `Read column "${c.header}" as`, 'data-header': c.header },
    });
    select.append(el('option', { text: '— not read —', attrs: { value: '' } }));
    for (const f of fields)
      select.append(
        el('option', { text: `${fieldLabel(f)}${f.required ? ' *' : ''}`, attrs: { value: f.field } }),
      );
    select.value = c.field ?? '';
    select.addEventListener('change', () => v.onColumn(c.header, select.value));
    body.append(
      el(
        'tr',
        { className: c.field ? 'is-read' : 'is-unread', data: { column: String(i) } },
        el('td', { className: 'column-header', text: c.header || `(column ${i + 1}, no header)` }),
        el('td', { className: 'column-sample mono', text: c.sample ?? '' }),
        el('td', {}, select),
      ),
    );
  });
  return el(
    'table',
    { className: 'import-table import-columns' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { text: 'Column in the file' }),
        el('th', { text: 'First row' }),
        el('th', { text: 'Read as' }),
      ),
    ),
    body,
  );
}

export function columnsSection(v: ColumnsView): HTMLElement {
  const templateOptions: [string, string][] = [
    ['', v.recognised ? `Recognised: ${v.recognised}` : 'Recognise from the headers'],
    ...v.templates.map((t): [string, string] => [t.id, t.label]),
  ];
  const controls = el(
    'div',
    { className: 'import-controls' },
    choice('import-template', 'Layout', templateOptions, v.read.template ?? '', (id) =>
      v.onRead({ template: id || undefined }),
    ),
    choice(
      'import-delimiter',
      'Columns separated by',
      [['', v.delimiterFound ? `found: ${shown(v.delimiterFound)}` : 'found in the file'], ...DELIMITERS],
      v.read.delimiter ?? '',
      (d) => v.onRead({ delimiter: (d || undefined) as Delimiter | undefined }),
    ),
    choice(
      'import-date-order',
      'Dates written',
      [['', "the layout's own, or read from the values"], ...DATE_ORDERS],
      v.read.dateOrder ?? '',
      (o) => v.onRead({ dateOrder: (o || undefined) as DateOrder | undefined }),
    ),
    choice(
      'import-mapping',
      "Your unit's saved mappings",
      [
        ['', v.mappings.length ? 'none' : 'none saved yet'],
        ...v.mappings.map((m): [string, string] => [m.name, m.name]),
      ],
      v.read.mapping ?? '',
      (name) => v.onRead({ mapping: name || undefined }),
    ),
  );
  const family = v.template?.id ?? '';
  if (family.startsWith('statement-'))
    controls.append(
      textChoice(
        'import-account',
        'Account (IFSC:number), if not above the table',
        v.read.account ?? '',
        (a) => v.onRead({ account: a || undefined }),
      ),
    );
  if (family === 'hotel-register')
    controls.append(
      textChoice('import-hotel', 'Hotel ("Name, City"), if not above the table', v.read.hotel ?? '', (h) =>
        v.onRead({ hotel: h || undefined }),
      ),
    );
  const section = el('section', { className: 'import-step', attrs: { id: 'import-columns' } });
  section.append(el('h2', { className: 'import-step-title', text: '2. Layout and columns' }), controls);
  if (v.missing.length)
    section.append(
      el('p', {
        className: 'import-missing',
        text: `No column is read as ${v.missing.join(', ')} yet: pick the column that holds it below.`,
      }),
    );
  if (v.columns.length) section.append(columnTable(v));
  const save = button('Save mapping', () => name.value.trim() && v.onSave(name.value.trim()));
  save.id = 'import-save-mapping';
  const name = el('input', {
    attrs: {
      id: 'import-mapping-name',
      type: 'text',
      placeholder: 'e.g. Airtel CDR, Mumbai circle',
      maxlength: '80',
    },
  });
  section.append(
    el(
      'div',
      { className: 'import-save' },
      el(
        'label',
        { className: 'import-choice' },
        el('span', { text: 'Save this mapping for your unit as' }),
        name,
      ),
      save,
    ),
  );
  if (v.note) section.append(el('p', { className: 'import-note', attrs: { role: 'status' }, text: v.note }));
  return section;
}
