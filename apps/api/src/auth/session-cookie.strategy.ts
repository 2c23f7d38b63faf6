import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { SESSION_COOKIE } from '@yishi/contracts';
import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import type { Actor } from '../common/actor';
import { SessionService } from './session.service';

type Verify = (token: string, done: (error: unknown, actor?: Actor | false) => void) => void;

/** A passport strategy that authenticates a request by its session cookie. */
class CookieStrategy extends Strategy {
  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(req: Request): void {
    const token = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    if (!token) {
      this.fail(401);
      return;
    }
    this.verify(token, (error, actor) => {
      if (error) this.error(error as Error);
      else if (!actor) this.fail(401);
      else this.success(actor);
    });
  }
}

@Injectable()
export class SessionCookieStrategy extends PassportStrategy(CookieStrategy, 'session-cookie') {
  constructor(private readonly sessions: SessionService) {
    super();
  }

  async validate(token: string): Promise<Actor | false> {
    return (await this.sessions.actorFor(token)) ?? false;
  }
}
