import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RateLimitService } from '../auth/rate-limit.service';
import { consumeCode, latestLinkCode, recordCode } from '../auth/verification-store';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { equalStrings, keyedHash } from '../common/keyed-hash';
import { currentRequest } from '../common/request-context';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import { existingNode, nodeById } from '../organizations/organization-store';
import { normaliseIdNumber } from '../rolls/import/id-number';
import type { LetterCandidate, RollPersonRow } from '../rolls/roll-link-store';
import { compoundLetterCandidates, cooperativeLetterCandidates, rollPerson } from '../rolls/roll-link-store';
import { SmsProvider } from '../sms/sms-provider';
import { nameUnnamedAccount } from '../users/user-store';
import { Invitation } from './entities/invitation.entity';
import { InvitationPrint } from './entities/invitation-print.entity';
import { countProofFailure, personColumn, revokeOpenLetters } from './invitation-store';
import { newInvitationCode, normaliseInvitationCode } from './invitation-code';
import { RollLinksService } from './roll-links.service';
import type { IssueRequest, LetterCheck, LetterProof, PersonType, PrintedLetters, ProofMethods } from './invitation-types';
import { maskPhone, ProofFailure } from './invitation-types';
import { dedupe, renderLetters, toSheets } from './letter-sheet';

export const INVITATION_TTL_DAYS = 60;
/** Wrong answers to "prove this letter is yours" before the letter is revoked. */
export const LETTER_PROOF_ATTEMPTS = 5;
const LINK_CODE_TTL_SECONDS = 600;
const LINK_CODE_RESEND_SECONDS = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Invitation letters (实名): one-time codes per person on a roll, printed per household or unit
 * and delivered by building heads. One account is one person: a letter links an account to at
 * most one person of a roll, and only with proof that the letter is the reader's own — the
 * account's verified phone is the roll's, a code sent to the roll's phone, or the identity number
 * the roll holds — because whoever prints or carries letters holds their codes. The person is told
 * by SMS on the roll's phone whenever an account links to them (RollLinksService); staff can undo a link.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
    private readonly sms: SmsProvider,
    private readonly links: RollLinksService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  private hash(digits: string): string {
    return keyedHash(this.secret.key, 'invitation', digits);
  }

  /**
   * Issues letters and returns the printable sheet: the codes exist only there (the database
   * keeps keyed hashes). The printing is kept — who printed which letters — and audited.
   */
  async issue(actor: Actor, unitId: string, request: IssueRequest, origin: string): Promise<PrintedLetters> {
    const language = request.language ?? 'zh-CN';
    return this.dataSource.transaction(async (m) => {
      const unit = await nodeById(m, unitId);
      if (!unit || (unit.kind !== 'cooperative' && unit.kind !== 'compound')) {
        throw new DomainError('NOT_FOUND', 'Invitation letters are issued for a cooperative or a compound.', { unitId });
      }
      const candidates = await this.candidates(m, unit, request);
      // An owner of several units is one person with one letter, printed on each unit's sheet.
      const chosen = candidates.filter((c) => request.reissue || !c.has_live);
      const people = dedupe(chosen);
      const print = await m.getRepository(InvitationPrint).save({
        unitId,
        buildingId: request.buildingId ?? null,
        householdId: request.householdId ?? null,
        printedBy: actor.id,
        letters: people.length,
        reissue: !!request.reissue,
        language,
      });
      const codes = new Map<string, string>();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * DAY * 1000);
      const printed: { personType: PersonType; personId: string; invitationId: string }[] = [];
      for (const person of people) {
        await revokeOpenLetters(m, person.person_type, person.person_id);
        const code = newInvitationCode();
        const inserted = await m.getRepository(Invitation).insert({
          unitId,
          [personColumn(person.person_type)]: person.person_id,
          codeHash: this.hash(code),
          expiresAt,
          createdBy: actor.id,
          printId: print.id,
        });
        printed.push({ personType: person.person_type, personId: person.person_id, invitationId: (inserted.identifiers[0] as { id: string }).id });
        codes.set(`${person.person_type}:${person.person_id}`, code);
      }
      await this.audit.record(m, {
        actor,
        nodeId: unitId,
        action: 'invitation.issue',
        entityType: 'invitation_print',
        entityId: print.id,
        after: {
          letters: printed,
          householdId: request.householdId ?? null,
          buildingId: request.buildingId ?? null,
          reissue: !!request.reissue,
          language,
        },
      });
      const html = renderLetters({
        unitName: unit.name,
        unitKind: unit.kind,
        origin,
        language,
        sheets: toSheets(chosen, codes, expiresAt),
      });
      return { printId: print.id, letters: printed.length, html };
    });
  }

  /** Everyone on the roll who could be invited: adult members, or owners (not the developer) and tenants, not yet linked. */
  private async candidates(m: EntityManager, unit: { id: string; kind: string }, request: IssueRequest): Promise<LetterCandidate[]> {
    if (unit.kind === 'cooperative') {
      if (request.buildingId) throw new DomainError('VALIDATION_FAILED', 'A cooperative has households, not buildings.', { field: 'buildingId' });
      return cooperativeLetterCandidates(m, unit.id, request.householdId ?? null);
    }
    if (request.householdId) throw new DomainError('VALIDATION_FAILED', 'A compound has buildings, not households.', { field: 'householdId' });
    return compoundLetterCandidates(m, unit.id, request.buildingId ?? null);
  }

  /** The live letter of a code, locked; INVALID_INVITATION for an unknown, used, revoked or expired one. */
  private async liveLetter(m: EntityManager, rawCode: string): Promise<Invitation> {
    const digits = normaliseInvitationCode(rawCode);
    const invitation = digits
      ? await m.getRepository(Invitation).findOne({ where: { codeHash: this.hash(digits) }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!invitation || invitation.usedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw new DomainError(
        'INVALID_INVITATION',
        'This invitation code is not valid: it may be mistyped, already used or expired. Ask your building head or the community staff for a new letter.',
      );
    }
    return invitation;
  }

  /** The person a live letter was printed for, or INVALID_INVITATION when they left the roll or were linked since. */
  private async personOf(m: EntityManager, invitation: Invitation, userId: string | null): Promise<{ personType: PersonType; person: RollPersonRow }> {
    const personType: PersonType = invitation.memberId ? 'member' : invitation.ownerId ? 'owner' : 'tenant';
    const personId = (invitation.memberId ?? invitation.ownerId ?? invitation.tenantId)!;
    const person = await rollPerson(m, personType, personId, invitation.unitId);
    if (!person) {
      // The person has left the roll since the letter was printed: the letter is void.
      throw new DomainError('INVALID_INVITATION', 'This invitation letter is no longer valid: the person it was printed for is no longer on the roll. Ask the community staff.');
    }
    if (person.user_id && person.user_id !== userId) {
      throw new DomainError('INVALID_INVITATION', 'This invitation letter is no longer valid: its person is already linked to an account. Ask the community staff.');
    }
    return { personType, person };
  }

  private methods(person: RollPersonRow, accountPhone: string): ProofMethods {
    return {
      phoneMatches: person.phone !== null && person.phone === accountPhone,
      rollPhone: person.phone ? maskPhone(person.phone) : null,
      idNumber: person.id_number_hash !== null,
    };
  }

  private throttles(actor: Pick<Actor, 'id'>): { key: string; max: number; windowSeconds: number }[] {
    return [
      { key: `invite-fail:ip:${currentRequest().ip ?? 'unknown'}`, max: 10, windowSeconds: HOUR },
      { key: `invite-fail:user:${actor.id}`, max: 5, windowSeconds: HOUR },
    ];
  }

  /** Runs `work`, counting a wrong code or a wrong proof against the caller (and a wrong proof against the letter). */
  private async throttled<T>(actor: Pick<Actor, 'id'>, work: () => Promise<T>): Promise<T> {
    const limits = this.throttles(actor);
    for (const limit of limits) await this.limits.check(limit);
    try {
      return await work();
    } catch (error) {
      if (error instanceof ProofFailure) {
        for (const limit of limits) await this.limits.hit(limit);
        throw await this.recordProofFailure(error.invitationId);
      }
      if (error instanceof DomainError && error.code === 'INVALID_INVITATION') {
        for (const limit of limits) await this.limits.hit(limit);
      }
      throw error;
    }
  }

  /** What a letter is for and how its reader can prove it is theirs (nothing is linked yet). */
  async checkLetter(actor: Actor, code: string): Promise<LetterCheck> {
    return this.throttled(actor, () =>
      this.dataSource.transaction(async (m) => {
        const invitation = await this.liveLetter(m, code);
        const { personType, person } = await this.personOf(m, invitation, actor.id);
        const unit = await existingNode(m, invitation.unitId);
        return { unitId: unit.id, unitName: unit.name, personType, label: person.label, methods: this.methods(person, actor.phone) };
      }),
    );
  }

  /** Sends a one-time code to the phone number the roll holds for the letter's person. */
  async sendLinkCode(actor: Actor, code: string): Promise<{ sentTo: string; expiresInSeconds: number; resendAfterSeconds: number }> {
    const { phone, invitationId } = await this.throttled(actor, () =>
      this.dataSource.transaction(async (m) => {
        const invitation = await this.liveLetter(m, code);
        const { person } = await this.personOf(m, invitation, actor.id);
        if (!person.phone) {
          throw new DomainError('CONFLICT', 'The roll holds no phone number for this person: prove the letter with the identity number, or ask the community staff.', {
            reason: 'no_roll_phone',
          });
        }
        return { phone: person.phone, invitationId: invitation.id };
      }),
    );
    await this.limits.hit({ key: `link-sms:phone:${phone}`, max: 1, windowSeconds: LINK_CODE_RESEND_SECONDS });
    await this.limits.hit({ key: `link-sms-day:phone:${phone}`, max: 5, windowSeconds: DAY });
    await this.limits.hit({ key: `link-sms-day:user:${actor.id}`, max: 10, windowSeconds: DAY });
    const sms = String(randomInt(1_000_000)).padStart(6, '0');
    await recordCode(this.dataSource.manager, {
      phone,
      purpose: 'link',
      invitationId,
      codeHash: this.linkCodeHash(invitationId, phone, sms),
      expiresAt: new Date(Date.now() + LINK_CODE_TTL_SECONDS * 1000),
    });
    await this.sms.send(
      phone,
      `【议事】验证码 ${sms}，${LINK_CODE_TTL_SECONDS / 60} 分钟内有效：议事账号 ${maskPhone(actor.phone)} 正在用邀请函关联您在名册上的身份。如不是您本人或家人操作，请勿把验证码告诉任何人。`,
    );
    return { sentTo: maskPhone(phone), expiresInSeconds: LINK_CODE_TTL_SECONDS, resendAfterSeconds: LINK_CODE_RESEND_SECONDS };
  }

  private linkCodeHash(invitationId: string, phone: string, code: string): string {
    return keyedHash(this.secret.key, 'link-sms', `${invitationId}:${phone}:${code}`);
  }

  /**
   * Whether `proof` shows the letter is the account's own. Throws ProofFailure for a wrong answer
   * (recorded by the caller once this transaction has rolled back), INVITATION_PROOF_REQUIRED when
   * nothing was offered and the account's phone is not the roll's.
   */
  private async checkProof(m: EntityManager, invitation: Invitation, person: RollPersonRow, account: { phone: string }, proof: LetterProof): Promise<'phone' | 'sms' | 'id-number'> {
    const methods = this.methods(person, account.phone);
    if (methods.phoneMatches) return 'phone';
    if (proof.phoneCode !== undefined) {
      if (!person.phone) throw new ProofFailure(invitation.id);
      const latest = await latestLinkCode(m, invitation.id, person.phone);
      if (!latest || !equalStrings(latest.code_hash, this.linkCodeHash(invitation.id, person.phone, proof.phoneCode.trim()))) throw new ProofFailure(invitation.id);
      await consumeCode(m, latest.id);
      return 'sms';
    }
    if (proof.idNumber !== undefined) {
      const typed = normaliseIdNumber(proof.idNumber);
      if (!person.id_number_hash || !equalStrings(person.id_number_hash, keyedHash(this.secret.key, 'id-number', typed))) throw new ProofFailure(invitation.id);
      return 'id-number';
    }
    throw new DomainError('INVITATION_PROOF_REQUIRED', 'Show that this letter is yours: a code sent to the phone number on the roll, or your identity number.', { methods });
  }

  /** Counts a wrong proof against the letter; at the limit the letter is revoked. Returns the error to show. */
  private async recordProofFailure(invitationId: string): Promise<DomainError> {
    const row = await countProofFailure(this.dataSource.manager, invitationId, LETTER_PROOF_ATTEMPTS);
    const attemptsLeft = Math.max(0, LETTER_PROOF_ATTEMPTS - (row?.proof_failures ?? LETTER_PROOF_ATTEMPTS));
    if (row?.revoked) {
      return new DomainError('INVITATION_PROOF_FAILED', 'Wrong too often: this letter no longer works. Ask the community staff or your building head for a new one.', { attemptsLeft: 0 });
    }
    return new DomainError('INVITATION_PROOF_FAILED', 'That does not match what the roll holds for this letter.', { attemptsLeft });
  }

  /**
   * At sign-up: links the new account when its verified phone is the roll's; otherwise the account
   * is created unlinked and the person proves the letter on their own page ('proof_needed').
   * Throws INVALID_INVITATION for a code that is not live (the sign-up then rolls back).
   */
  async redeemAtSignUp(m: EntityManager, rawCode: string, user: { id: string; phone: string }): Promise<{ outcome: 'linked' | 'proof_needed'; name: string | null; notice: (() => Promise<void>) | null }> {
    const invitation = await this.liveLetter(m, rawCode);
    const { personType, person } = await this.personOf(m, invitation, user.id);
    if (!this.methods(person, user.phone).phoneMatches) return { outcome: 'proof_needed', name: null, notice: null };
    const notice = await this.linkLetter(m, invitation, personType, person.id, user, 'phone');
    return { outcome: 'linked', name: person.name, notice };
  }

  /** A signed-in person enters the code of a letter and their proof: links the account to the roll entry. */
  async redeemForActor(actor: Actor, code: string, proof: LetterProof): Promise<{ unitId: string }> {
    const { unitId, notice } = await this.throttled(actor, () =>
      this.dataSource.transaction(async (m) => {
        const invitation = await this.liveLetter(m, code);
        const { personType, person } = await this.personOf(m, invitation, actor.id);
        const how = await this.checkProof(m, invitation, person, actor, proof);
        const sent = await this.linkLetter(m, invitation, personType, person.id, actor, how);
        return { unitId: invitation.unitId, notice: sent };
      }),
    );
    await notice?.();
    return { unitId };
  }

  /** Links through a letter, inside the caller's transaction; returns the SMS to send once committed. */
  private async linkLetter(m: EntityManager, invitation: Invitation, personType: PersonType, personId: string, user: { id: string; phone: string }, how: string): Promise<(() => Promise<void>) | null> {
    const { notice, name } = await this.links.link(m, { personType, personId, unitId: invitation.unitId, userId: user.id, userPhone: user.phone, actor: user, via: 'invitation', proof: how });
    await m.getRepository(Invitation).update({ id: invitation.id }, { usedAt: new Date(), usedBy: user.id });
    // Someone who signed up with the letter gave no name: they are called as the roll calls them.
    await nameUnnamedAccount(m, user.id, name);
    return notice;
  }
}
