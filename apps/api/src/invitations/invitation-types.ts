import { DomainError } from '../common/domain-error';
import type { RollPersonType } from '../rolls/roll-reads';
import type { LetterLanguage } from './letter-sheet';

/** The requests, answers and rules of invitation letters (the service is invitations.service.ts). */

export type PersonType = RollPersonType;

export const PERSON_WORD: Record<PersonType, string> = { member: '成员', owner: '业主', tenant: '租户' };

export interface IssueRequest {
  /** Only this household (cooperative). */
  householdId?: string;
  /** Only this building (compound): the letters a building head delivers. */
  buildingId?: string;
  /** Issue again for people who already hold a live letter (the old codes stop working). */
  reissue?: boolean;
  /** The letters' language: they are for the residents, so Chinese unless asked otherwise. */
  language?: LetterLanguage;
}

/** A printing: the sheet itself (the only place the codes ever appear) and what it holds. */
export interface PrintedLetters {
  printId: string;
  letters: number;
  html: string;
}

/** How the reader of a letter may prove it is theirs. */
export interface ProofMethods {
  /** The account's own (verified) phone number is the one the roll holds: nothing more to prove. */
  phoneMatches: boolean;
  /** The roll's phone number, masked (138****0011), where a code can be sent; null when the roll has none. */
  rollPhone: string | null;
  /** The roll holds an identity number to check the one typed against. */
  idNumber: boolean;
}

export interface LetterCheck {
  unitId: string;
  unitName: string;
  personType: PersonType;
  /** The household number or the exclusive units of the person, as the letter prints them. */
  label: string;
  methods: ProofMethods;
}

export interface LetterProof {
  /** The whole identity number (18 characters), checked against the roll's keyed hash. */
  idNumber?: string;
  /** The code sent to the roll's phone number for this letter. */
  phoneCode?: string;
}

/** A letter proven wrong: recorded after the transaction that found it has rolled back. */
export class ProofFailure extends Error {
  constructor(readonly invitationId: string) {
    super('invitation proof failed');
  }
}

/** 13800000011 → 138****0011 */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** ONE_PERSON_PER_ACCOUNT: the account is already linked to another person of this roll. */
export function oneAccountOnePerson(personType: PersonType, otherName: string | null): DomainError {
  const who = personType === 'member' ? 'member of this cooperative' : personType === 'owner' ? 'owner in this compound' : 'tenant in this compound';
  return new DomainError(
    'ONE_PERSON_PER_ACCOUNT',
    `This account is already linked to ${otherName ? `${otherName}, ` : ''}another ${who}: one account is one person. Each person signs up with their own phone number; to vote for someone else, ask them for a written proxy.`,
    { personType, linkedTo: otherName },
  );
}
