import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { keyedHash } from '../common/keyed-hash';
import { DomainError } from '../common/domain-error';
import { forbidden } from '../common/refusals';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import { NotificationsService } from '../notifications/notifications.service';
import { existingNode } from '../organizations/organization-store';
import { accountPlacesIn, buildingNames } from '../rolls/roll-reads';
import { SmsProvider } from '../sms/sms-provider';
import { grantsOf } from '../users/grant-store';
import { enabledUserByPhone } from '../users/user-store';
import type { IssuedResetCodeDto, ResetLookupDto } from './dto/in-person-reset.dto';
import { PhoneVerification } from './entities/phone-verification.entity';
import { RateLimitService } from './rate-limit.service';

/** An in-person code stays good for half an hour: long enough to get home and sign in. */
const CODE_TTL_MS = 30 * 60_000;
const HOUR = 3600;

/**
 * Account recovery in person (当面重置): an elderly owner who lost their phone, or never reads SMS,
 * goes to the building head or the community office; having checked their identity card against
 * the roll, the building head (for their own building) or staff (for their units) issues a one-time
 * code, which the resident enters on the 找回密码 page with their number. Only ordinary residents'
 * accounts: one holding any other role would hand its powers to whoever issues the code. Never
 * one's own. Every lookup and every code is audited, and the account's owner is told, by SMS and
 * in their inbox (read once they are back in), so a code fetched by someone posing as them is noticed.
 */
@Injectable()
export class InPersonResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
    private readonly sms: SmsProvider,
    private readonly notifications: NotificationsService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /** The resident's account on this unit's roll (in the building, for a building head), before a code is issued. */
  async lookup(actor: Actor, unitId: string, input: { phone: string; buildingId?: string }): Promise<ResetLookupDto> {
    await this.limits.hit({ key: `reset-in-person:actor:${actor.id}`, max: 30, windowSeconds: HOUR });
    return this.dataSource.transaction(async (m) => {
      const found = await this.resident(m, actor, unitId, input);
      await this.audit.record(m, { actor, nodeId: unitId, action: 'account.reset_lookup', entityType: 'app_user', entityId: found.user.id, after: { buildingId: input.buildingId ?? null } });
      return found.view;
    });
  }

  /** Issues the one-time code (earlier ones stop working: only the latest reset code counts). */
  async issue(actor: Actor, unitId: string, input: { phone: string; buildingId?: string }): Promise<IssuedResetCodeDto> {
    await this.limits.hit({ key: `reset-in-person:actor:${actor.id}`, max: 30, windowSeconds: HOUR });
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + CODE_TTL_MS);
    const issued = await this.dataSource.transaction(async (m) => {
      const found = await this.resident(m, actor, unitId, input);
      await m.getRepository(PhoneVerification).insert({ phone: input.phone, purpose: 'reset', invitationId: null, issuedBy: actor.id, codeHash: keyedHash(this.secret.key, 'sms', `${input.phone}:${code}`), expiresAt });
      await this.audit.record(m, { actor, nodeId: unitId, action: 'account.reset_code_in_person', entityType: 'app_user', entityId: found.user.id, after: { buildingId: input.buildingId ?? null, expiresAt: expiresAt.toISOString() } });
      const unit = await existingNode(m, unitId);
      await this.notifications.notify(m, [found.user.id], 'password_reset_in_person', { issuedBy: actor.displayName, unitName: unit.name, expiresAt: expiresAt.toISOString() }, '/me');
      return found;
    });
    await this.sms.send(input.phone, `【议事】${actor.displayName}当面为您发了重设密码的验证码，30 分钟内有效。如不是您本人办理，请立即联系社区。`);
    return { code, expiresAt: expiresAt.toISOString(), displayName: issued.view.displayName };
  }

  private async resident(m: EntityManager, actor: Actor, unitId: string, input: { phone: string; buildingId?: string }): Promise<{ user: { id: string }; view: ResetLookupDto }> {
    const notHere = (): DomainError => new DomainError('NOT_FOUND', input.buildingId ? 'No resident of this building signs in with that number.' : 'No resident on this roll signs in with that number.');
    const user = await enabledUserByPhone(m, input.phone);
    if (!user) throw notHere();
    if (user.id === actor.id) throw forbidden('own_account', 'Reset your own password by SMS on the 找回密码 page.');
    const places = (await accountPlacesIn(m, user.id, unitId)).filter((p) => !input.buildingId || p.building_id === input.buildingId);
    if (places.length === 0) throw notHere();
    const grants = await grantsOf(m, user.id);
    if (grants.some((g) => g.role !== 'resident')) {
      throw forbidden('not_a_resident_account', 'This account holds a role beyond resident: its password is reset by the street’s administrator, not in person here.');
    }
    const names = await buildingNames(m, places.map((p) => p.building_id));
    return {
      user,
      view: {
        displayName: user.display_name,
        places: places.map((p) => ({ personType: p.person_type, name: p.name, place: p.place, building: p.building_id ? (names.get(p.building_id) ?? null) : null })),
      },
    };
  }
}
