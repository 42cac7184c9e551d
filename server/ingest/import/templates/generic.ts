/**
 * "One row, one link": any table whose rows each say that one thing is tied to another — a seized phone's
 * contact list, a spreadsheet an officer keeps, an export of another tool. The columns name the two ends'
 * kinds (phone, account:upi, id-document:pan …) and keys, the link, and optionally its time and measure.
 */
import type { EntityKind, LinkKind, Scheme } from '../../../domain/kinds.js';
import { ENTITY_KINDS, LINK_RULES, SCHEMES } from '../../../domain/kinds.js';
import { isoIst } from '../dates.js';
import { parseAmount, parseDuration } from '../numbers.js';
import { RowProblem, type Occurrence, type RowEmitter, type RowView } from '../row-view.js';
import { readWhen } from './cdr.js';
import { fields, type MapContext, type Template } from './types.js';

function kindOf(text: string, field: string): { kind: EntityKind; scheme?: Scheme } {
  const [k = '', s] = text.toLowerCase().replace(/\s+/g, '').split(/[:/]/);
  const kind = ENTITY_KINDS.find((x) => x === k);
  if (!kind || kind === 'document' || kind === 'case')
    throw new RowProblem(
      field,
      `${JSON.stringify(text)} is not an entity kind (phone, account:upi, person …)`,
    );
  if (s === undefined) return { kind };
  const scheme = (SCHEMES[kind] as readonly string[]).find((x) => x === s) as Scheme | undefined;
  if (!scheme) throw new RowProblem(field, `${JSON.stringify(s)} is not a way of naming a ${kind}`);
  return { kind, scheme };
}

function mapGenericRow(row: RowView, emit: RowEmitter, ctx: MapContext): void {
  const fk = kindOf(row.required('fromKind', 'the kind of the first end'), 'fromKind');
  const tk = kindOf(row.required('toKind', 'the kind of the second end'), 'toKind');
  const from = emit.key(fk.kind, fk.scheme, row.required('from', 'the first end'), 'from')!;
  const to = emit.key(tk.kind, tk.scheme, row.required('to', 'the second end'), 'to')!;
  const linkText = row
    .required('link', 'the link')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (!(linkText in LINK_RULES) || linkText === 'involves')
    throw new RowProblem(
      'link',
      `${JSON.stringify(linkText)} is not a link kind (called, paid, uses, holds …)`,
    );
  const kind = linkText as LinkKind;
  const fromName = row.text('fromName');
  const toName = row.text('toName');
  emit.entity(from, fk.kind === 'person' && fromName ? { name: fromName } : undefined);
  emit.entity(to, tk.kind === 'person' && toName ? { name: toName } : undefined);
  let occ: Occurrence | undefined;
  if (row.text('date') !== '') {
    occ = { at: isoIst(readWhen(row, ctx)) };
    const d = row.text('duration');
    if (d !== '') {
      const s = parseDuration(d);
      if (s === undefined) throw new RowProblem('duration', `${JSON.stringify(d)} is not a duration`);
      occ.durationS = s;
    }
    const a = row.text('amount');
    if (a !== '') {
      const amount = parseAmount(a);
      if (!amount) throw new RowProblem('amount', `${JSON.stringify(a)} is not an amount (1,23,456.00)`);
      occ.amount = amount.rupees;
    }
    const ref = row.text('txnRef');
    if (ref) occ.txnRef = ref;
    if (LINK_RULES[kind].occurrences === 'none') occ = undefined;
  }
  emit.link(kind, from, to, occ);
}

export const ONE_ROW_ONE_LINK: Template = {
  id: 'one-row-one-link',
  label: 'One row, one link',
  documentType: 'other',
  fields: fields({
    fromKind: { synonyms: ['From kind', 'From type', 'Source kind'], required: true },
    from: { synonyms: ['From', 'Source', 'From key'], required: true },
    fromName: { synonyms: ['From name', 'Source name'] },
    link: { synonyms: ['Link', 'Relation', 'Link kind', 'Relationship'], required: true },
    toKind: { synonyms: ['To kind', 'To type', 'Target kind'], required: true },
    to: { synonyms: ['To', 'Target', 'To key'], required: true },
    toName: { synonyms: ['To name', 'Target name'] },
    date: { synonyms: ['Date', 'When', 'Date time'], date: true },
    time: { synonyms: ['Time'] },
    duration: { synonyms: ['Duration', 'Duration (s)'] },
    amount: { synonyms: ['Amount', 'Amount (Rs)'] },
    txnRef: { synonyms: ['Reference', 'Ref', 'UTR', 'RRN'] },
  }),
  map: mapGenericRow,
};
