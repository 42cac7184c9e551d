/**
 * Small hand-written batches for the contract and API tests: a case with an accused and a victim, their
 * phones written as different operators write them, a call seen in two CDRs, a payment and a hotel stay.
 * All values are synthetic.
 */
import { createHash } from 'node:crypto';
import type { IngestBatchInput } from '../../server/domain/batch.js';
import type { KeyContext } from '../../server/domain/keys.js';

export const TEST_KEYS: KeyContext = {
  defaultRegion: 'IN',
  aadhaarKey: 'test-only-aadhaar-key-0123456789abcdef',
};

export const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

export const FIR = 'MH/Mumbai City/Test Nagar PS/0001/2026';
export const OTHER_FIR = 'KA/Bengaluru Urban/Sample Pet PS/0042/2026';

export function firBatch(fir = FIR, name = 'fir-0001.pdf'): IngestBatchInput {
  return {
    document: { name, sha256: sha(name), type: 'fir', grading: { source: 'A', information: '1' } },
    entities: [
      {
        kind: 'case',
        key: fir,
        props: {
          firNumber: fir.split('/')[3]!,
          policeStation: 'Test Nagar PS',
          sections: 'ITPA s.5; BNS s.143',
        },
        ref: 'page 1',
      },
      { kind: 'person', key: 'FIR-0001-2026-A1', props: { name: 'Zorvan Quillet' }, ref: 'page 1' },
      { kind: 'person', key: 'FIR-0001-2026-V1', props: { name: 'Émira Testova', age: 15 }, ref: 'page 2' },
    ],
    links: [
      {
        kind: 'involves',
        from: { kind: 'case', key: fir },
        to: { kind: 'person', key: 'FIR-0001-2026-A1' },
        role: 'accused',
        ref: 'page 1',
      },
      {
        kind: 'involves',
        from: { kind: 'case', key: fir },
        to: { kind: 'person', key: 'FIR-0001-2026-V1' },
        role: 'victim',
        ref: 'page 2',
      },
    ],
  };
}

/** The accused's phone's CDR, from Airtel: numbers as bare ten digits or with an apostrophe. */
export function airtelCdr(): IngestBatchInput {
  return {
    document: {
      name: 'airtel-cdr-A.csv',
      sha256: sha('airtel-cdr-A'),
      type: 'cdr',
      grading: { source: 'B', information: '2' },
      case: FIR,
    },
    entities: [
      { kind: 'phone', key: "'9820123456", ref: 'row 2' },
      { kind: 'phone', key: '9820199999', ref: 'row 2' },
      { kind: 'phone', key: '7000012345', ref: 'row 3' },
    ],
    links: [
      {
        kind: 'uses',
        from: { kind: 'person', key: 'FIR-0001-2026-A1' },
        to: { kind: 'phone', key: '9820123456' },
        ref: 'row 1',
      },
      {
        kind: 'called',
        from: { kind: 'phone', key: '9820123456' },
        to: { kind: 'phone', key: '9820199999' },
        ref: 'row 2',
        occurrences: [
          { at: '2026-04-15T10:12:00+05:30', durationS: 62, ref: 'row 2' },
          { at: '2026-04-16T21:40:05+05:30', durationS: 15, ref: 'row 4' },
        ],
      },
      {
        kind: 'called',
        from: { kind: 'phone', key: '9820123456' },
        to: { kind: 'phone', key: '7000012345' },
        ref: 'row 3',
        occurrences: [{ at: '2026-05-02T08:00:00+05:30', durationS: 300, ref: 'row 3' }],
      },
    ],
  };
}

/** The other side's CDR, from Jio: the same call of 15 April, numbers with a 91 prefix. */
export function jioCdr(): IngestBatchInput {
  return {
    document: {
      name: 'jio-cdr-B.csv',
      sha256: sha('jio-cdr-B'),
      type: 'cdr',
      grading: { source: 'B', information: '2' },
      case: FIR,
    },
    entities: [
      { kind: 'phone', key: '919820199999', props: { operator: 'Jio' }, ref: 'row 7' },
      { kind: 'phone', key: '+91 98201 23456', ref: 'row 7' },
    ],
    links: [
      {
        kind: 'called',
        from: { kind: 'phone', key: '919820123456' },
        to: { kind: 'phone', key: '919820199999' },
        ref: 'row 7',
        occurrences: [{ at: '2026-04-15T04:42:00Z', durationS: 62, ref: 'row 7' }],
      },
    ],
  };
}

/** A hotel register and a bank statement of another case: the victim stayed, the accused paid. */
export function otherCaseEvidence(): IngestBatchInput {
  return {
    document: {
      name: 'register-sunrise.xlsx',
      sha256: sha('register-sunrise'),
      type: 'hotel-register',
      case: OTHER_FIR,
    },
    entities: [
      { kind: 'hotel', key: 'Hotel Testview Lodge, Bombay', ref: 'row 9' },
      { kind: 'account', scheme: 'upi', key: 'zq.test@okhdfcbank', ref: 'row 9' },
      { kind: 'account', scheme: 'upi', key: 'lodge.test@ybl', ref: 'row 9' },
      { kind: 'person', key: 'REG-SUNRISE-0009', props: { name: 'Guest Sample Nine' }, ref: 'row 9' },
    ],
    links: [
      {
        kind: 'stayed-at',
        from: { kind: 'person', key: 'FIR-0001-2026-V1' },
        to: { kind: 'hotel', key: 'Hotel Testview Lodge, Bombay' },
        ref: 'row 9',
        occurrences: [{ at: '2026-04-20T22:00:00+05:30', endAt: '2026-04-22T10:00:00+05:30', ref: 'row 9' }],
      },
      {
        kind: 'stayed-at',
        from: { kind: 'person', key: 'REG-SUNRISE-0009' },
        to: { kind: 'hotel', key: 'Hotel Testview Lodge, Bombay' },
        ref: 'row 10',
      },
      {
        kind: 'holds',
        from: { kind: 'person', key: 'FIR-0001-2026-A1' },
        to: { kind: 'account', scheme: 'upi', key: 'zq.test@okhdfcbank' },
        ref: 'row 9',
      },
      {
        kind: 'paid',
        from: { kind: 'account', scheme: 'upi', key: 'zq.test@okhdfcbank' },
        to: { kind: 'account', scheme: 'upi', key: 'lodge.test@ybl' },
        ref: 'row 9',
        occurrences: [
          { at: '2026-04-20T21:55:00+05:30', amount: 1500.5, txnRef: '612345678901', ref: 'row 9' },
        ],
      },
    ],
  };
}

export function otherFirBatch(): IngestBatchInput {
  return {
    document: { name: 'fir-0042.pdf', sha256: sha('fir-0042.pdf'), type: 'fir' },
    entities: [{ kind: 'case', key: OTHER_FIR, props: { policeStation: 'Sample Pet PS' }, ref: 'page 1' }],
    links: [],
  };
}

/** Batches in an order the store accepts: each names only entities it declares or earlier ones did. */
export function scenario(): IngestBatchInput[] {
  return [firBatch(), airtelCdr(), jioCdr(), otherFirBatch(), otherCaseEvidence()];
}
