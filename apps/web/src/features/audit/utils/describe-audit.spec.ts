import { beforeAll, describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { translator } from '../../../i18n/testing';
import { actionName, auditFields, fieldValue } from './describe-audit';

let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  zh = await translator('zh-CN', { console: true });
  en = await translator('en', { console: true });
});

describe('actionName', () => {
  it('names the actions in words', () => {
    expect(actionName('role.grant', zh)).toBe('授予角色');
    expect(actionName('invitation.issue', zh)).toBe('签发邀请函');
    expect(actionName('roll.link', en)).toBe('Account linked to the roll');
  });

  it('names the roll’s actions', () => {
    expect(actionName('roll.import', zh)).toBe('导入名册');
    expect(actionName('roll.change', en)).toBe('Roll entry changed');
  });

  it('shows an action it does not know as it is', () => {
    expect(actionName('vote.cast', zh)).toBe('vote.cast');
    expect(actionName('toString', zh)).toBe('toString');
  });
});

describe('auditFields', () => {
  it('turns a record into label–value pairs a person can read', () => {
    expect(auditFields({ userId: 'u1', phone: '13900000001', role: 'building_head', buildingId: null }, zh)).toEqual([
      { key: 'userId', label: '用户编号', value: 'u1' },
      { key: 'phone', label: '手机号', value: '139 0000 0001' },
      { key: 'role', label: '角色', value: '楼长' },
      { key: 'buildingId', label: '楼栋编号', value: '—' },
    ]);
  });

  it('says yes/no, how a link was made, and keeps unknown fields', () => {
    expect(auditFields({ issued: 12, reissue: false, via: 'in_person', extra: { a: 1 } }, en)).toEqual([
      { key: 'issued', label: 'Codes issued', value: '12' },
      { key: 'reissue', label: 'Reissue', value: 'No' },
      { key: 'via', label: 'How', value: 'in person' },
      { key: 'extra', label: 'extra', value: '{"a":1}' },
    ]);
  });

  it('says how a letter was proven its reader’s own, how many letters a printing held, and why a link was undone', () => {
    expect(auditFields({ via: 'invitation', proof: 'sms' }, zh)).toEqual([
      { key: 'via', label: '方式', value: '邀请函' },
      { key: 'proof', label: '核实本人的方式', value: '名册登记手机的验证码' },
    ]);
    expect(fieldValue('letters', [{ personId: 'a' }, { personId: 'b' }], en)).toBe('2');
    expect(auditFields({ reason: '邀请函被他人冒用' }, en)).toEqual([{ key: 'reason', label: 'Reason', value: '邀请函被他人冒用' }]);
  });

  it('gives nothing for an empty record', () => {
    expect(auditFields(null, zh)).toEqual([]);
    expect(auditFields({}, zh)).toEqual([]);
    expect(fieldValue('role', 'not-a-role', zh)).toBe('not-a-role');
  });
});
