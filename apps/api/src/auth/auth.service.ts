import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { verify } from '@node-rs/argon2';
import type { SessionState } from '@yishi/contracts';
import { DataSource, IsNull, MoreThan, QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { equalStrings, keyedHash } from '../common/keyed-hash';
import { currentRequest } from '../common/request-context';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import type { Env } from '../config/env';
import { ENV } from '../config/env';
import { InvitationsService } from '../invitations/invitations.service';
import { buildingNames } from '../rolls/roll-reads';
import { SmsProvider } from '../sms/sms-provider';
import type { User } from '../users/entities/user.entity';
import { placedGrantsOf } from '../users/grant-store';
import { accountForSignIn, createAccount, enabledUserByPhone, existingAccount, phoneRegistered, renameAccount, setPasswordHash } from '../users/user-store';
import type { SignupDto } from './dto/auth.dto';
import { PhoneVerification } from './entities/phone-verification.entity';
import { hashPassword } from './password-hash';
import { passwordProblem } from './password-policy';
import { RateLimitService } from './rate-limit.service';
import { SessionService } from './session.service';

const SMS_CODE_TTL_SECONDS = 600;
const SMS_RESEND_SECONDS = 60;
const SMS_MAX_ATTEMPTS = 5;
const MINUTES = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

/** A hash nobody's password matches, verified when the phone is unknown so timing tells nothing. */
const DUMMY_HASH = hashPassword('no account has this password');

const PASSWORD_MESSAGES = {
  too_short: 'The password needs at least 8 characters.',
  too_long: 'The password may have at most 128 characters.',
  common: 'This password is too common and easy to guess: choose another.',
  one_character: 'A password of one repeated character is too easy to guess.',
  contains_phone: 'The password must not contain your phone number.',
} as const;

export interface SignedIn {
  token: string;
  state: SessionState;
}

/** What became of the invitation code given at sign-up. */
export type SignupInvitation = 'linked' | 'proof_needed' | null;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly limits: RateLimitService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
    private readonly sms: SmsProvider,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
    @Inject(ENV) private readonly env: Env,
  ) {}

  private ip(): string {
    return currentRequest().ip ?? 'unknown';
  }

  /**
   * Checks a phone number and password (used by the passport-local strategy). Failures are
   * throttled per number and per address, and an unknown number costs as much time as a known one.
   */
  async verifyCredentials(phone: string, password: string): Promise<User> {
    await this.limits.hit({ key: `login:ip:${this.ip()}`, max: this.env.LOGIN_ATTEMPTS_PER_ADDRESS, windowSeconds: 15 * MINUTES });
    const failures = { key: `login-fail:phone:${phone}`, max: 5, windowSeconds: 15 * MINUTES };
    await this.limits.check(failures);
    const user = await accountForSignIn(this.dataSource.manager, phone);
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
    if (!user || !user.passwordHash || !ok) {
      await this.limits.hit(failures);
      throw new DomainError('INVALID_CREDENTIALS', 'The phone number or the password is wrong.');
    }
    if (user.disabledAt) {
      throw new DomainError('ACCOUNT_DISABLED', 'This account has been disabled; the community staff can help.');
    }
    return user;
  }

  async signIn(user: User): Promise<SignedIn> {
    return this.dataSource.transaction(async (m) => {
      const { token, session } = await this.sessions.open(m, user.id);
      return { token, state: await this.state(m, user.id, session.csrfToken) };
    });
  }

  /**
   * Sends a one-time code by SMS: to sign up (a number that already has an account is told so
   * instead), or to reset a forgotten password (a number without an account is told so instead).
   * Either way the answer is the same, so it does not tell who has an account; the phone's owner
   * learns it from the message.
   */
  async requestSmsCode(phone: string, purpose: 'signup' | 'reset' = 'signup'): Promise<{ expiresInSeconds: number; resendAfterSeconds: number }> {
    await this.limits.hit({ key: `sms:ip:${this.ip()}`, max: 20, windowSeconds: HOUR });
    await this.limits.hit({ key: `sms:${purpose}:phone:${phone}`, max: 1, windowSeconds: SMS_RESEND_SECONDS });
    await this.limits.hit({ key: `sms-day:phone:${phone}`, max: 5, windowSeconds: DAY });
    const registered = await phoneRegistered(this.dataSource.manager, phone);
    // Signing up needs a number without an account; a reset one with.
    const sendable = purpose === 'signup' ? !registered : registered;
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    // An unsendable verification gets a hash no six-digit code matches: a wrong code is then
    // answered the same way (attempts left, then expired) whether the number has an account or not.
    await this.dataSource.getRepository(PhoneVerification).insert({
      phone,
      purpose,
      codeHash: keyedHash(this.secret.key, 'sms', sendable ? `${phone}:${code}` : `${phone}:unsendable:${randomUUID()}`),
      expiresAt: new Date(Date.now() + SMS_CODE_TTL_SECONDS * 1000),
    });
    if (sendable) {
      const what = purpose === 'reset' ? '重设密码验证码' : '验证码';
      await this.sms.send(phone, `【议事】${what} ${code}，${SMS_CODE_TTL_SECONDS / 60} 分钟内有效。请勿告诉他人。`);
    } else if (purpose === 'signup') {
      await this.sms.send(phone, '【议事】这个手机号已经注册了议事账号，请直接登录。如不是您本人操作，请忽略。');
    } else {
      await this.sms.send(phone, '【议事】这个手机号还没有议事账号，请先注册。如不是您本人操作，请忽略。');
    }
    return { expiresInSeconds: SMS_CODE_TTL_SECONDS, resendAfterSeconds: SMS_RESEND_SECONDS };
  }

  /**
   * A new password by the code sent for a reset, throttled like signing in (per address and per
   * number): every session of the account ends, so whoever held the old password is signed out.
   */
  async resetPassword(input: { phone: string; smsCode: string; password: string }): Promise<void> {
    await this.limits.hit({ key: `reset:ip:${this.ip()}`, max: 10, windowSeconds: HOUR });
    await this.limits.hit({ key: `reset:phone:${input.phone}`, max: 5, windowSeconds: HOUR });
    const problem = passwordProblem(input.password, input.phone);
    if (problem) throw new DomainError('PASSWORD_TOO_WEAK', PASSWORD_MESSAGES[problem], { reason: problem });
    const verification = await this.checkSmsCode(input.phone, input.smsCode, 'reset');
    const passwordHash = await hashPassword(input.password);
    await this.dataSource.transaction(async (m) => {
      const user = await enabledUserByPhone(m, input.phone);
      if (!user) throw new DomainError('INVALID_SMS_CODE', 'The SMS code has expired or was tried too often: ask for a new one.');
      await setPasswordHash(m, user.id, passwordHash);
      await m.getRepository(PhoneVerification).update({ id: verification.id }, { consumedAt: new Date() });
      const revoked = await this.sessions.revokeAll(m, user.id);
      await this.audit.record(m, { actor: { id: user.id }, nodeId: null, action: 'account.password_reset', entityType: 'app_user', entityId: user.id, after: { via: verification.issuedBy ? 'in_person' : 'sms', issuedBy: verification.issuedBy, sessionsEnded: revoked } });
    });
  }

  /**
   * Creates an account from a verified phone number, and with an invitation code links it to its
   * roll entry when the verified number is the one the roll holds — all in one transaction: a
   * wrong invitation code leaves the SMS code usable. With another number the account is created
   * unlinked (`proof_needed`): the person proves the letter is theirs on their own page.
   */
  async signUp(input: SignupDto): Promise<SignedIn & { invitation: SignupInvitation }> {
    await this.limits.hit({ key: `signup:ip:${this.ip()}`, max: 10, windowSeconds: HOUR });
    const problem = passwordProblem(input.password, input.phone);
    if (problem) throw new DomainError('PASSWORD_TOO_WEAK', PASSWORD_MESSAGES[problem], { reason: problem });
    if (!input.invitationCode && !input.displayName?.trim()) {
      throw new DomainError('VALIDATION_FAILED', 'Give a name to be called by, or the code of your invitation letter.', {
        fields: [{ field: 'displayName', reasons: ['isNotEmpty'], message: 'displayName is needed without an invitation code' }],
      });
    }
    const inviteFailures = [
      { key: `invite-fail:ip:${this.ip()}`, max: 10, windowSeconds: HOUR },
      { key: `invite-fail:phone:${input.phone}`, max: 5, windowSeconds: HOUR },
    ];
    if (input.invitationCode) for (const limit of inviteFailures) await this.limits.check(limit);
    const verification = await this.checkSmsCode(input.phone, input.smsCode);
    const passwordHash = await hashPassword(input.password);
    try {
      const signedUp = await this.dataSource.transaction(async (m) => {
        const user = await this.createUser(m, input.phone, input.displayName?.trim() || input.phone, passwordHash);
        await m.getRepository(PhoneVerification).update({ id: verification.id }, { consumedAt: new Date() });
        let invitation: SignupInvitation = null;
        let notice: (() => Promise<void>) | null = null;
        if (input.invitationCode) {
          const redeemed = await this.invitations.redeemAtSignUp(m, input.invitationCode, user);
          invitation = redeemed.outcome;
          notice = redeemed.notice;
          if (redeemed.name && !input.displayName?.trim()) {
            await renameAccount(m, user.id, redeemed.name);
          }
        }
        await this.audit.record(m, {
          actor: user,
          nodeId: null,
          action: 'account.create',
          entityType: 'app_user',
          entityId: user.id,
          after: { phone: user.phone, viaInvitation: invitation === 'linked' },
        });
        const { token, session } = await this.sessions.open(m, user.id);
        return { token, state: await this.state(m, user.id, session.csrfToken), invitation, notice };
      });
      await signedUp.notice?.();
      return { token: signedUp.token, state: signedUp.state, invitation: signedUp.invitation };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_INVITATION') {
        for (const limit of inviteFailures) await this.limits.hit(limit);
      }
      throw error;
    }
  }

  private async checkSmsCode(phone: string, code: string, purpose: 'signup' | 'reset' = 'signup'): Promise<PhoneVerification> {
    const repo = this.dataSource.getRepository(PhoneVerification);
    const latest = await repo.findOne({
      where: { phone, purpose, consumedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    if (!latest || latest.attempts >= SMS_MAX_ATTEMPTS) {
      throw new DomainError('INVALID_SMS_CODE', 'The SMS code has expired or was tried too often: ask for a new one.');
    }
    if (!equalStrings(latest.codeHash, keyedHash(this.secret.key, 'sms', `${phone}:${code}`))) {
      await repo.increment({ id: latest.id }, 'attempts', 1);
      throw new DomainError('INVALID_SMS_CODE', 'The SMS code is wrong.', { attemptsLeft: SMS_MAX_ATTEMPTS - latest.attempts - 1 });
    }
    return latest;
  }

  private async createUser(m: EntityManager, phone: string, displayName: string, passwordHash: string): Promise<User> {
    try {
      return await createAccount(m, { phone, displayName, passwordHash });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'app_user_phone_unique') {
        throw new DomainError('PHONE_TAKEN', 'This phone number already has an account: sign in instead.');
      }
      throw error;
    }
  }

  async signOut(actor: Actor): Promise<void> {
    await this.dataSource.transaction((m) => this.sessions.revoke(m, actor.sessionId));
  }

  async signOutEverywhere(actor: Actor): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const revoked = await this.sessions.revokeAll(m, actor.id);
      await this.audit.record(m, { actor, nodeId: null, action: 'account.sign_out_everywhere', entityType: 'app_user', entityId: actor.id, after: { revoked } });
      return revoked;
    });
  }

  /** What the web app knows about the signed-in person: name, phone, roles with node names. */
  async state(m: EntityManager, userId: string, csrfToken: string): Promise<SessionState> {
    const user = await existingAccount(m, userId);
    const grants = await placedGrantsOf(m, userId);
    const buildings = await buildingNames(m, grants.map((g) => g.building_id));
    return {
      user: {
        id: user.id,
        phone: user.phone,
        displayName: user.displayName,
        grants: grants.map((g) => ({
          id: g.id,
          role: g.role,
          nodeId: g.node_id,
          nodeName: g.node_name,
          nodeKind: g.node_kind,
          buildingId: g.building_id,
          buildingName: g.building_id ? (buildings.get(g.building_id) ?? null) : null,
        })),
      },
      csrfToken,
    };
  }

  async currentState(actor: Actor | null): Promise<SessionState> {
    if (!actor) return { user: null, csrfToken: null };
    return this.state(this.dataSource.manager, actor.id, actor.csrfToken);
  }
}
