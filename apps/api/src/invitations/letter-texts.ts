/**
 * The words of the printed invitation letters, in the residents' language (Chinese unless the
 * staff choose English). This is the letters' message catalogue: the sheet is rendered by the
 * API, the only place the codes exist, so its texts live here rather than in the web's files.
 */
export type LetterLanguage = 'zh-CN' | 'en';

export interface LetterTexts {
  title: string;
  none: string;
  personType: Record<'member' | 'owner' | 'tenant', string>;
  ariaLabel: string;
  brand: string;
  household: string;
  exclusiveUnit: string;
  introCooperative: string;
  introCompound: string;
  step1: string;
  step1Qr: string;
  step2: string;
  step3: string;
  codeLabel: string;
  expires: string;
  qrLabel: string;
  footer: string;
  pageOf: string;
}

export const LETTER_TEXTS: Readonly<Record<LetterLanguage, LetterTexts>> = {
  'zh-CN': {
    title: '{{unit}} · 议事实名注册邀请函',
    none: '没有需要新邀请函的人：名册上的人都已注册，或者都持有未过期的邀请函。',
    personType: { member: '成员', owner: '业主', tenant: '租户' },
    ariaLabel: '邀请函：{{label}}',
    brand: '议事 · 实名注册邀请函',
    household: '户号 {{label}}',
    exclusiveUnit: '房号 {{label}}',
    introCooperative: '您好！本社的议事和表决现在可以在手机上参加了。请按下面三步注册：',
    introCompound: '您好！本小区的议事和业主表决现在可以在手机上参加了。请按下面三步注册：',
    step1: '用手机浏览器或微信打开',
    step1Qr: '，或用微信扫一扫自己邀请码旁的二维码；',
    step2: '点“注册”，输入您的手机号、短信验证码和下面的邀请码；',
    step3: '确认是您本人：用名册上登记的手机号注册即可；用别的手机号的，输入发到名册手机号的验证码，或您的身份证号码。',
    codeLabel: '邀请码',
    expires: '有效期至 {{date}}',
    qrLabel: '{{name}}的注册二维码',
    footer: '邀请码只能由本人使用：关联时要核对名册登记的手机号或身份证号码，别人拿到也用不了。一个账号只能对应一个人；要替家人投票，请办理书面委托。如有疑问，请联系楼长或社区工作人员。',
    pageOf: '第 {{page}}/{{pages}} 页',
  },
  en: {
    title: '{{unit}} · Yishi invitation letters',
    none: 'Nobody needs a new letter: everyone on the roll has signed up or holds a valid letter.',
    personType: { member: 'member', owner: 'owner', tenant: 'tenant' },
    ariaLabel: 'Letter: {{label}}',
    brand: 'Yishi · Invitation to sign up',
    household: 'Household {{label}}',
    exclusiveUnit: 'Unit {{label}}',
    introCooperative: "Hello! You can now take part in the cooperative's discussions and votes on your phone. Sign up in three steps:",
    introCompound: "Hello! You can now take part in the compound's discussions and owners' votes on your phone. Sign up in three steps:",
    step1: 'Open',
    step1Qr: ' in your phone’s browser or in WeChat, or scan the QR code next to your code;',
    step2: 'tap “Sign up” and enter your mobile number, the SMS code and the invitation code below;',
    step3: 'confirm it is you: signing up with the phone number on the roll is enough; with another number, enter the code sent to the roll’s number, or your identity number.',
    codeLabel: 'Invitation code',
    expires: 'Valid until {{date}}',
    qrLabel: 'Sign-up QR code of {{name}}',
    footer:
      'Only the person named can use this code: linking checks the phone number or identity number on the roll, so it is useless to anyone else. One account is one person; to vote for a family member, give a written proxy. Questions? Ask your building head or the community staff.',
    pageOf: 'page {{page}} of {{pages}}',
  },
};
