import { describe, expect, it } from 'vitest';
import { parseNarration } from './narration.js';

// Layouts from INDIA.md §2; every value synthetic.
describe('bank narrations', () => {
  it.each([
    [
      'WDL TFR UPI/DR/512345678901/ZORVANQU/HDFC/zorvan.q@okhdfcbank/UPI AT 00123 SAMPLE NAGAR',
      { channel: 'UPI', side: 'dr', ref: '512345678901', name: 'ZORVANQU', vpa: 'zorvan.q@okhdfcbank' },
    ],
    [
      'DEP TFR UPI/CR/612345678902/EMIRA TE/SBIN/EMIRA.T@OKSBI/UPI',
      { channel: 'UPI', side: 'cr', ref: '612345678902', name: 'EMIRA TE', vpa: 'emira.t@oksbi' },
    ],
    [
      'WDL TFR UPI/DR/512345678903/SOMEONE/UTIB/**06653@OKBIZAXIS/UPI',
      { channel: 'UPI', side: 'dr', ref: '512345678903', name: 'SOMEONE' },
    ],
    [
      'UPI-QUILLET TRADERS-quillet.traders@ybl-ICIC0DC0099-412345678904-rent',
      {
        channel: 'UPI',
        ref: '412345678904',
        name: 'QUILLET TRADERS',
        vpa: 'quillet.traders@ybl',
        ifsc: 'ICIC0DC0099',
      },
    ],
    [
      'NEFT CR-HDFC0001234-SAMPLE EXPORTS PVT LTD-TESTOVA E-N123456789012345',
      {
        channel: 'NEFT',
        side: 'cr',
        ref: 'N123456789012345',
        ifsc: 'HDFC0001234',
        name: 'SAMPLE EXPORTS PVT LTD',
      },
    ],
    [
      'UPI/P2A/512345678905/ZORVAN QUILLET/HDFC BANK/UPI',
      { channel: 'UPI', ref: '512345678905', name: 'ZORVAN QUILLET' },
    ],
    [
      'UPI/P2M/512345678906/SYNTHETIC MART/UPI/Axis Bank',
      { channel: 'UPI', ref: '512345678906', name: 'SYNTHETIC MART' },
    ],
    [
      'IMPS/P2A/612345678907/TESTOVA E/SBI/imps transfer',
      { channel: 'IMPS', ref: '612345678907', name: 'TESTOVA E' },
    ],
    [
      'ACH D- SAMPLE FINANCE LTD-ACH000123',
      { channel: 'ACH', side: 'dr', ref: 'ACH000123', name: 'SAMPLE FINANCE LTD' },
    ],
    ['ATM WDL SAMPLE NAGAR 1234', { channel: 'OTHER' }],
    [
      'BY TRANSFER UPI 712345678908 paid to someone@paytm',
      { channel: 'UPI', ref: '712345678908', vpa: 'someone@paytm' },
    ],
  ])('%s', (text, expected) => expect(parseNarration(text)).toEqual(expected));
});
