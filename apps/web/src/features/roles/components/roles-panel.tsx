import type { Role } from '@yishi/contracts';
import type { Grant } from '@yishi/domain';
import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { PhoneField } from '../../../components/form/phone-field';
import { QueryError } from '../../../components/query-error';
import { roleNameKey } from '../../../shared/roles/access';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { currentLanguage } from '../../../i18n';
import { formatDateTime, formatPhone } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/forms';
import { isMainlandMobile, normalisePhone } from '../../../lib/phone';
import { useGrantRole } from '../api/grant-role';
import type { NodeRole } from '../api/list-roles';
import { useRoles } from '../api/list-roles';
import { useRevokeRole } from '../api/revoke-role';
import { canRevoke, grantableRoles, grantableWithBuildings } from '../utils/grantable';
import './roles.css';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

interface RolesPanelProps {
  nodeId: string;
  nodeName: string;
  /** The node, its parent, … up to the street. */
  ancestry: string[];
  /** The signed-in person's id and grants (to show only what they may do). */
  me: string;
  grants: readonly Grant[];
  /** A compound's buildings (from its roll), to grant 楼长 for one of them; null elsewhere. */
  buildings?: readonly Building[] | null;
}

interface Building {
  id: string;
  name: string;
}

function RoleRow({ grant, revocable, nodeId }: { grant: NodeRole; revocable: boolean; nodeId: string }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeRole(nodeId);
  const [confirming, setConfirming] = useState(false);
  const role = t(roleNameKey(grant.role));
  const granted = formatDateTime(grant.grantedAt, currentLanguage(i18n));
  return (
    <li className="role-row">
      <div className="role-row__who">
        <p className="role-row__name">
          {grant.displayName}
          <span className={`badge badge--role badge--${grant.role}`}>{role}</span>
          {grant.buildingName && <span className="badge">{grant.buildingName}</span>}
        </p>
        <p className="role-row__meta">
          {formatPhone(grant.phone)}
          {granted && <> · {grant.grantedByName ? t('roles.list.grantedBy', { date: granted, name: grant.grantedByName }) : t('roles.list.grantedAt', { date: granted })}</>}
        </p>
      </div>
      {revocable && !confirming && (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('roles.revoke.button')}
          <span className="visually-hidden">{t('roles.revoke.whose', { name: grant.displayName, role })}</span>
        </button>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-label={t('roles.revoke.question', { name: grant.displayName, role })}>
          <p>{t('roles.revoke.question', { name: grant.displayName, role })}</p>
          {revoke.isError && <FormAlert>{errorMessage(revoke.error, t)}</FormAlert>}
          <ConfirmButtons confirm={t('roles.revoke.confirm')} busy={revoke.isPending} onConfirm={() => !revoke.isPending && revoke.mutate(grant.id)} onCancel={() => setConfirming(false)} />
        </div>
      )}
    </li>
  );
}

function GrantForm({ nodeId, roles, buildings, buildingHeadElsewhere }: { nodeId: string; roles: Role[]; buildings: readonly Building[]; buildingHeadElsewhere: boolean }) {
  const { t } = useTranslation();
  const grant = useGrantRole(nodeId);
  const form = useRef<HTMLFormElement>(null);
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>(roles[0] ?? 'resident');
  const [buildingId, setBuildingId] = useState('');
  const [buildingError, setBuildingError] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (grant.isPending) return;
    setAlert(null);
    setDone(null);
    const number = normalisePhone(phone);
    const needsBuilding = role === 'building_head';
    const phoneProblem = isMainlandMobile(number) ? null : t(number ? 'auth.errors.phoneInvalid' : 'auth.errors.phoneRequired');
    const buildingProblem = needsBuilding && !buildings.some((b) => b.id === buildingId) ? t('roles.grant.buildingRequired') : null;
    setPhoneError(phoneProblem);
    setBuildingError(buildingProblem);
    if (phoneProblem || buildingProblem) {
      setAttempt((n) => n + 1);
      return;
    }
    grant.mutate(
      { phone: number, role, ...(needsBuilding ? { buildingId } : {}) },
      {
        onSuccess: (granted) => {
          setDone(
            granted.buildingName
              ? t('roles.grant.doneInBuilding', { name: granted.displayName, role: t(roleNameKey(granted.role)), building: granted.buildingName })
              : t('roles.grant.done', { name: granted.displayName, role: t(roleNameKey(granted.role)) }),
          );
          setPhone('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'NOT_FOUND') setPhoneError(t('roles.grant.noAccount'));
          else if (error instanceof ApiError && error.code === 'CONFLICT') setAlert(t('roles.grant.alreadyHeld'));
          else setAlert(errorMessage(error, t));
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <form ref={form} className="stack card role-grant" noValidate onSubmit={submit} aria-labelledby="grant-role-title">
      <h3 id="grant-role-title" className="subsection__title">
        {t('roles.grant.heading')}
      </h3>
      {alert && <FormAlert>{alert}</FormAlert>}
      {done && <FormAlert tone="success">{done}</FormAlert>}
      <PhoneField
        label={t('roles.grant.phone')}
        hint={t('roles.grant.phoneHint')}
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={phoneError}
      />
      <SelectField
        label={t('roles.grant.role')}
        hint={buildingHeadElsewhere ? t('roles.grant.buildingHeadOnCompound') : undefined}
        name="role"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {t(roleNameKey(option))} — {t(`roles.describe.${option}`)}
          </option>
        ))}
      </SelectField>
      {role === 'building_head' && (
        <SelectField label={t('roles.grant.building')} hint={t('roles.grant.buildingHint')} name="buildingId" value={buildingId} onChange={(event) => setBuildingId(event.target.value)} error={buildingError}>
          <option value="">{t('roles.grant.buildingPlaceholder')}</option>
          {buildings.map((building) => (
            <option key={building.id} value={building.id}>
              {building.name}
            </option>
          ))}
        </SelectField>
      )}
      <button type="submit" className="button button--primary" aria-disabled={grant.isPending}>
        {grant.isPending ? t('roles.grant.submitting') : t('roles.grant.submit')}
      </button>
    </form>
  );
}

/** The roles granted on a node: list, revoke (with a confirmation), grant by phone number. */
export function RolesPanel({ nodeId, nodeName, ancestry, me, grants, buildings = null }: RolesPanelProps) {
  const { t } = useTranslation();
  const roles = useRoles(nodeId);
  const pickable = buildings !== null && buildings.length > 0;
  const offered = grantableRoles(grants, ancestry, { buildings: pickable });
  return (
    <div className="stack">
      <h2 className="section__title">{t('roles.heading')}</h2>
      <p className="section__intro">{t('roles.intro', { name: nodeName })}</p>
      {roles.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {roles.isError && <QueryError error={roles.error} retrying={roles.isFetching} onRetry={() => void roles.refetch()} />}
      {roles.isSuccess &&
        (roles.data.length === 0 ? (
          <p className="notice">{t('roles.list.empty')}</p>
        ) : (
          <ul className="plain-list role-list">
            {roles.data.map((grant) => (
              <RoleRow key={grant.id} grant={grant} nodeId={nodeId} revocable={canRevoke(grants, ancestry, me, grant)} />
            ))}
          </ul>
        ))}
      {offered.length > 0 && <GrantForm nodeId={nodeId} roles={offered} buildings={buildings ?? []} buildingHeadElsewhere={!pickable && grantableWithBuildings(grants, ancestry)} />}
    </div>
  );
}
