import type { MessageEvent, OnModuleDestroy } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Queryable } from '../database/pooled';
import { notifySessionChange } from './session-store';

/** The PostgreSQL channel every API instance listens on for changes to sessions. */
const CHANNEL = 'yishi_session_events';

/** What changed in a session, as its screens and desks are told (they read the session again). */
export const SESSION_CHANGES = ['attendance', 'agenda', 'session', 'room', 'minutes'] as const;
export type SessionChange = (typeof SESSION_CHANGES)[number];

interface Watcher {
  change(change: SessionChange): void;
  end(): void;
}

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
const RECONNECT_MS = 2_000;

/**
 * Live updates of sessions across API instances, with no server besides PostgreSQL: a change is
 * announced with NOTIFY inside the transaction that makes it (so it is heard only once committed,
 * and by every instance), and each instance that has screens open LISTENs on one connection of its
 * own and passes the change to the streams (server-sent events) watching that session.
 */
@Injectable()
export class SessionEvents implements OnModuleDestroy {
  private readonly logger = new Logger(SessionEvents.name);
  private readonly watchers = new Map<string, Set<Watcher>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Announces a change of the session, on the caller's transaction (heard once it commits). */
  async announce(q: Queryable, sessionId: string, change: SessionChange): Promise<void> {
    await notifySessionChange(q, CHANNEL, { sessionId, change });
  }

  /** The changes of one session as server-sent events, from now until the client goes or the app stops. */
  stream(sessionId: string): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const watcher: Watcher = { change: (change) => subscriber.next({ type: 'change', data: { change } }), end: () => subscriber.complete() };
      const set = this.watchers.get(sessionId) ?? new Set();
      set.add(watcher);
      this.watchers.set(sessionId, set);
      // Said first, so a screen knows it is connected (and reads the session once).
      subscriber.next({ type: 'ready', data: { sessionId } });
      const heartbeat = setInterval(() => subscriber.next({ type: 'heartbeat', data: {} }), HEARTBEAT_MS);
      heartbeat.unref();
      this.listen().catch((error: unknown) => this.logger.warn(`listening for session changes failed: ${String(error)}`));
      return () => {
        clearInterval(heartbeat);
        set.delete(watcher);
        if (set.size === 0) this.watchers.delete(sessionId);
      };
    });
  }

  /** One LISTEN connection per instance, opened when the first screen connects, reopened if it drops. */
  private listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= (async () => {
      const url = (this.dataSource.options as { url?: string }).url;
      const client = new Client({ connectionString: url, application_name: 'yishi-session-events' });
      client.on('notification', (message) => this.deliver(message.payload));
      client.on('error', (error) => {
        this.logger.warn(`session events connection lost: ${error.message}`);
        this.drop(client);
      });
      client.on('end', () => this.drop(client));
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (!this.closed && this.watchers.size > 0) {
      setTimeout(() => void this.listen().catch(() => undefined), RECONNECT_MS).unref();
    }
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    let parsed: { sessionId?: unknown; change?: unknown };
    try {
      parsed = JSON.parse(payload) as typeof parsed;
    } catch {
      return;
    }
    if (typeof parsed.sessionId !== 'string') return;
    const change = (SESSION_CHANGES as readonly unknown[]).includes(parsed.change) ? (parsed.change as SessionChange) : 'session';
    this.watchers.get(parsed.sessionId)?.forEach((watcher) => watcher.change(change));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    // Open streams end now, so the HTTP server can close without waiting for them.
    const open = [...this.watchers.values()].flatMap((set) => [...set]);
    this.watchers.clear();
    open.forEach((watcher) => watcher.end());
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
