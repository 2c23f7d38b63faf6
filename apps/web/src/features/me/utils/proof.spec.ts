import { describe, expect, it } from '@jest/globals';
import { proofInput } from './proof';

const both = { phoneMatches: false, rollPhone: '138****0011', idNumber: true };

describe('proofInput', () => {
  it('needs nothing when the account phone is the roll phone', () => {
    expect(proofInput({ ...both, phoneMatches: true }, { phoneCode: '', idNumber: '' })).toEqual({ ok: true, proof: {} });
  });

  it('takes the SMS code sent to the roll phone, full-width digits included', () => {
    expect(proofInput(both, { phoneCode: ' １２３４５６ ', idNumber: '' })).toEqual({ ok: true, proof: { phoneCode: '123456' } });
    expect(proofInput(both, { phoneCode: '12345', idNumber: '' })).toEqual({ ok: false, field: 'phoneCode', message: 'me.link.phoneCodeInvalid' });
  });

  it('takes the whole identity number, spaces dropped and x made upper case', () => {
    expect(proofInput(both, { phoneCode: '', idNumber: '990101 19520315002x' })).toEqual({ ok: true, proof: { idNumber: '99010119520315002X' } });
    expect(proofInput(both, { phoneCode: '', idNumber: '5002X' })).toEqual({ ok: false, field: 'idNumber', message: 'me.link.idNumberInvalid' });
  });

  it('asks for proof at the first way the roll offers', () => {
    expect(proofInput(both, { phoneCode: '', idNumber: '' })).toEqual({ ok: false, field: 'phoneCode', message: 'me.link.proofRequired' });
    expect(proofInput({ ...both, rollPhone: null }, { phoneCode: '', idNumber: '' })).toEqual({ ok: false, field: 'idNumber', message: 'me.link.proofRequired' });
    expect(proofInput({ phoneMatches: false, rollPhone: null, idNumber: false }, { phoneCode: '1', idNumber: '1' })).toEqual({ ok: false, field: null, message: 'me.link.proofRequired' });
  });
});
