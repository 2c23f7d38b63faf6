import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OnModuleInit } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliveryState, MessageChannel, OutboundKind } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { conflict } from '../common/refusals';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import type { Env } from '../config/env';
import { ENV } from '../config/env';
import { AuditService } from '../audit/audit.service';
import { JobsService } from '../jobs/jobs.service';
import type { Notification } from '../notifications/entities/notification.entity';
import { NotificationChannel } from '../notifications/notification-channel';
import type { SendOutcome } from '../sms/sms-provider';
import { SmsProvider } from '../sms/sms-provider';
import type { TemplateFields } from './channels/wechat-client';
import { WechatClient } from './channels/wechat-client';
import { isOutbound, outboundText } from './message-texts';
import type { NewDelivery } from './message-store';
import { abandonStale, bindWechat, claimDue, insertDeliveries, lockRecipients, preferenceOf, recentOf, recipients, recordOutcome, savePreference, unbindWechat } from './message-store';
import { notBefore, parseQuietHours } from './quiet-hours';

const DAY_MS = 24 * 3600_000;
/** After the n-th failed attempt, wait this long (then give up). */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A text still `sending` after this was interrupted. */
const STALE_MS = 10 * 60_000;
const BATCH = 50;
/** Texts handed to providers at once. */
const PARALLEL = 10;
/** A WeChat sign-in must come back within this. */
const BINDING_TTL_MS = 10 * 60_000;

export interface MessagePreferences {
  channel: MessageChannel;
  mutedKinds: OutboundKind[];
  wechatBound: boolean;
  wechatAvailable: boolean;
  recent: { id: string; channel: 'sms' | 'wechat'; state: DeliveryState; createdAt: string; sentAt: string | null; text: string }[];
}

/**
 * Messages beyond the app. Every notice is in the inbox; a notice of an outbound kind (a vote to
 * cast, a reminder, a result, a meeting, a new consultation) is also texted by the person's
 * channel — SMS by default, WeChat once bound, none if they chose the app only or muted the kind.
 *
 * Two steps, each safe with several instances: the inbox's outbox hands committed notices here in
 * its claiming transaction (`deliver`), which logs one delivery per notice (unique, so never two);
 * the `messages.send` job claims due deliveries in a committed statement of their own, hands them
 * to the provider and records the outcome — failures are tried again with a back-off, quiet hours
 * and a daily limit per person are kept, and a text past its use (a closed vote) is not sent.
 */
@Injectable()
export class MessagesService extends NotificationChannel implements OnModuleInit {
  readonly name = 'messages';
  private readonly logger = new Logger(MessagesService.name);
  private readonly quiet;
  readonly wechat: WechatClient | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: Env,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
    private readonly sms: SmsProvider,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {
    super();
    this.quiet = parseQuietHours(env.MESSAGE_QUIET_HOURS);
    this.wechat =
      env.WECHAT_APP_ID && env.WECHAT_APP_SECRET && env.WECHAT_TEMPLATE_ID
        ? new WechatClient({ appId: env.WECHAT_APP_ID, secret: env.WECHAT_APP_SECRET, templateId: env.WECHAT_TEMPLATE_ID, apiBase: env.WECHAT_API_BASE, oauthBase: env.WECHAT_OAUTH_BASE })
        : null;
  }

  onModuleInit(): void {
    this.jobs.register({ name: 'messages.send', everyMs: 5_000, run: async () => void (await this.sendDue()) });
  }

  /** Logs the texts of committed notices, in the outbox's claiming transaction. */
  async deliver(m: EntityManager, notifications: readonly Notification[], now = new Date()): Promise<void> {
    const outbound = notifications.filter((n) => isOutbound(n.kind));
    if (outbound.length === 0) return;
    const userIds = [...new Set(outbound.map((n) => n.userId))];
    // Another instance may be handing out the same person's notices: one at a time, for the daily limit.
    await lockRecipients(m, userIds);
    const people = new Map((await recipients(m, userIds, new Date(now.getTime() - DAY_MS))).map((r) => [r.user_id, r]));
    const rows: NewDelivery[] = [];
    for (const n of outbound) {
      const person = people.get(n.userId);
      if (!person || !isOutbound(n.kind) || person.channel === 'app' || person.muted_kinds.includes(n.kind)) continue;
      const text = outboundText(n.kind, n.params, n.link, this.env.PUBLIC_URL);
      const byWechat = person.channel === 'wechat' && person.wechat_openid !== null && this.wechat !== null;
      const why = text.expiresAt && text.expiresAt <= now ? 'expired: what it told of had already passed' : person.recent >= this.env.MESSAGES_PER_DAY ? `daily limit: ${this.env.MESSAGES_PER_DAY} texts in 24 hours reached; the notice is in the inbox` : null;
      if (!why) person.recent += 1;
      rows.push({
        notification_id: n.id,
        user_id: n.userId,
        channel: byWechat ? 'wechat' : 'sms',
        address: byWechat ? person.wechat_openid! : person.phone,
        body: byWechat ? JSON.stringify({ ...text.wechat, url: this.env.PUBLIC_URL ? `${this.env.PUBLIC_URL}${n.link}` : null }) : text.sms,
        state: why ? 'skipped' : 'pending',
        next_attempt_at: notBefore(now, this.quiet).toISOString(),
        expires_at: text.expiresAt?.toISOString() ?? null,
        last_error: why,
      });
    }
    await insertDeliveries(m, rows);
  }

  /** The job: hands due texts to their providers, a batch at a time; returns what became of them. */
  async sendDue(now = (): Date => new Date(), budgetMs = 50_000): Promise<{ sent: number; retried: number; failed: number }> {
    const tally = { sent: 0, retried: 0, failed: 0 };
    const started = Date.now();
    const abandoned = await abandonStale(this.dataSource.manager, new Date(now().getTime() - STALE_MS));
    if (abandoned > 0) this.logger.warn({ abandoned }, 'texts interrupted while sending were marked failed');
    for (;;) {
      const claimed = await claimDue(this.dataSource.manager, now(), BATCH);
      for (let i = 0; i < claimed.length; i += PARALLEL) {
        await Promise.all(
          claimed.slice(i, i + PARALLEL).map(async (d) => {
            const outcome = await this.handOver(d.channel, d.address, d.body).catch((error: unknown): SendOutcome => ({ ok: false, permanent: false, error: String(error).slice(0, 300) }));
            const at = now();
            if (outcome.ok) {
              tally.sent += 1;
              await recordOutcome(this.dataSource.manager, d.id, { state: 'sent', ref: outcome.ref, at });
            } else if (outcome.permanent || d.attempts >= MAX_ATTEMPTS) {
              tally.failed += 1;
              await recordOutcome(this.dataSource.manager, d.id, { state: 'failed', error: outcome.error });
            } else {
              tally.retried += 1;
              await recordOutcome(this.dataSource.manager, d.id, { state: 'pending', error: outcome.error, retryAt: notBefore(new Date(at.getTime() + BACKOFF_MS[d.attempts - 1]!), this.quiet) });
            }
          }),
        );
      }
      if (claimed.length < BATCH || Date.now() - started > budgetMs) return tally;
    }
  }

  private handOver(channel: 'sms' | 'wechat', address: string, body: string): Promise<SendOutcome> {
    if (channel === 'sms') return this.sms.send(address, body);
    if (!this.wechat) return Promise.resolve({ ok: false, permanent: true, error: 'WeChat is no longer configured on this server' });
    const { url, ...fields } = JSON.parse(body) as TemplateFields & { url: string | null };
    return this.wechat.sendTemplate(address, fields, url);
  }

  async preferences(actor: Actor): Promise<MessagePreferences> {
    const [pref, recent] = await Promise.all([preferenceOf(this.dataSource.manager, actor.id), recentOf(this.dataSource.manager, actor.id, 10)]);
    return {
      channel: pref.channel,
      mutedKinds: pref.muted_kinds,
      wechatBound: pref.wechat_openid !== null,
      wechatAvailable: this.wechat !== null,
      recent: recent.map((r) => ({
        id: r.id,
        channel: r.channel,
        state: r.state,
        createdAt: r.created_at.toISOString(),
        sentAt: r.sent_at?.toISOString() ?? null,
        text: r.channel === 'sms' ? r.body : Object.values(JSON.parse(r.body) as Record<string, string | null>).filter((v) => v && !v.startsWith('http')).join(' · '),
      })),
    };
  }

  async setPreferences(actor: Actor, input: { channel: MessageChannel; mutedKinds: OutboundKind[] }): Promise<MessagePreferences> {
    await this.dataSource.transaction(async (m) => {
      const before = await preferenceOf(m, actor.id);
      if (input.channel === 'wechat' && !this.wechat) throw conflict('wechat_not_configured', 'This server has no WeChat service account; choose sms or app.');
      if (input.channel === 'wechat' && !before.wechat_openid) throw conflict('wechat_not_bound', 'Bind a WeChat account first (POST /api/me/wechat/binding).');
      const mutedKinds = [...new Set(input.mutedKinds)].sort();
      await savePreference(m, actor.id, { channel: input.channel, mutedKinds });
      await this.audit.record(m, {
        actor,
        nodeId: null,
        action: 'messages.preference',
        entityType: 'user',
        entityId: actor.id,
        before: { channel: before.channel, mutedKinds: before.muted_kinds },
        after: { channel: input.channel, mutedKinds },
      });
    });
    return this.preferences(actor);
  }

  private bindingState(userId: string, until: number): string {
    const mac = createHmac('sha256', this.secret.key).update(`wechat-binding:${userId}:${until}`).digest('base64url').slice(0, 32);
    return `${until.toString(36)}.${mac}`;
  }

  /** Where to send the person to sign in with WeChat; it comes back to the callback with a code. */
  startWechatBinding(actor: Actor, now = Date.now()): { authorizeUrl: string } {
    if (!this.wechat || !this.env.PUBLIC_URL) throw conflict('wechat_not_configured', 'This server has no WeChat service account (or no PUBLIC_URL for WeChat to come back to).');
    const state = this.bindingState(actor.id, now + BINDING_TTL_MS);
    return { authorizeUrl: this.wechat.authorizeUrl(`${this.env.PUBLIC_URL}/api/me/wechat/callback`, state) };
  }

  /**
   * WeChat's return: the state must be the one made for this signed-in account and not expired
   * (so nobody can bind their WeChat to someone else's account, or replay a stale sign-in).
   */
  async finishWechatBinding(actor: Actor, code: string, state: string, now = Date.now()): Promise<void> {
    if (!this.wechat) throw conflict('wechat_not_configured', 'This server has no WeChat service account.');
    const [untilText = ''] = state.split('.');
    const until = parseInt(untilText, 36);
    const expected = Buffer.from(this.bindingState(actor.id, until));
    const given = Buffer.from(state);
    if (!Number.isFinite(until) || until < now || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw conflict('wechat_binding_failed', 'The WeChat sign-in expired or was not started by this account; start the binding again.');
    }
    const openid = await this.wechat.openidForCode(code).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'WeChat sign-in code exchange failed');
      return null;
    });
    if (!openid) throw conflict('wechat_binding_failed', 'WeChat did not confirm the sign-in; start the binding again.');
    await this.dataSource.transaction(async (m) => {
      await bindWechat(m, actor.id, openid);
      await this.audit.record(m, { actor, nodeId: null, action: 'messages.wechat_bound', entityType: 'user', entityId: actor.id, before: null, after: { channel: 'wechat' } });
    });
  }

  async unbindWechat(actor: Actor): Promise<MessagePreferences> {
    await this.dataSource.transaction(async (m) => {
      await unbindWechat(m, actor.id);
      await this.audit.record(m, { actor, nodeId: null, action: 'messages.wechat_unbound', entityType: 'user', entityId: actor.id, before: null, after: null });
    });
    return this.preferences(actor);
  }
}
