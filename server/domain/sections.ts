/**
 * Sections of law a trafficking FIR cites (INDIA.md §5). No machine-readable list of every section of
 * every act was available, so a section is checked by form and against the number of sections each act
 * has: "BNS s.143(3)", "ITPA 5", "POCSO s.6", "IPC 370A" are read; "BNS 999" or "XYZ 4" are refused with
 * the reason. Written back one way ("BNS s.143(3)") so the same section cited two ways is one section.
 */

/** The acts a trafficking FIR cites, with the highest section each has. */
export const ACTS = {
  ITPA: 25,
  POCSO: 46,
  BNS: 358,
  IPC: 511,
  BNSS: 531,
  'JJ Act': 112,
  'IT Act': 90,
} as const;
export type Act = keyof typeof ACTS;

const ACT_NAMES = new Map<string, Act>(
  (Object.keys(ACTS) as Act[]).flatMap((a) => [
    [a.toUpperCase().replace(/\s+/g, ''), a],
    // As FIRs write them too.
    ...(a === 'JJ Act' ? ([['JJ', a]] as const) : []),
    ...(a === 'IT Act' ? ([['IT', a]] as const) : []),
  ]),
);

// The act, then a space (or a dot, or straight into the number), then "s." / "sec" / "section" or not.
const SECTION =
  /^([A-Za-z][A-Za-z .]*?)(?:\s+|\s*\.\s*|(?=\d))(?:s(?:ec(?:tion)?)?\.?\s*)?(\d{1,3})([A-Z]?)((?:\(\d{1,2}\))*(?:\([a-z]\))?)$/i;

export type SectionResult = { ok: true; section: string } | { ok: false; reason: string };

export function parseSection(raw: string): SectionResult {
  const text = raw.trim().replace(/\s+/g, ' ');
  const m = SECTION.exec(text);
  if (!m)
    return {
      ok: false,
      reason: `"${text}" is not a section of law: write the act and the section, e.g. "BNS s.143(3)" or "ITPA s.5"`,
    };
  const act = ACT_NAMES.get((m[1] ?? '').toUpperCase().replace(/[\s.]+/g, ''));
  if (!act)
    return {
      ok: false,
      reason: `"${m[1]}" is not an act CaseGraph knows; one of ${Object.keys(ACTS).join(', ')}`,
    };
  const n = Number(m[2]);
  if (n < 1 || n > ACTS[act]) return { ok: false, reason: `${act} has sections 1 to ${ACTS[act]}, not ${n}` };
  return { ok: true, section: `${act} s.${n}${(m[3] ?? '').toUpperCase()}${m[4] ?? ''}` };
}

/**
 * Sections as stored on a case ("ITPA s.3, s.4; BNS s.143"), one per entry: an act named once is
 * carried over to the bare sections after it, as FIRs list them.
 */
export function splitSections(stored: string): string[] {
  const out: string[] = [];
  for (const group of stored.split(';')) {
    let act = '';
    for (const part of group.split(',')) {
      const p = part.trim();
      if (!p) continue;
      const named = /^([A-Za-z][A-Za-z .]*?)\s+(s\.?\s*)?\d/i.exec(p);
      if (named) act = named[1]!;
      const r = parseSection(named || !act ? p : `${act} ${p}`);
      out.push(r.ok ? r.section : p);
    }
  }
  return [...new Set(out)];
}

/** Sections as a case keeps them: one string, each act's sections after its name. */
export function joinSections(sections: readonly string[]): string {
  return sections.join('; ');
}
