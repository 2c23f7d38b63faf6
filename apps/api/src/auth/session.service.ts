import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { sha256 } from '../common/keyed-hash';
import { currentRequest } from '../common/request-context';
import type { User } from '../users/entities/user.entity';
import { AuthSession } from './entities/auth-session.entity';
import type { SessionRow } from './session-store';
import { sessionByTokenHash } from './session-store';

/** A session lives 30 days from its last use; use is recorded at most hourly. */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;
const TOUCH_EVERY_MS = 3600 * 1000;

@Injectable()
export class SessionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens a session; returns the token for the cookie (only its hash is stored). */
  async open(m: EntityManager, userId: string): Promise<{ token: string; session: AuthSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const { ip, userAgent } = currentRequest();
    const session = await m.getRepository(AuthSession).save({
      userId,
      tokenHash: sha256(token),
      csrfToken: randomBytes(24).toString('base64url'),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000),
      revokedAt: null,
      userAgent: userAgent?.slice(0, 400) ?? null,
      ip,
    });
    return { token, session };
  }

  /** The actor behind a cookie token, or null when it is unknown, revoked, expired or disabled. */
  async actorFor(token: string): Promise<Actor | null> {
    const tokenHash = tokenHashOf(token);
    if (!tokenHash) return null;
    return this.actorOf(await sessionByTokenHash(this.dataSource, tokenHash));
  }

  /**
   * The actor of a session row read by its token hash (sessionByTokenHash, or the access guard's
   * statement that reads the route's target with it), or null when there is none, or it expired,
   * or its account is disabled. Records its use (at most hourly).
   */
  async actorOf(session: SessionRow | undefined): Promise<Actor | null> {
    const now = Date.now();
    if (!session || session.expires_at.getTime() <= now || session.disabled_at) return null;
    if (now - session.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.dataSource
        .getRepository(AuthSession)
        .update({ id: session.id }, { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_TTL_SECONDS * 1000) });
    }
    return { id: session.user_id, phone: session.phone, displayName: session.display_name, sessionId: session.id, csrfToken: session.csrf_token };
  }

  async revoke(m: EntityManager, sessionId: string): Promise<void> {
    await m.getRepository(AuthSession).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Revokes every session of the user ("sign out everywhere"); returns how many were live. */
  async revokeAll(m: EntityManager, userId: string): Promise<number> {
    const result = await m.getRepository(AuthSession).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }
}

/** The stored hash of a cookie token, or null when the token cannot be one of ours (no lookup then). */
export function tokenHashOf(token: string): string | null {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? sha256(token) : null;
}

export function toActor(user: User, session: AuthSession): Actor {
  return { id: user.id, phone: user.phone, displayName: user.displayName, sessionId: session.id, csrfToken: session.csrfToken };
}
