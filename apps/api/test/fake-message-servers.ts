/**
 * Local stand-ins for the services texts go through, speaking their documented shapes over real
 * HTTP: an SMS gateway (`POST /send` with `{ to, text }` and a bearer token) and a WeChat service
 * account's API (the stable access token, template messages and the web sign-in's code exchange).
 * Each can be told to fail the next requests in a given way, and records what it accepted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Reply {
  status: number;
  body: unknown;
}

async function serve(handle: (method: string, url: URL, body: unknown, headers: http.IncomingHttpHeaders) => Reply): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const reply = handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://fake'), body, req.headers);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface FakeSmsGateway {
  url: string;
  token: string;
  /** Messages accepted, in order. */
  accepted: { to: string; text: string }[];
  /** Every request, accepted or not. */
  requests: { to: string; text: string; status: number }[];
  /** The next answers for a number (then 200 again). */
  failNext(to: string, ...statuses: number[]): void;
  close(): Promise<void>;
}

export async function fakeSmsGateway(): Promise<FakeSmsGateway> {
  const token = 'sms-gateway-test-token';
  const accepted: { to: string; text: string }[] = [];
  const requests: { to: string; text: string; status: number }[] = [];
  const failures = new Map<string, number[]>();
  let id = 0;
  const server = await serve((method, url, body, headers) => {
    if (method !== 'POST' || url.pathname !== '/send') return { status: 404, body: { error: 'not found' } };
    if (headers.authorization !== `Bearer ${token}`) return { status: 401, body: { error: 'bad token' } };
    const { to, text } = body as { to: string; text: string };
    const status = failures.get(to)?.shift() ?? 200;
    requests.push({ to, text, status });
    if (status !== 200) return { status, body: { error: status >= 500 ? 'busy' : 'invalid number' } };
    accepted.push({ to, text });
    id += 1;
    return { status: 200, body: { id: `sms-${id}` } };
  });
  return {
    url: `${server.url}/send`,
    token,
    accepted,
    requests,
    failNext: (to, ...statuses) => failures.set(to, [...(failures.get(to) ?? []), ...statuses]),
    close: () => server.close(),
  };
}

export interface FakeWechat {
  url: string;
  appId: string;
  secret: string;
  templateId: string;
  /** Template messages accepted. */
  sent: { touser: string; template_id: string; url?: string; data: Record<string, { value: string }> }[];
  tokensIssued: number;
  /** A sign-in code WeChat would give this openid. */
  codeFor(openid: string): string;
  /** The next answers (errcode) to template sends (then 0 again). */
  failNext(...errcodes: number[]): void;
  close(): Promise<void>;
}

export async function fakeWechat(): Promise<FakeWechat> {
  const appId = 'wx0123456789abcdef';
  const secret = 'wechat-test-secret-0123';
  const templateId = 'tmpl-yishi-notice';
  const sent: FakeWechat['sent'] = [];
  const codes = new Map<string, string>();
  const failures: number[] = [];
  let token = '';
  const state = { tokensIssued: 0 };
  const server = await serve((method, url, body) => {
    if (method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      const b = body as { grant_type: string; appid: string; secret: string; force_refresh?: boolean };
      if (b.grant_type !== 'client_credential' || b.appid !== appId || b.secret !== secret) return { status: 200, body: { errcode: 40013, errmsg: 'invalid appid' } };
      // The stable token: the same one to every caller while it is good; a forced renewal voids it.
      if (b.force_refresh || !token) {
        state.tokensIssued += 1;
        token = `token-${state.tokensIssued}`;
      }
      return { status: 200, body: { access_token: token, expires_in: 7200 } };
    }
    if (method === 'POST' && url.pathname === '/cgi-bin/message/template/send') {
      if (url.searchParams.get('access_token') !== token) return { status: 200, body: { errcode: 40001, errmsg: 'invalid credential' } };
      const errcode = failures.shift() ?? 0;
      if (errcode !== 0) return { status: 200, body: { errcode, errmsg: 'failed' } };
      const message = body as FakeWechat['sent'][number];
      if (message.template_id !== templateId) return { status: 200, body: { errcode: 40037, errmsg: 'invalid template_id' } };
      sent.push(message);
      return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: 100 + sent.length } };
    }
    if (method === 'GET' && url.pathname === '/sns/oauth2/access_token') {
      const openid = codes.get(url.searchParams.get('code') ?? '');
      if (!openid || url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) return { status: 200, body: { errcode: 40029, errmsg: 'invalid code' } };
      codes.delete(url.searchParams.get('code')!);
      return { status: 200, body: { access_token: 'web-token', expires_in: 7200, openid, scope: 'snsapi_base' } };
    }
    return { status: 404, body: { errcode: -1 } };
  });
  return {
    url: server.url,
    appId,
    secret,
    templateId,
    sent,
    get tokensIssued() {
      return state.tokensIssued;
    },
    codeFor(openid) {
      const code = `code-${openid}-${codes.size + 1}`;
      codes.set(code, openid);
      return code;
    },
    failNext: (...errcodes) => failures.push(...errcodes),
    close: () => server.close(),
  };
}
