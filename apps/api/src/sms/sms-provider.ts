import { Logger } from '@nestjs/common';

/** What became of one message handed to a provider. `permanent` failures are not tried again. */
export type SendOutcome = { ok: true; ref: string | null } | { ok: false; permanent: boolean; error: string };

/**
 * Sends text messages to mainland mobile numbers: the one-time codes, and the notices of the
 * outbound messages (votes, reminders, results).
 */
export abstract class SmsProvider {
  abstract readonly description: string;
  abstract send(phone: string, text: string): Promise<SendOutcome>;
}

export class LogSmsProvider extends SmsProvider {
  readonly description = 'SMS codes are written to this log (no SMS gateway is configured)';
  private readonly logger = new Logger('SMS');

  constructor() {
    super();
    this.logger.warn(this.description);
  }

  send(phone: string, text: string): Promise<SendOutcome> {
    this.logger.warn({ phone, text }, `SMS to ${phone}: ${text}`);
    return Promise.resolve({ ok: true, ref: null });
  }
}

/**
 * An SMS gateway over HTTP: `POST <url>` with `{ "to": "<mobile>", "text": "<message>" }` and
 * `Authorization: Bearer <token>`; a 2xx answer (optionally `{ "id": "…" }`) means accepted. A 4xx
 * other than 408/429 is the message's own fault (a bad number) and final; 408, 429, 5xx, a timeout
 * or no answer are tried again later. Most Chinese SMS services (or a small relay in front of
 * one that signs its own requests) take this shape.
 */
export class HttpSmsProvider extends SmsProvider {
  readonly description: string;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 10_000,
  ) {
    super();
    this.description = `SMS through the gateway at ${new URL(url).host}`;
  }

  async send(phone: string, text: string): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ to: phone, text }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { ok: false, permanent: false, error: `gateway unreachable: ${(error as Error).message}`.slice(0, 300) };
    }
    const body = await response.text().catch(() => '');
    if (response.ok) {
      let ref: string | null = null;
      try {
        const id = (JSON.parse(body) as { id?: unknown }).id;
        if (typeof id === 'string' || typeof id === 'number') ref = String(id).slice(0, 100);
      } catch {
        // An empty or non-JSON body still means accepted.
      }
      return { ok: true, ref };
    }
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    return { ok: false, permanent, error: `gateway answered ${response.status}: ${body}`.slice(0, 300) };
  }
}
