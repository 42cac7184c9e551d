/**
 * A case as a record (issue 9): the FIR and what the unit keeps about it. The record is the graph's case
 * entity — its properties — never a second thing beside it, so a case that arrived with evidence (an
 * import, the seed) is a record already, and one made here is the node its evidence attaches to.
 */
import { z } from 'zod';
import { CASE_ROLES } from './kinds.js';
import type { Props } from './props.js';
import { parseSection, splitSections } from './sections.js';
import type { EntityView } from './views.js';

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const sectionsSchema = z
  .array(z.string().max(60))
  .min(1, 'an FIR cites at least one section of law')
  .max(40)
  .transform((list, ctx) => {
    const out: string[] = [];
    list.forEach((raw, i) => {
      const r = parseSection(raw);
      if (r.ok) out.push(r.section);
      else ctx.addIssue({ code: 'custom', message: r.reason, path: [i] });
    });
    return [...new Set(out)];
  })
  .meta({ description: 'Each "ACT s.N", e.g. "ITPA s.5", "BNS s.143(3)", "POCSO s.6", "IPC s.370A".' });

/** "0123/2026": the station's annual serial and the year (INDIA.md §4). */
const firNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}\/\d{4}$/, 'an FIR number is the serial and the year, e.g. 0123/2026');

const editable = {
  sections: sectionsSchema,
  occurredFrom: isoDate.optional().meta({ description: 'When the offence began (or took place).' }),
  occurredTo: isoDate.optional().meta({ description: 'When it ended, for an offence over a span.' }),
  officer: text(200).optional().meta({ description: 'The investigating officer, by name and rank.' }),
  unit: text(200).optional().meta({ description: 'The unit working the case; the creator’s by default.' }),
};

const occurrenceOrder = (r: { occurredFrom?: string; occurredTo?: string }) =>
  !r.occurredFrom || !r.occurredTo || r.occurredFrom <= r.occurredTo;

export const newCaseSchema = z
  .object({
    state: text(120).meta({ description: 'As the FIR writes it, e.g. "MH" or "Maharashtra".' }),
    district: text(120),
    policeStation: text(200),
    firNumber: firNumberSchema,
    registeredOn: isoDate.meta({ description: 'The FIR date.' }),
    ...editable,
  })
  .strict()
  .refine((r) => Number(r.firNumber.slice(-4)) === Number(r.registeredOn.slice(0, 4)), {
    message: "an FIR is numbered in its station's register of the year it is registered",
    path: ['firNumber'],
  })
  .refine(occurrenceOrder, { message: 'must not be before occurredFrom', path: ['occurredTo'] })
  .refine((r) => !r.occurredFrom || r.occurredFrom <= r.registeredOn, {
    message: 'an offence is registered after it begins',
    path: ['occurredFrom'],
  })
  .meta({ id: 'NewCase' });
export type NewCase = z.output<typeof newCaseSchema>;

export const caseEditSchema = z
  .object({ ...editable, sections: sectionsSchema.optional() })
  .strict()
  .refine((r) => Object.keys(r).length > 0, { message: 'name at least one field to change' })
  .refine(occurrenceOrder, { message: 'must not be before occurredFrom', path: ['occurredTo'] })
  .meta({ id: 'CaseEdit' });
export type CaseEdit = z.output<typeof caseEditSchema>;

export const CLOSE_REASONS = [
  'chargesheeted',
  'final-report-undetected',
  'final-report-mistake-of-fact',
  'final-report-civil-nature',
  'transferred',
  'other',
] as const;

export const caseCloseSchema = z
  .object({
    reason: z.enum(CLOSE_REASONS),
    note: z.string().trim().max(1000).optional(),
    closedOn: isoDate,
  })
  .strict()
  .meta({ id: 'CaseClose' });
export type CaseClose = z.output<typeof caseCloseSchema>;

export const caseRoleSchema = z.enum(CASE_ROLES, {
  message: `a role is one of ${CASE_ROLES.join(', ')}`,
});

export const attachSchema = z
  .object({
    entity: z.string().min(1).max(200).meta({ description: 'The entity id.' }),
    role: caseRoleSchema,
    document: z.string().min(1).max(200).meta({ description: 'Id of the document that supports the role.' }),
    ref: z.string().trim().max(200).optional().meta({ description: 'Where in it: "page 3", "para 4".' }),
  })
  .strict()
  .meta({ id: 'CaseAttachment' });
export type Attachment = z.output<typeof attachSchema>;

export const detachSchema = z
  .object({
    entity: z.string().min(1).max(200),
    role: caseRoleSchema,
    reason: z.string().trim().min(10, 'say why, in a sentence: the reason is kept on the record').max(500),
  })
  .strict()
  .meta({ id: 'CaseDetachment' });
export type Detachment = z.output<typeof detachSchema>;

export interface CaseRecord {
  id: string;
  /** The FIR key: state/district/police station/serial/year. */
  fir: string;
  firNumber: string | null;
  state: string | null;
  district: string | null;
  policeStation: string | null;
  registeredOn: string | null;
  occurredFrom: string | null;
  occurredTo: string | null;
  sections: string[];
  status: 'open' | 'closed';
  closeReason: string | null;
  closeNote: string | null;
  closedOn: string | null;
  officer: string | null;
  unit: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The record a case entity's properties hold; a case that came with evidence alone is open. */
export function caseRecordOf(e: EntityView): CaseRecord {
  const p = e.props;
  return {
    id: e.id,
    fir: e.key,
    firNumber: str(p.firNumber),
    state: str(p.state),
    district: str(p.district),
    policeStation: str(p.policeStation),
    registeredOn: str(p.firDate),
    occurredFrom: str(p.occurredFrom),
    occurredTo: str(p.occurredTo),
    sections: typeof p.sections === 'string' ? splitSections(p.sections) : [],
    status: p.status === 'closed' ? 'closed' : 'open',
    closeReason: str(p.closeReason),
    closeNote: str(p.closeNote),
    closedOn: str(p.closedOn),
    officer: str(p.officer),
    unit: str(p.unit),
  };
}

/** The FIR key of a new case, as the ingest batch's document.case and the case entity's key. */
export const firKeyOf = (c: NewCase): string => `${c.state}/${c.district}/${c.policeStation}/${c.firNumber}`;

/** The case entity's properties a new record or an edit states. */
export function caseProps(c: Partial<NewCase> & CaseEdit): Props {
  const props: Props = {};
  const put = (k: string, v: string | undefined) => {
    if (v !== undefined) props[k] = v;
  };
  put('firNumber', c.firNumber);
  put('firDate', c.registeredOn);
  put('policeStation', c.policeStation);
  put('district', c.district);
  put('state', c.state);
  if (c.sections) props.sections = c.sections.join('; ');
  put('occurredFrom', c.occurredFrom);
  put('occurredTo', c.occurredTo);
  put('officer', c.officer);
  put('unit', c.unit);
  return props;
}
