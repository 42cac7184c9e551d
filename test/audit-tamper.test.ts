/**
 * Tampering with the audit trail as someone with the database file would: raw SQL on the file, then
 * verifyChain over the store and `npm run audit:verify` as an auditor runs it (a real process on a
 * temporary DATA_DIR). Each kind of tampering must be found and named by the entry it touched.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecorder } from '../server/audit/record.js';
import { verifyChain } from '../server/audit/verify.js';
import { entryHash, type AuditContent } from '../server/domain/audit-chain.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { commandEnv } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-audit-tamper-'));
const pristine = join(dir, 'pristine.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const store = new SqliteGraphStore(pristine);
  const audit = auditRecorder(store.audit);
  for (let i = 1; i <= 10; i++)
    await audit.record({
      actor: i % 2 ? 'officer.a' : 'officer.b',
      role: 'investigator',
      action: i % 3 ? 'read.entity' : 'search',
      caseId: 'case-1',
      target: `person:${i.toString(16).padStart(24, '0')}`,
      detail: { results: i },
      ip: '10.0.0.7',
    });
  await store.close(); // the last connection checkpoints the WAL: the one file holds everything
});

let copies = 0;
/** A fresh DATA_DIR holding a copy of the intact trail, changed by `tamper` through raw SQL. */
function dataDir(tamper?: (db: Database.Database) => void): string {
  const data = join(dir, `data-${++copies}`);
  mkdirSync(data);
  copyFileSync(pristine, join(data, 'casegraph.db'));
  if (tamper) {
    const db = new Database(join(data, 'casegraph.db'));
    tamper(db);
    db.close();
  }
  return data;
}

const hashOf = (db: Database.Database, seq: number) =>
  db.prepare<[number], string>('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq)!;

async function verifyStore(data: string) {
  const store = new SqliteGraphStore(join(data, 'casegraph.db'));
  try {
    const r = await verifyChain(store.audit.entries());
    return r.ok ? [] : r.problems.map((p) => [p.seq, p.kind]);
  } finally {
    await store.close();
  }
}

function auditVerify(data: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts', ...args], {
    // As every command test: NEO4J_* left in the shell must not send this to a Neo4j server.
    env: { ...commandEnv(dirname(data)), DATA_DIR: data },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const TAMPERING: [string, (db: Database.Database) => void, [number, string][]][] = [
  [
    "one entry's detail edited",
    (db) => db.exec(`UPDATE audit_log SET detail = '{"results":99}' WHERE seq = 4`),
    [[4, 'changed']],
  ],
  ['one entry deleted', (db) => db.exec('DELETE FROM audit_log WHERE seq = 6'), [[6, 'missing']]],
  [
    'two entries swapped (their seq exchanged)',
    (db) =>
      db.exec(`UPDATE audit_log SET seq = -1 WHERE seq = 3;
               UPDATE audit_log SET seq = 3 WHERE seq = 7;
               UPDATE audit_log SET seq = 7 WHERE seq = -1;`),
    [
      [3, 'out-of-order'],
      [7, 'out-of-order'],
    ],
  ],
  [
    "one entry's prev_hash changed",
    (db) => db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 5').run(hashOf(db, 2)),
    [[5, 'broken-link']],
  ],
  [
    'a forged entry appended with a wrong prev hash',
    (db) => {
      const forged: AuditContent = {
        seq: 11,
        at: Date.now(),
        actor: 'officer.b',
        role: 'investigator',
        action: 'read.entity',
        caseId: 'case-1',
        target: null,
        detail: {},
        ip: '10.0.0.7',
      };
      const prevHash = hashOf(db, 9);
      db.prepare(
        `INSERT INTO audit_log (seq, at, actor, role, action, case_id, target, detail, ip, prev_hash, hash)
         VALUES (11, ?, 'officer.b', 'investigator', 'read.entity', 'case-1', NULL, '{}', '10.0.0.7', ?, ?)`,
      ).run(forged.at, prevHash, entryHash(forged, prevHash));
    },
    [[11, 'broken-link']],
  ],
];

describe('audit trail tampering', () => {
  it('an untouched trail verifies', async () => {
    expect(await verifyStore(dataDir())).toEqual([]);
  });

  for (const [what, tamper, expected] of TAMPERING)
    it(`is found and named: ${what}`, async () => {
      expect(await verifyStore(dataDir(tamper))).toEqual(expected);
    });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact trail and prints the head to keep', () => {
    const r = auditVerify(dataDir());
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^audit trail intact: 10 entries, head seq 10:[0-9a-f]{64}$/m);
  });

  for (const [what, tamper, expected] of TAMPERING)
    it(`exits 1 and names the entry: ${what}`, () => {
      const r = auditVerify(dataDir(tamper));
      expect(r.code, r.err).toBe(1);
      for (const [seq, kind] of expected) expect(r.out).toMatch(new RegExp(`^seq ${seq}: ${kind}: `, 'm'));
      expect(r.out).toContain(`TAMPERED WITH: ${expected.length} problem(s)`);
      expect(r.out).toContain(`first at seq ${expected[0]![0]}`);
      expect(r.err).toBe('');
    });

  it('with a recorded head, catches the last entries cut off', () => {
    const intact = auditVerify(dataDir());
    const head = /head seq (\d+:[0-9a-f]{64})/.exec(intact.out)![1]!;
    const cut = dataDir((db) => db.exec('DELETE FROM audit_log WHERE seq >= 9'));
    expect(auditVerify(cut).code).toBe(0); // the chain alone cannot tell
    const r = auditVerify(cut, '--expect-head', head);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^seq 9: missing: /m);
  });

  it('exits 2 with a message, not a stack trace, on bad usage or a DATA_DIR without a store', () => {
    const usage = auditVerify(dataDir(), '--expect-head', 'yesterday');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage: npm run audit:verify');
    const empty = join(dir, 'no-store-here');
    const missing = auditVerify(empty);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`no store at ${join(empty, 'casegraph.db')}`);
    for (const err of [usage.err, missing.err]) expect(err).not.toMatch(/\n\s+at /);
  });
});
