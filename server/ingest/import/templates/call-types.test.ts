import { describe, expect, it } from 'vitest';
import { readCallType } from './call-types.js';

describe('call-type codes of the four operators', () => {
  it.each([
    ['IN', '', 'called', 'in'],
    ['OUT', '', 'called', 'out'],
    ['SMT', '', 'messaged', 'in'],
    ['SMO', '', 'messaged', 'out'],
    ['a_in', '', 'called', 'in'],
    ['a_out', '', 'called', 'out'],
    ['A2P_SMSIN', '', 'messaged', 'in'],
    ['P2P_SMSIN', '', 'messaged', 'in'],
    ['P2POUT', '', 'messaged', 'out'],
    ['P2AOUT', '', 'messaged', 'out'],
    ['a_in_wifi', '', 'called', 'in'],
    ['a_out_wifi', '', 'called', 'out'],
    ['a_in_vw', '', 'called', 'in'],
    ['v_in', '', 'called', 'in'],
    ['VDO-OUT', '', 'called', 'out'],
    ['a_frw', '', 'called', 'out'],
    ['Incoming', 'Voice', 'called', 'in'],
    ['Outgoing', 'SMS', 'messaged', 'out'],
    ['IN', 'Voice Call', 'called', 'in'],
    ['OUT', 'SMS', 'messaged', 'out'],
    ['MOC', '', 'called', 'out'],
    ['SMS_MT', '', 'messaged', 'in'],
  ])('%s (%s) is %s %s', (code, service, kind, dir) =>
    expect(readCallType(code, service)).toEqual({ kind, dir }),
  );
  it.each(['GPRS', '', 'XYZ'])('%j is none', (code) => expect(readCallType(code)).toBeUndefined());
});
