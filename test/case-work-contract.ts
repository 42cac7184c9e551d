/**
 * The GraphStore contract for the investigator's case work (issue 9): documents by id, the cases of many
 * entities at once, alerts kept once by id, watches. Called inside describeStoreContract, so every
 * adapter that runs the contract (SQLite, Neo4j's model, a live Neo4j) runs this too.
 */
import { expect, it } from 'vitest';
import { entityId } from '../server/domain/ids.js';
import type { GraphStore } from '../server/store/graph-store.js';
import type { CaseAlert } from '../server/domain/views.js';
import { FIR, OTHER_FIR, sha } from './support/batches.js';
import { idOf } from './store-contract.js';

const alert = (over: Partial<CaseAlert>): CaseAlert => ({
  id: 'alert:1',
  caseId: idOf('case', FIR),
  kind: 'cross-case',
  entityId: idOf('phone', '9820123456'),
  otherCaseId: idOf('case', OTHER_FIR),
  documentId: entityId('document', 'sha256', sha('register-sunrise')),
  userId: null,
  reason: null,
  linkId: null,
  raisedAt: 1_780_000_000_000,
  ...over,
});

/** `loadScenario` puts test/support/batches.ts's scenario() in the store. */
export function caseWorkContract(store: () => GraphStore, loadScenario: () => Promise<unknown>): void {
  it('case work: a document by id as provenance shows it; none for an unknown id', async () => {
    await loadScenario();
    const id = entityId('document', 'sha256', sha('register-sunrise'));
    expect(await store().getDocument(id)).toEqual({
      id,
      sha256: sha('register-sunrise'),
      name: 'register-sunrise.xlsx',
      type: 'hotel-register',
      grading: { source: 'F', information: '6' },
      caseId: idOf('case', OTHER_FIR),
    });
    expect(await store().getDocument(entityId('document', 'sha256', sha('nothing')))).toBeNull();
  });

  it('case work: the cases of several entities at once, as getEntity tells them one by one', async () => {
    await loadScenario();
    const ids = [
      idOf('person', 'FIR-0001-2026-V1'),
      idOf('phone', '9820123456'),
      idOf('hotel', 'Hotel Testview Lodge, Bombay'),
      idOf('phone', '9000000000'),
    ];
    const cases = await store().casesOfEntities(ids);
    for (const id of ids.slice(0, 3)) expect(cases.get(id)).toEqual((await store().getEntity(id))!.caseIds);
    // The victim is named in her own FIR and stayed at the other case's hotel: two cases.
    expect(cases.get(ids[0]!)).toEqual([idOf('case', FIR), idOf('case', OTHER_FIR)].sort());
    expect(cases.get(ids[3]!)).toEqual([]);
  });

  it('case work: an alert is kept once; raising it again returns nothing new; newest first', async () => {
    const s = store();
    const first = alert({ id: 'alert:b', raisedAt: 1_780_000_000_000 });
    const watch = alert({
      id: 'alert:a',
      kind: 'watch',
      otherCaseId: null,
      userId: 'user:1',
      reason: 'near',
      linkId: 'link:000000000000000000000001',
      raisedAt: 1_780_000_000_000,
    });
    const later = alert({ id: 'alert:c', raisedAt: 1_780_000_100_000 });
    expect(await s.addAlerts([first, watch])).toEqual([first, watch]);
    expect(await s.addAlerts([first, later, watch])).toEqual([later]);
    expect(await s.addAlerts([])).toEqual([]);
    expect(await s.alertsOf(idOf('case', FIR), 10)).toEqual([later, watch, first]);
    expect(await s.alertsOf(idOf('case', FIR), 1)).toEqual([later]);
    expect(await s.alertsOf(idOf('case', OTHER_FIR), 10)).toEqual([]);
  });

  it("case work: a watch's alerts are those on its case, about its entity, for its watcher; newest first", async () => {
    const s = store();
    const phone = idOf('phone', '9820123456');
    const watched = (over: Partial<CaseAlert>) =>
      alert({ kind: 'watch', otherCaseId: null, userId: 'user:1', reason: 'touched', ...over });
    const touched = watched({ id: 'alert:w1', raisedAt: 1_780_000_000_000 });
    const near = watched({
      id: 'alert:w2',
      reason: 'near',
      linkId: 'link:000000000000000000000001',
      raisedAt: 1_780_000_100_000,
    });
    const others = [
      alert({ id: 'alert:x1' }), // a cross-case hit on the same entity and case
      watched({ id: 'alert:x2', userId: 'user:2' }), // another watcher's
      watched({ id: 'alert:x3', entityId: idOf('hotel', 'Hotel Testview Lodge, Bombay') }),
      watched({ id: 'alert:x4', caseId: idOf('case', OTHER_FIR) }),
    ];
    await s.addAlerts([touched, ...others, near]);
    const ref = { userId: 'user:1', entityId: phone, caseId: idOf('case', FIR) };
    expect(await s.alertsOfWatch(ref, 10)).toEqual([near, touched]);
    expect(await s.alertsOfWatch(ref, 1)).toEqual([near]);
    expect(await s.alertsOfWatch({ ...ref, userId: 'user:3' }, 10)).toEqual([]);
  });

  it('case work: watches are kept per user and entity, found by entity, and removed', async () => {
    const s = store();
    const phone = idOf('phone', '9820123456');
    const hotel = idOf('hotel', 'Hotel Testview Lodge, Bombay');
    const a = { userId: 'user:a', entityId: phone, caseId: idOf('case', FIR), createdAt: 1000 };
    await s.addWatch(a);
    await s.addWatch({ userId: 'user:a', entityId: hotel, caseId: idOf('case', FIR), createdAt: 2000 });
    await s.addWatch({ userId: 'user:b', entityId: phone, caseId: idOf('case', OTHER_FIR), createdAt: 3000 });
    // Watching again moves the watch to the case given, and keeps when it began.
    await s.addWatch({ ...a, caseId: idOf('case', OTHER_FIR), createdAt: 4000 });
    expect(await s.watchesOf('user:a')).toEqual([
      { ...a, caseId: idOf('case', OTHER_FIR) },
      { userId: 'user:a', entityId: hotel, caseId: idOf('case', FIR), createdAt: 2000 },
    ]);
    expect((await s.watchesOn([phone, phone])).map((w) => w.userId)).toEqual(['user:a', 'user:b']);
    expect(
      (await s.watchesForCases([idOf('case', OTHER_FIR), idOf('case', FIR)])).map((w) => [
        w.caseId,
        w.userId,
      ]),
    ).toEqual(
      [
        [idOf('case', FIR), 'user:a'],
        [idOf('case', OTHER_FIR), 'user:a'],
        [idOf('case', OTHER_FIR), 'user:b'],
      ].sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
    );
    expect(await s.removeWatch('user:a', phone)).toBe(true);
    expect(await s.removeWatch('user:a', phone)).toBe(false);
    const left = [
      [phone, 'user:b'],
      [hotel, 'user:a'],
    ].sort(([x], [y]) => (x! < y! ? -1 : 1));
    expect((await s.watchesOn([phone, hotel])).map((w) => [w.entityId, w.userId])).toEqual(left);
  });
}
