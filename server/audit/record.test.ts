import { describe, expect, it } from 'vitest';
import type { AuditContent, AuditEntry } from '../domain/audit-chain.js';
import type { AuditStore } from '../store/audit-store.js';
import { AUDIT_ACTIONS, auditRecorder, type AuditEvent } from './record.js';

/** Keeps what was appended; the chain itself is the store's business (test/audit-store.test.ts). */
function memoryStore() {
  const appended: Omit<AuditContent, 'seq'>[] = [];
  const store: AuditStore = {
    async append(entry) {
      appended.push(entry);
      return { ...entry, seq: appended.length, prevHash: '', hash: '' } as AuditEntry;
    },
    read: async () => [],
    entries: async function* () {},
    head: async () => ({ seq: 0, hash: '' }),
  };
  return { store, appended };
}

const PERSON = 'person:0123456789abcdef01234567';

describe('auditRecorder', () => {
  it('records who, when, what, which case, from where', async () => {
    const { store, appended } = memoryStore();
    const audit = auditRecorder(store, () => 1_767_225_600_000);
    await audit.record({
      actor: 'officer.a',
      role: 'investigator',
      action: 'reveal',
      caseId: 'case-1',
      target: PERSON,
      detail: { reason: 'charge sheet preparation', masked: false },
      ip: '10.0.0.7',
    });
    expect(appended).toEqual([
      {
        at: 1_767_225_600_000,
        actor: 'officer.a',
        role: 'investigator',
        action: 'reveal',
        caseId: 'case-1',
        target: PERSON,
        detail: { reason: 'charge sheet preparation', masked: false },
        ip: '10.0.0.7',
      },
    ]);
  });

  it('accepts every action of the vocabulary, and nothing else', async () => {
    const { store, appended } = memoryStore();
    const audit = auditRecorder(store);
    for (const action of AUDIT_ACTIONS) await audit.record({ actor: 'admin', role: 'admin', action });
    expect(appended.map((e) => e.action)).toEqual([...AUDIT_ACTIONS]);
    const unknown = { actor: 'admin', role: 'admin', action: 'delete.everything' } as unknown as AuditEvent;
    await expect(audit.record(unknown)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('refuses a detail that could carry a victim’s name, phone or search text', async () => {
    const { store, appended } = memoryStore();
    const audit = auditRecorder(store);
    const base = { actor: 'officer.a', role: 'analyst', action: 'search' } as const;
    for (const detail of [
      { name: 'Synthetic Victim One' },
      { phone: '+919820123456' },
      { query: 'Synthetic' },
    ])
      await expect(audit.record({ ...base, detail } as unknown as AuditEvent)).rejects.toMatchObject({
        code: 'INTERNAL',
      });
    await expect(audit.record({ ...base, target: 'Synthetic Victim One' })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    await expect(audit.record({ ...base, detail: { ids: ['+919820123456'] } })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(appended).toEqual([]);
  });

  it('cuts phone, Aadhaar, account and handle out of a free-text reason', async () => {
    const { store, appended } = memoryStore();
    const audit = auditRecorder(store);
    await audit.record({
      actor: 'officer.a',
      role: 'investigator',
      action: 'reveal',
      target: PERSON,
      detail: {
        reason:
          'called +91 98201 23456, aadhaar 2345 6789 0123, a/c 50100012345678, upi victim.one@okaxis, FIR 12/2026',
      },
    });
    const reason = appended[0]!.detail.reason as string;
    for (const value of ['98201', '23456', '6789', '50100012345678', 'victim.one', 'okaxis'])
      expect(reason).not.toContain(value);
    expect(reason).toContain('FIR 12/2026');
  });
});
