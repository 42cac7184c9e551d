/**
 * For the report tests: a session's raw cookie (the Client of server.ts reads answers as text, a PDF is
 * bytes), the PDF read back with poppler-utils (pdftotext, pdftoppm; Debian's, installed by .ci/run),
 * and the identifiers of every protected person of a seeded scenario, for scanning a file for leaks.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../seed/scenario.js';
import type { IngestBatchInput } from '../../server/domain/batch.js';
import { normaliseKey } from '../../server/domain/keys.js';
import { TEST_KEYS } from './batches.js';
import type { TestServer } from './server.js';

export interface RawSession {
  cookie: string;
  csrf: string;
}

/** Signs in a user signInAs made (its password is known to the test support). */
export async function rawSession(server: TestServer, username: string): Promise<RawSession> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `test-only password of ${username}` }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

export interface BytesReply {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export async function fetchBytes(
  server: TestServer,
  s: RawSession,
  path: string,
  body?: unknown,
): Promise<BytesReply> {
  const res = await fetch(server.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      cookie: s.cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': s.csrf }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The text of a PDF as pdftotext gives it (layout kept; non-breaking spaces made plain). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'casegraph-pdf-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\u00a0/g,
    ' ',
  );
}

/** Renders pages to PNG under test-results/reports/<name>-N.png; returns the files. */
export function pdfPages(pdf: Buffer, name: string, dpi = 80, pages?: [number, number]): string[] {
  const dir = join('test-results', 'reports');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    ...(pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : []),
    '-png',
    file,
    join(dir, name),
  ]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => join(dir, f));
}

/**
 * Everything that would name a protected person: from the seed's own batches and the store's list. A
 * protected person is one some FIR names as a victim, or a minor: a victim the generator planted whom no
 * FIR names (never rescued) is, to CaseGraph, a person like any other, as to the police.
 */
export async function protectedSecrets(server: TestServer, scenario: Scenario): Promise<string[]> {
  const refs = new Set(
    [
      ...scenario.truth.victims.filter((v) => v.cases.length > 0).map((v) => v.person),
      ...scenario.truth.minors,
    ].map((r) => `${r.kind}|${r.key}`),
  );
  const out = new Set<string>();
  for (const batch of scenario.batches)
    for (const e of batch.entities ?? []) {
      if (e.kind !== 'person') continue;
      const k = normaliseKey('person', e.key, TEST_KEYS);
      if (!k.ok || !refs.has(`person|${k.key}`)) continue;
      out.add(e.key);
      for (const v of Object.values(e.props ?? {})) if (typeof v === 'string') out.add(v);
    }
  for (const p of await server.store.protectedEntities()) for (const s of p.secrets) out.add(s);
  // Phones are also written as their bare digits.
  for (const s of [...out]) if (/^\+91\d{10}$/.test(s)) out.add(s.slice(3));
  return [...out].filter((s) => s.length >= 5 && !/^(female|male|other|true|false)$/i.test(s));
}

export const JOINT_FIR = 'MH/Mumbai City/Joint Task Force PS/0300/2026';

/**
 * A scenario as one large case: every document filed under one joint FIR, as a joint investigation of
 * several rings would be, so a case of about `entities` entities can be reported on.
 */
export function jointCaseBatches(scenario: Scenario): IngestBatchInput[] {
  const head: IngestBatchInput = {
    document: {
      name: 'fir-joint-task-force-0300-2026.pdf',
      sha256: createHash('sha256').update(`joint ${scenario.truth.options.seed}`).digest('hex'),
      type: 'fir',
      grading: { source: 'A', information: '1' },
      case: JOINT_FIR,
    },
    entities: [
      {
        kind: 'case',
        key: JOINT_FIR,
        props: {
          firNumber: '0300/2026',
          policeStation: 'Joint Task Force PS',
          district: 'Mumbai City',
          state: 'Maharashtra',
          sections: 'ITPA s.3, s.4, s.5; BNS s.143, s.144',
        },
        ref: 'page 1',
      },
    ],
    links: [],
  };
  return [head, ...scenario.batches.map((b) => ({ ...b, document: { ...b.document, case: JOINT_FIR } }))];
}
