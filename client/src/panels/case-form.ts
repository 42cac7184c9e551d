/**
 * The FIR's fields as a form, to open a case or edit one, and the API's refusal shown where it belongs:
 * each issue the server names under its field ("FIR number: Burtolla PS already has FIR 0311/2026"),
 * and the sentence with its code above the button. The server checks everything; the form only asks,
 * and reads its dates day first (dates.ts), refusing under the field one it cannot read.
 */
import { ApiError } from '../api.js';
import type { CaseEdit, CaseFields, CaseRecord } from '../api-cases.js';
import { DATE_HINT, readIndianDate, toIndianDate } from '../dates.js';
import { el } from './dom.js';

interface Field {
  name: keyof CaseFields;
  label: string;
  type?: 'date';
  required?: boolean;
  /** Fixed once the case is open: they make its FIR key. */
  key?: boolean;
  placeholder?: string;
}

const FIELDS: Field[] = [
  { name: 'firNumber', label: 'FIR number', required: true, key: true, placeholder: '0311/2026' },
  { name: 'policeStation', label: 'Police station', required: true, key: true },
  { name: 'district', label: 'District', required: true, key: true },
  { name: 'state', label: 'State', required: true, key: true, placeholder: 'WB or West Bengal' },
  { name: 'registeredOn', label: 'Registered on', type: 'date', required: true, key: true },
  { name: 'occurredFrom', label: 'Offence from', type: 'date' },
  { name: 'occurredTo', label: 'Offence to', type: 'date' },
  { name: 'sections', label: 'Sections of law', placeholder: 'ITPA s.5, BNS s.143(3), POCSO s.6' },
  { name: 'officer', label: 'Investigating officer', placeholder: 'SI A. Das' },
  { name: 'unit', label: 'Unit', placeholder: 'your own by default' },
];

const LABELS = Object.fromEntries(FIELDS.map((f) => [f.name, f.label])) as Record<string, string>;

/** "sections[2]" is said under the sections field, naming which one. */
const fieldOf = (path: string) => path.replace(/\[\d+\]$/, '');

export const sentence = (error: unknown): string =>
  error instanceof ApiError
    ? `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)} (${error.code})`
    : 'The change could not be made.';

/** Dates the form could not read, said as the API's issues are: under their fields. */
class DateErrors {
  readonly message: string;
  constructor(readonly issues: { path: string; message: string }[]) {
    this.message = `${issues.length === 1 ? 'A date' : 'Dates'} could not be read: write ${DATE_HINT}, day first`;
  }
}

export interface CaseForm {
  form: HTMLFormElement;
  /** What the form holds, as the API takes it: empty optional fields are left out. */
  values: () => CaseFields;
  /** Only the fields that changed from the record (an edit sends no more). */
  changes: (from: CaseRecord) => CaseEdit;
  showError: (error: unknown) => void;
  clearError: () => void;
}

export function caseForm(
  id: string,
  submitText: string,
  onSubmit: (form: CaseForm) => void,
  record?: CaseRecord,
): CaseForm {
  const inputs = new Map<string, HTMLInputElement>();
  const dates = FIELDS.filter((f) => f.type === 'date' && !(record && f.key)).map((f) => f.name);
  const notes = new Map<string, HTMLElement>();
  const summary = el('p', {
    className: 'error-text form-error',
    attrs: { id: `${id}-error`, role: 'alert' },
  });
  summary.hidden = true;
  const form = el('form', { className: 'case-form', attrs: { id, novalidate: '' } });
  for (const f of FIELDS) {
    if (record && f.key) continue;
    const input = el('input', {
      attrs: {
        id: `${id}-${f.name}`,
        name: f.name,
        type: 'text',
        autocomplete: 'off',
        ...(f.type === 'date'
          ? {
              placeholder: DATE_HINT,
              inputmode: 'numeric',
              maxlength: '10',
              title: `${f.label}, ${DATE_HINT}`,
            }
          : {}),
        ...(f.placeholder ? { placeholder: f.placeholder } : {}),
        ...(f.required ? { required: '' } : {}),
      },
    });
    const current = record?.[f.name];
    if (current)
      input.value = Array.isArray(current)
        ? current.join(', ')
        : f.type === 'date'
          ? toIndianDate(String(current))
          : String(current);
    const note = el('span', { className: 'field-error error-text', attrs: { id: `${id}-${f.name}-error` } });
    note.hidden = true;
    inputs.set(f.name, input);
    notes.set(f.name, note);
    const label = el('span', { text: f.label });
    if (f.type === 'date') label.append(el('span', { className: 'field-hint', text: ` ${DATE_HINT}` }));
    form.append(el('label', { className: 'case-field' }, label, input, note));
  }
  const submit = el('button', { className: 'small-button', text: submitText, attrs: { type: 'submit' } });
  form.append(summary, submit);

  const typed = (name: string) => inputs.get(name)?.value.trim() ?? '';
  /** A field's value as the API takes it: a date read day first is sent as ISO. */
  const text = (name: string) => {
    const v = typed(name);
    if (!v || !dates.includes(name as keyof CaseFields)) return v;
    const read = readIndianDate(v);
    return 'iso' in read ? read.iso : v;
  };
  const sections = () =>
    text('sections')
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);

  const api: CaseForm = {
    form,
    values: () => {
      const v: Record<string, unknown> = {};
      for (const f of FIELDS) if (text(f.name)) v[f.name] = f.name === 'sections' ? sections() : text(f.name);
      v.sections ??= [];
      return v as unknown as CaseFields;
    },
    changes: (from) => {
      const edit: Record<string, unknown> = {};
      if (sections().join('|') !== from.sections.join('|')) edit.sections = sections();
      for (const name of ['occurredFrom', 'occurredTo', 'officer', 'unit'] as const)
        if (text(name) && text(name) !== (from[name] ?? '')) edit[name] = text(name);
      return edit as CaseEdit;
    },
    clearError: () => {
      summary.hidden = true;
      for (const n of notes.values()) n.hidden = true;
      for (const i of inputs.values()) i.removeAttribute('aria-invalid');
    },
    showError: (error) => {
      api.clearError();
      const named: string[] = [];
      const issues =
        error instanceof ApiError ? error.issues : error instanceof DateErrors ? error.issues : [];
      for (const issue of issues) {
        const field = fieldOf(issue.path);
        const note = notes.get(field);
        if (!note) continue;
        note.textContent = `${issue.path === field ? '' : `${issue.path}: `}${issue.message}`;
        note.hidden = false;
        inputs.get(field)?.setAttribute('aria-invalid', 'true');
        named.push(LABELS[field] ?? field);
      }
      const said = error instanceof DateErrors ? error.message : sentence(error);
      summary.textContent = named.length ? `${said} — see ${[...new Set(named)].join(', ')}.` : said;
      summary.hidden = false;
    },
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api.clearError();
    // A date the form cannot read is not sent: the API would read 04/03 no better, and the officer
    // should see it under the field, not a sentence about ISO dates.
    const bad = dates.flatMap((name) => {
      const v = typed(name);
      const read = v ? readIndianDate(v) : null;
      return read && 'error' in read ? [{ path: name, message: `“${v}”: ${read.error}` }] : [];
    });
    if (bad.length) return api.showError(new DateErrors(bad));
    onSubmit(api);
  });
  return api;
}
