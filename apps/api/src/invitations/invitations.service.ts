import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RateLimitService } from '../auth/rate-limit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { keyedHash } from '../common/keyed-hash';
import { currentRequest } from '../common/request-context';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import { OrgNode } from '../organizations/entities/org-node.entity';
import { RoleGrant } from '../users/entities/role-grant.entity';
import { User } from '../users/entities/user.entity';
import { Invitation } from './entities/invitation.entity';
import { formatInvitationCode, newInvitationCode, normaliseInvitationCode } from './invitation-code';

export const INVITATION_TTL_DAYS = 60;

export type PersonType = 'member' | 'owner' | 'tenant';

const PERSON_TABLE: Record<PersonType, 'member' | 'owner' | 'tenant'> = { member: 'member', owner: 'owner', tenant: 'tenant' };
const PERSON_COLUMN: Record<PersonType, 'memberId' | 'ownerId' | 'tenantId'> = { member: 'memberId', owner: 'ownerId', tenant: 'tenantId' };

export interface IssueRequest {
  /** Only this household (cooperative). */
  householdId?: string;
  /** Only this building (compound): the letters a building head delivers. */
  buildingId?: string;
  /** Issue again for people who already hold a live letter (the old codes stop working). */
  reissue?: boolean;
}

export interface LetterPerson {
  personType: PersonType;
  personId: string;
  name: string;
  /** 业主 / 成员 / 租户 … as a role word the letter prints; the web translates by personType. */
  code: string;
  expiresAt: string;
}

/** One A5 sheet: a household of a cooperative, or an exclusive unit of a compound. */
export interface LetterSheet {
  key: string;
  /** Household number (户号) or exclusive-unit number (房号). */
  label: string;
  /** Address of the household, or the building of the unit. */
  place: string | null;
  people: LetterPerson[];
}

export interface IssuedLetters {
  unitId: string;
  unitName: string;
  unitKind: 'cooperative' | 'compound';
  issued: number;
  sheets: LetterSheet[];
}

interface Candidate {
  person_type: PersonType;
  person_id: string;
  name: string;
  sheet_key: string;
  label: string;
  place: string | null;
  has_live: boolean;
}

/**
 * Invitation letters (实名): one-time codes per person on a roll, printed per household or unit
 * and delivered by building heads; redeemed at sign-up (or later, signed in) to link the account
 * to the roll entry. Staff can also link in person.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  private hash(digits: string): string {
    return keyedHash(this.secret.key, 'invitation', digits);
  }

  async issue(actor: Actor, unitId: string, request: IssueRequest): Promise<IssuedLetters> {
    return this.dataSource.transaction(async (m) => {
      const unit = await m.getRepository(OrgNode).findOneBy({ id: unitId });
      if (!unit || (unit.kind !== 'cooperative' && unit.kind !== 'compound')) {
        throw new DomainError('NOT_FOUND', 'Invitation letters are issued for a cooperative or a compound.', { unitId });
      }
      const candidates = await this.candidates(m, unit, request);
      const chosen = candidates.filter((c) => request.reissue || !c.has_live);
      const codes = new Map<string, string>();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
      for (const person of dedupe(chosen)) {
        const column = PERSON_COLUMN[person.person_type];
        await m
          .createQueryBuilder()
          .update(Invitation)
          .set({ revokedAt: () => 'now()' })
          .where(`${column} = :id AND used_at IS NULL AND revoked_at IS NULL`, { id: person.person_id })
          .execute();
        const code = newInvitationCode();
        await m.getRepository(Invitation).insert({
          unitId,
          [column]: person.person_id,
          codeHash: this.hash(code),
          expiresAt,
          createdBy: actor.id,
        });
        codes.set(`${person.person_type}:${person.person_id}`, code);
      }
      await this.audit.record(m, {
        actor,
        nodeId: unitId,
        action: 'invitation.issue',
        entityType: 'invitation',
        entityId: null,
        after: { issued: codes.size, householdId: request.householdId ?? null, buildingId: request.buildingId ?? null, reissue: !!request.reissue },
      });
      return {
        unitId,
        unitName: unit.name,
        unitKind: unit.kind,
        issued: codes.size,
        sheets: toSheets(chosen, codes, expiresAt),
      };
    });
  }

  /** Everyone on the roll who could be invited: adult members, or owners (not the developer) and tenants, not yet linked. */
  private async candidates(m: EntityManager, unit: OrgNode, request: IssueRequest): Promise<Candidate[]> {
    if (unit.kind === 'cooperative') {
      if (request.buildingId) throw new DomainError('VALIDATION_FAILED', 'A cooperative has households, not buildings.', { field: 'buildingId' });
      return m.query<Candidate[]>(
        `SELECT 'member' AS person_type, mb.id AS person_id, mb.name, h.id AS sheet_key, h.number AS label, h.address AS place,
                EXISTS (SELECT 1 FROM invitation i WHERE i.member_id = mb.id AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS has_live
           FROM member mb JOIN household h ON h.id = mb.household_id
          WHERE mb.unit_id = $1 AND mb.user_id IS NULL AND mb.removed_revision_id IS NULL
            AND (mb.birth_date + interval '18 years')::date < (now() AT TIME ZONE $3)::date
            AND ($2::uuid IS NULL OR h.id = $2::uuid)
          ORDER BY h.number, mb.is_household_head DESC, mb.birth_date`,
        [unit.id, request.householdId ?? null, LEGAL_TIME_ZONE],
      );
    }
    if (request.householdId) throw new DomainError('VALIDATION_FAILED', 'A compound has buildings, not households.', { field: 'householdId' });
    return m.query<Candidate[]>(
      `SELECT * FROM (
         SELECT 'owner' AS person_type, o.id AS person_id, o.name, e.id::text AS sheet_key, e.number AS label, b.name AS place,
                EXISTS (SELECT 1 FROM invitation i WHERE i.owner_id = o.id AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS has_live,
                e.number AS sort_unit, 0 AS sort_kind
           FROM owner o JOIN ownership s ON s.owner_id = o.id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
           LEFT JOIN building b ON b.id = e.building_id
          WHERE o.unit_id = $1 AND o.kind = 'person' AND o.user_id IS NULL AND ($2::uuid IS NULL OR e.building_id = $2::uuid)
            AND o.removed_revision_id IS NULL AND s.removed_revision_id IS NULL
         UNION ALL
         SELECT 'tenant', t.id, t.name, e.id::text, e.number, b.name,
                EXISTS (SELECT 1 FROM invitation i WHERE i.tenant_id = t.id AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()),
                e.number, 1
           FROM tenant t JOIN exclusive_unit e ON e.id = t.exclusive_unit_id
           LEFT JOIN building b ON b.id = e.building_id
          WHERE t.unit_id = $1 AND t.user_id IS NULL AND ($2::uuid IS NULL OR e.building_id = $2::uuid) AND t.removed_revision_id IS NULL
       ) people
       ORDER BY place NULLS LAST, sort_unit, sort_kind, name`,
      [unit.id, request.buildingId ?? null],
    );
  }

  /**
   * Links `user` to the roll entry of a live invitation code, inside the caller's transaction.
   * Throws INVALID_INVITATION for an unknown, used, revoked or expired code.
   */
  async redeem(m: EntityManager, rawCode: string, user: Pick<User, 'id'>): Promise<{ unitId: string; personType: PersonType; personId: string }> {
    const digits = normaliseInvitationCode(rawCode);
    const invitation = digits
      ? await m.getRepository(Invitation).findOne({ where: { codeHash: this.hash(digits) }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!invitation || invitation.usedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('INVALID_INVITATION', 'This invitation code is not valid: it may be mistyped, already used or expired. Ask your building head or the community staff for a new letter.');
    }
    const personType: PersonType = invitation.memberId ? 'member' : invitation.ownerId ? 'owner' : 'tenant';
    const personId = (invitation.memberId ?? invitation.ownerId ?? invitation.tenantId)!;
    const [current] = await m.query<{ removed: boolean }[]>(
      `SELECT removed_revision_id IS NOT NULL AS removed FROM ${PERSON_TABLE[personType]} WHERE id = $1`,
      [personId],
    );
    if (!current || current.removed) {
      // The person has left the roll since the letter was printed: the letter is void.
      throw new DomainError('INVALID_INVITATION', 'This invitation letter is no longer valid: the person it was printed for is no longer on the roll. Ask the community staff.');
    }
    await this.link(m, { personType, personId, unitId: invitation.unitId, userId: user.id, actor: user, via: 'invitation' });
    await m.getRepository(Invitation).update({ id: invitation.id }, { usedAt: new Date(), usedBy: user.id });
    return { unitId: invitation.unitId, personType, personId };
  }

  /** A signed-in person enters the code of a letter that reached them after they signed up. */
  async redeemForActor(actor: Actor, code: string): Promise<{ unitId: string }> {
    const failures = [
      { key: `invite-fail:ip:${currentRequest().ip ?? 'unknown'}`, max: 10, windowSeconds: 3600 },
      { key: `invite-fail:user:${actor.id}`, max: 5, windowSeconds: 3600 },
    ];
    for (const limit of failures) await this.limits.check(limit);
    try {
      return await this.dataSource.transaction(async (m) => this.redeem(m, code, actor));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_INVITATION') {
        for (const limit of failures) await this.limits.hit(limit);
      }
      throw error;
    }
  }

  /** Staff link an account to a roll entry in person (the resident shows ID at the counter). */
  async linkInPerson(actor: Actor, unitId: string, request: { personType: PersonType; personId: string; phone: string }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(User).findOneBy({ phone: request.phone });
      if (!user) {
        throw new DomainError('NOT_FOUND', 'No account uses this phone number yet: the resident signs up first, then you link them.', { field: 'phone' });
      }
      await this.link(m, { ...request, unitId, userId: user.id, actor, via: 'in_person' });
      await m
        .createQueryBuilder()
        .update(Invitation)
        .set({ revokedAt: () => 'now()' })
        .where(`${PERSON_COLUMN[request.personType]} = :id AND used_at IS NULL AND revoked_at IS NULL`, { id: request.personId })
        .execute();
    });
  }

  private async link(
    m: EntityManager,
    link: { personType: PersonType; personId: string; unitId: string; userId: string; actor: Pick<Actor, 'id'>; via: 'invitation' | 'in_person' },
  ): Promise<void> {
    const table = PERSON_TABLE[link.personType];
    const rows = await m.query<{ id: string; name: string; user_id: string | null }[]>(
      `SELECT id, name, user_id FROM ${table} WHERE id = $1 AND unit_id = $2 AND removed_revision_id IS NULL FOR UPDATE`,
      [link.personId, link.unitId],
    );
    const person = rows[0];
    if (!person) throw new DomainError('NOT_FOUND', 'There is no such person on this roll.', { personId: link.personId });
    if (person.user_id && person.user_id !== link.userId) {
      throw new DomainError('CONFLICT', 'This roll entry is already linked to another account; the staff can help.', { personId: link.personId });
    }
    await m.query(`UPDATE ${table} SET user_id = $1 WHERE id = $2`, [link.userId, link.personId]);
    await m
      .createQueryBuilder()
      .insert()
      .into(RoleGrant)
      .values({ userId: link.userId, nodeId: link.unitId, role: 'resident', buildingId: null, grantedBy: link.actor.id })
      .orIgnore()
      .execute();
    await this.audit.record(m, {
      actor: link.actor,
      nodeId: link.unitId,
      action: 'roll.link',
      entityType: table,
      entityId: link.personId,
      before: { userId: person.user_id },
      after: { userId: link.userId, via: link.via },
    });
  }
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.person_type}:${c.person_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toSheets(candidates: Candidate[], codes: Map<string, string>, expiresAt: Date): LetterSheet[] {
  const sheets = new Map<string, LetterSheet>();
  for (const c of candidates) {
    const code = codes.get(`${c.person_type}:${c.person_id}`);
    if (!code) continue;
    const sheet = sheets.get(c.sheet_key) ?? { key: c.sheet_key, label: c.label, place: c.place, people: [] };
    sheet.people.push({ personType: c.person_type, personId: c.person_id, name: c.name, code: formatInvitationCode(code), expiresAt: expiresAt.toISOString() });
    sheets.set(c.sheet_key, sheet);
  }
  return [...sheets.values()];
}
