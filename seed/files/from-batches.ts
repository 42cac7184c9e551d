/**
 * The scenario's call records as the files an officer receives: each CDR and tower-dump batch written back
 * as the rows of its operator's CSV (cdr-layouts.ts), row for row as the batch cites them. A row carries
 * the handset and cell the batch recorded for it; rows where the batch recorded none leave them blank, as
 * operators' files often do. Importing these files gives the graph the batches give (test/seed-files.test.ts).
 */
import type { BatchLink, IngestBatchInput } from '../../server/domain/batch.js';
import type { Operator } from '../places.js';
import { canonicalKey } from '../spelling.js';
import { cdrText, type CdrRow } from './cdr-layouts.js';
import type { ScenarioFile } from './types.js';

export type { ScenarioFile } from './types.js';

const OPERATORS: Record<string, Operator> = { airtel: 'Airtel', jio: 'Jio', vi: 'Vi', bsnl: 'BSNL' };

const rowOf = (ref: string | undefined) => Number(/^row (\d+)$/.exec(ref ?? '')?.[1] ?? NaN);
const phone = (key: string) => canonicalKey('phone', 'phone', key);

interface Row extends CdrRow {
  target: string;
}

function rowsOf(batch: IngestBatchInput, target: string | undefined): Row[] {
  const rows = new Map<number, Row>();
  const cellProps = new Map<string, { lat?: number; lon?: number }>();
  for (const e of batch.entities ?? [])
    if (e.kind === 'location' && typeof e.props?.lat === 'number' && typeof e.props.lon === 'number')
      cellProps.set(e.key, { lat: e.props.lat, lon: e.props.lon });
  const calls = (batch.links ?? []).filter((l) => l.kind === 'called' || l.kind === 'messaged');
  for (const l of calls) {
    const from = phone(l.from.key);
    const to = phone(l.to.key);
    for (const o of l.occurrences ?? []) {
      const k = rowOf(o.ref);
      // A CDR's rows are the target's; a tower dump's are each caller's, so its A party is the "target".
      const t = target ?? from;
      rows.set(k, {
        target: t,
        other: t === from ? to : from,
        kind: l.kind as CdrRow['kind'],
        dir: t === from ? 'out' : 'in',
        t: Date.parse(o.at),
        ...(o.durationS !== undefined ? { durationS: o.durationS } : {}),
      });
    }
  }
  const sightings = (kind: string) => (batch.links ?? []).filter((l: BatchLink) => l.kind === kind);
  for (const l of sightings('in-device'))
    for (const o of l.occurrences ?? []) {
      const r = rows.get(rowOf(o.ref));
      if (r) r.imei = canonicalKey('device', 'imei', l.to.key);
    }
  for (const l of sightings('seen-at'))
    for (const o of l.occurrences ?? []) {
      const r = rows.get(rowOf(o.ref));
      if (!r) continue;
      r.cell = l.to.key;
      Object.assign(r, cellProps.get(l.to.key) ?? {});
    }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/** The file for a CDR or tower-dump batch of the scenario; undefined for other documents. */
export function scenarioFile(batch: IngestBatchInput): ScenarioFile | undefined {
  const doc = batch.document;
  const m = /^(airtel|jio|vi|bsnl)-(cdr|tower-dump)-(.+)\.csv$/.exec(doc.name);
  if (!m || (doc.type !== 'cdr' && doc.type !== 'tower-dump')) return undefined;
  const op = OPERATORS[m[1]!]!;
  const target = m[2] === 'cdr' ? `+91${m[3]}` : undefined;
  const rows = rowsOf(batch, target);
  if (!rows.length) return undefined;
  const cell = m[2] === 'tower-dump' ? m[3] : undefined;
  return {
    name: doc.name,
    text: cdrText(op, target ?? rows[0]!.target, rows, cell ? { towerCell: cell } : {}),
    template: `cdr-${op.toLowerCase()}`,
    type: doc.type,
    ...(doc.case ? { case: doc.case } : {}),
  };
}
