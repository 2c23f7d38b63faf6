/**
 * The audit trail in words: action names (「授予角色」 for `role.grant`), and an entry's before /
 * after records as label–value pairs. Unknown actions and fields (the API adds some as features
 * arrive) are shown as they are, never hidden.
 */
import type { Role } from '@yishi/contracts';
import { ROLES } from '@yishi/contracts';
import type { TFunction } from 'i18next';
import { roleNameKey } from '../../../shared/roles/access';
import { formatPhone } from '../../../lib/format';

/** Families to filter by: the part of the action before the dot. */
export const AUDIT_FAMILIES = ['invitation', 'role', 'roll'] as const;
export type AuditFamily = (typeof AUDIT_FAMILIES)[number];

const ACTION_KEYS = {
  'invitation.issue': 'audit.action.invitationIssue',
  'role.grant': 'audit.action.roleGrant',
  'role.revoke': 'audit.action.roleRevoke',
  'roll.link': 'audit.action.rollLink',
  'roll.unlink': 'audit.action.rollUnlink',
  'roll.import': 'audit.action.rollImport',
  'roll.export': 'audit.action.rollExport',
  'roll.add': 'audit.action.rollAdd',
  'roll.change': 'audit.action.rollChange',
  'roll.remove': 'audit.action.rollRemove',
  'account.create': 'audit.action.accountCreate',
  'account.sign_out_everywhere': 'audit.action.accountSignOutEverywhere',
  'seed.demo_data': 'audit.action.seedDemoData',
} as const;

const FIELD_KEYS = {
  issued: 'audit.field.issued',
  householdId: 'audit.field.householdId',
  buildingId: 'audit.field.buildingId',
  reissue: 'audit.field.reissue',
  userId: 'audit.field.userId',
  phone: 'audit.field.phone',
  role: 'audit.field.role',
  via: 'audit.field.via',
  revoked: 'audit.field.revoked',
  viaInvitation: 'audit.field.viaInvitation',
  revision: 'audit.field.revision',
  fileName: 'audit.field.fileName',
  rows: 'audit.field.rows',
  format: 'audit.field.format',
  fields: 'audit.field.fields',
  proof: 'audit.field.proof',
  letters: 'audit.field.letters',
  language: 'audit.field.language',
  reason: 'audit.field.reason',
  openVotesWithBallot: 'audit.field.openVotesWithBallot',
} as const;

const PROOF_KEYS = {
  phone: 'audit.proof.phone',
  sms: 'audit.proof.sms',
  'id-number': 'audit.proof.idNumber',
} as const;

const VIA_KEYS = {
  invitation: 'audit.via.invitation',
  in_person: 'audit.via.in_person',
} as const;

function has<K extends string>(table: Record<K, unknown>, key: string): key is K {
  return Object.prototype.hasOwnProperty.call(table, key);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** 「签发邀请函」 for `invitation.issue`; an unknown action as it is. */
export function actionName(action: string, t: TFunction): string {
  return has(ACTION_KEYS, action) ? t(ACTION_KEYS[action]) : action;
}

/** A value as a person reads it: 是/否, a role's name, a phone in groups, — for nothing. */
export function fieldValue(key: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('audit.empty');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (key === 'role' && isRole(value)) return t(roleNameKey(value));
  if (key === 'via' && typeof value === 'string' && has(VIA_KEYS, value)) return t(VIA_KEYS[value]);
  if (key === 'proof' && typeof value === 'string' && has(PROOF_KEYS, value)) return t(PROOF_KEYS[value]);
  // The letters of a printing: how many (who they were for stays in the record itself).
  if (key === 'letters' && Array.isArray(value)) return String(value.length);
  if (key === 'phone' && typeof value === 'string') return formatPhone(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export interface AuditField {
  key: string;
  label: string;
  value: string;
}

/** A before or after record as label–value pairs, in the record's own order. */
export function auditFields(record: Record<string, unknown> | null | undefined, t: TFunction): AuditField[] {
  if (!record) return [];
  return Object.entries(record).map(([key, value]) => ({
    key,
    label: has(FIELD_KEYS, key) ? t(FIELD_KEYS[key]) : key,
    value: fieldValue(key, value, t),
  }));
}
