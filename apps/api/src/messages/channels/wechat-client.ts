import type { SendOutcome } from '../../sms/sms-provider';

export interface WechatConfig {
  appId: string;
  secret: string;
  templateId: string;
  /** https://api.weixin.qq.com, or a local stand-in in tests. */
  apiBase: string;
  /** https://open.weixin.qq.com (the sign-in page a person is sent to). */
  oauthBase: string;
}

/** The template's fields, as the template chosen in the service account's back office must have them. */
export interface TemplateFields {
  /** thing1: what happened, e.g. 投票开始，请参加 (≤ 20 characters). */
  what: string;
  /** thing2: the matter's title (≤ 20 characters). */
  title: string;
  /** time3: the time that matters (closing, meeting), e.g. 12月8日 20:00. */
  time: string;
}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
}

/** Error codes that mean the access token is no longer good: fetch a fresh one and try once more. */
const TOKEN_EXPIRED = new Set([40001, 40014, 42001]);
/** Error codes that are about this message or this person, so trying again will not help. */
const PERMANENT = new Set([40003, 40036, 40037, 43004, 43101, 47003]);

/**
 * A WeChat service account's template messages (模板消息), written against the documented API:
 * an access token from `POST /cgi-bin/stable_token` (the stable token, which several instances can
 * share without invalidating each other's), `POST /cgi-bin/message/template/send`, and the web
 * sign-in (`snsapi_base`) that gives a person's openid for this account.
 */
export class WechatClient {
  private token: { value: string; until: number } | null = null;

  constructor(
    readonly config: WechatConfig,
    private readonly timeoutMs = 10_000,
  ) {}

  private async call<T extends WechatAnswer>(path: string, init?: { body: unknown }): Promise<T> {
    const response = await fetch(`${this.config.apiBase}${path}`, {
      method: init ? 'POST' : 'GET',
      headers: init ? { 'content-type': 'application/json' } : undefined,
      body: init ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`WeChat answered HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const answer = await this.call<WechatAnswer & { access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', {
      body: { grant_type: 'client_credential', appid: this.config.appId, secret: this.config.secret, force_refresh: forceRefresh },
    });
    if (!answer.access_token) throw new Error(`WeChat refused the access token: ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`);
    // Renew five minutes early.
    this.token = { value: answer.access_token, until: Date.now() + Math.max(60, (answer.expires_in ?? 7200) - 300) * 1000 };
    return this.token.value;
  }

  /**
   * The account's access token. After WeChat refused `failed`, first the current stable token is
   * asked for (another instance may have renewed it already); only when WeChat still gives the
   * refused one is a renewal forced, which would otherwise void the other instances' tokens.
   */
  async accessToken(failed: string | null = null): Promise<string> {
    if (failed === null && this.token && this.token.until > Date.now()) return this.token.value;
    const current = await this.fetchToken(false);
    return failed !== null && current === failed ? this.fetchToken(true) : current;
  }

  /** Sends one template message; `url` is where tapping it leads. */
  async sendTemplate(openid: string, fields: TemplateFields, url: string | null): Promise<SendOutcome> {
    const body = {
      touser: openid,
      template_id: this.config.templateId,
      ...(url ? { url } : {}),
      data: { thing1: { value: fields.what }, thing2: { value: fields.title }, time3: { value: fields.time } },
    };
    try {
      for (let attempt = 0, failed: string | null = null; ; attempt += 1) {
        const token = await this.accessToken(failed);
        failed = token;
        const answer = await this.call<WechatAnswer & { msgid?: number | string }>(`/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`, { body });
        const code = answer.errcode ?? 0;
        if (code === 0) return { ok: true, ref: answer.msgid === undefined ? null : String(answer.msgid) };
        if (TOKEN_EXPIRED.has(code) && attempt === 0) continue;
        return { ok: false, permanent: PERMANENT.has(code), error: `WeChat errcode ${code}: ${answer.errmsg ?? ''}`.slice(0, 300) };
      }
    } catch (error) {
      return { ok: false, permanent: false, error: `WeChat unreachable: ${(error as Error).message}`.slice(0, 300) };
    }
  }

  /** The page WeChat shows to sign in (silently, `snsapi_base`); it comes back to `redirectUri` with a code. */
  authorizeUrl(redirectUri: string, state: string): string {
    const query = new URLSearchParams({ appid: this.config.appId, redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_base', state });
    return `${this.config.oauthBase}/connect/oauth2/authorize?${query.toString()}#wechat_redirect`;
  }

  /** The openid behind a sign-in code (each code serves once, for five minutes). */
  async openidForCode(code: string): Promise<string | null> {
    const query = new URLSearchParams({ appid: this.config.appId, secret: this.config.secret, code, grant_type: 'authorization_code' });
    const answer = await this.call<WechatAnswer & { openid?: string }>(`/sns/oauth2/access_token?${query.toString()}`);
    return typeof answer.openid === 'string' && /^[\w-]{6,64}$/.test(answer.openid) ? answer.openid : null;
  }
}
