import { beforeAll, describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { createInstance } from 'i18next';
import { i18nOptions } from '../../../i18n/testing';
import { ApiError } from '../../../lib/api-client';
import { placeSignupError } from './signup-errors';

let t: TFunction;

beforeAll(async () => {
  const zh = createInstance();
  await zh.init(i18nOptions('zh-CN'));
  t = zh.getFixedT('zh-CN');
});

describe('placeSignupError', () => {
  it('puts a wrong SMS code and a used invitation code at their fields', () => {
    expect(placeSignupError(new ApiError('INVALID_SMS_CODE', 400, 'x', { attemptsLeft: 3 }), t)).toEqual({
      fields: { smsCode: '短信验证码不正确或已过期，请重新获取。' },
      alert: null,
    });
    expect(placeSignupError(new ApiError('INVALID_INVITATION', 400, 'x'), t).fields.invitationCode).toMatch(/^邀请码无效/);
  });

  it('says why a password is too weak', () => {
    expect(placeSignupError(new ApiError('PASSWORD_TOO_WEAK', 400, 'x', { reason: 'common' }), t).fields.password).toBe('这个密码太常见，很容易被猜到，请换一个。');
    expect(placeSignupError(new ApiError('PASSWORD_TOO_WEAK', 400, 'x', { reason: 'contains_phone' }), t).fields.password).toBe('密码不能包含手机号。');
    expect(placeSignupError(new ApiError('PASSWORD_TOO_WEAK', 400, 'x', { reason: 'new_reason' }), t).fields.password).toBe(
      '密码太简单：至少 8 位，不要用常见密码或手机号。',
    );
  });

  it('marks the fields a validation error names', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'x', {
      fields: [
        { field: 'displayName', reasons: ['isNotEmpty'], message: 'displayName is needed' },
        { field: 'somethingElse', reasons: [], message: '' },
      ],
    });
    expect(placeSignupError(error, t)).toEqual({ fields: { displayName: '称呼不符合要求（1 到 40 个字）。' }, alert: null });
    expect(placeSignupError(new ApiError('VALIDATION_FAILED', 400, 'x', null), t)).toEqual({ fields: {}, alert: '填写的内容有误，请检查后再试。' });
  });

  it('tells the rest at the top of the form, with the wait of a 429', () => {
    expect(placeSignupError(new ApiError('PHONE_TAKEN', 409, 'x'), t)).toEqual({ fields: {}, alert: '这个手机号已经注册，请直接登录。' });
    expect(placeSignupError(new ApiError('TOO_MANY_REQUESTS', 429, 'x', null, 3600), t).alert).toBe('操作太频繁了，请 60 分钟后再试。');
    expect(placeSignupError(new TypeError('x'), t).alert).toBe('出现了意外的问题，请稍后再试。');
  });
});
