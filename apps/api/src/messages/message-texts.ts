import type { NotificationKind, OutboundKind } from '@yishi/contracts';
import { OUTBOUND_KINDS } from '@yishi/contracts';
import { MESSAGE_TEXTS_ZH } from './i18n/zh-CN';

type Params = Record<string, string | number | boolean | null>;

/** A notice worded for the text channels. */
export interface OutboundText {
  /** The whole SMS: signature, message, link (when the public address is known), how to opt out. */
  sms: string;
  /** The WeChat template's fields. */
  wechat: { what: string; title: string; time: string };
  /** After this the message is not worth sending (the vote or the comment period has closed). */
  expiresAt: Date | null;
}

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** `12月8日 20:00`, in China time. */
export function chinaTime(iso: unknown): string {
  const date = typeof iso === 'string' ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(CHINA_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['month']}月${parts['day']}日 ${parts['hour']}:${parts['minute']}`;
}

export function isOutbound(kind: NotificationKind): kind is OutboundKind {
  return (OUTBOUND_KINDS as readonly string[]).includes(kind);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** WeChat's `thing` fields hold at most 20 characters. */
function short(text: string, max = 20): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The SMS and WeChat wording of a notice of an outbound kind. */
export function outboundText(kind: OutboundKind, params: Params, link: string, publicUrl: string | undefined): OutboundText {
  const t = MESSAGE_TEXTS_ZH;
  const title = String(params['title'] ?? '');
  const key =
    kind === 'vote_result' ? (params['objectionAnswered'] ? 'vote_result_objection' : params['passed'] ? 'vote_result_passed' : 'vote_result_failed') : kind;
  const whenIso = params['closesAt'] ?? params['startsAt'] ?? params['endsAt'] ?? null;
  const values = {
    title,
    closesAt: chinaTime(params['closesAt']),
    startsAt: chinaTime(params['startsAt']),
    endsAt: chinaTime(params['endsAt']),
    place: String(params['place'] ?? ''),
  };
  const url = publicUrl ? ` ${publicUrl}${link}` : '';
  const sms = `${t.signature}${fill(t.sms[key], values)}${url} ${t.optOut}`;
  const expiresIso = kind === 'vote_opened' || kind === 'vote_reminder' ? params['closesAt'] : kind === 'comment_period_ending' ? params['endsAt'] : kind === 'session_announced' ? params['startsAt'] : null;
  const expiresAt = typeof expiresIso === 'string' && !Number.isNaN(Date.parse(expiresIso)) ? new Date(expiresIso) : null;
  return { sms, wechat: { what: short(t.wechat[key]), title: short(title), time: chinaTime(whenIso) }, expiresAt };
}
