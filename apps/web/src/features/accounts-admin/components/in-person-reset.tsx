import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { PhoneField } from '../../../components/form/phone-field';
import { SelectField } from '../../../components/form/select-field';
import { currentLanguage } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { isMainlandMobile, normalisePhone } from '../../../lib/phone';
import type { IssuedResetCode, ResetLookup, ResetTarget } from '../api/in-person-reset';
import { useIssueResetCode, useLookUpForReset } from '../api/in-person-reset';
import './in-person-reset.css';
import { refusalWords } from '../../../shared/sessions/refusal-words';

/** Where the person may reset: the whole unit, or their own buildings. */
export type ResetScope = { kind: 'unit' } | { kind: 'building'; buildingId: string; buildingName: string | null };

/**
 * 当面重置密码: for a resident who cannot receive the SMS (a lost phone, a number no longer used)
 * and has come in person. Look the number up, compare the names on the roll with their identity
 * card, confirm, and the code appears once, in large digits, to write down for them; they enter
 * it on 找回密码 with their number within 30 minutes.
 */
export function InPersonReset({ unitId, scopes }: { unitId: string; scopes: ResetScope[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const buildings = scopes.flatMap((s) => (s.kind === 'building' ? [s] : []));
  const wholeUnit = scopes.some((s) => s.kind === 'unit');
  const [phone, setPhone] = useState('');
  const [buildingId, setBuildingId] = useState(wholeUnit ? '' : (buildings[0]?.buildingId ?? ''));
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [found, setFound] = useState<{ target: ResetTarget; person: ResetLookup } | null>(null);
  const [checked, setChecked] = useState(false);
  const [issued, setIssued] = useState<IssuedResetCode | null>(null);
  const lookup = useLookUpForReset(unitId);
  const issue = useIssueResetCode(unitId);
  const confirmId = useId();

  const start = (): void => {
    setFound(null);
    setIssued(null);
    setChecked(false);
    setPhone('');
    lookup.reset();
    issue.reset();
  };

  const find = (event: React.FormEvent): void => {
    event.preventDefault();
    const normal = normalisePhone(phone);
    if (!isMainlandMobile(normal)) {
      setPhoneError(t('accountsAdmin.phoneInvalid'));
      return;
    }
    setPhoneError(null);
    const target: ResetTarget = { phone: normal, ...(buildingId ? { buildingId } : {}) };
    lookup.mutate(target, { onSuccess: (person) => setFound({ target, person }) });
  };

  if (issued) {
    return (
      <div className="stack in-person-reset" role="status" aria-live="polite">
        <p>{t('accountsAdmin.issued.for', { name: issued.displayName })}</p>
        <p className="in-person-reset__code" aria-label={t('accountsAdmin.issued.codeLabel', { code: issued.code.split('').join(' ') })}>
          {issued.code}
        </p>
        <p>{t('accountsAdmin.issued.howTo', { time: formatDateTime(issued.expiresAt, language) ?? '' })}</p>
        <p className="notice notice--info">{t('accountsAdmin.issued.once')}</p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={start}>
            {t('accountsAdmin.issued.done')}
          </button>
        </div>
      </div>
    );
  }

  if (found) {
    return (
      <div className="stack in-person-reset">
        <h3 className="in-person-reset__name">{found.person.displayName}</h3>
        <ul className="plain-list">
          {found.person.places.map((p) => (
            <li key={`${p.personType}-${p.place}-${p.name}`}>
              {t(`accountsAdmin.personType.${p.personType}`)} · {p.name} · {p.building ? `${p.building} ` : ''}
              {p.place}
            </li>
          ))}
        </ul>
        <label className="choice">
          <input id={confirmId} type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
          <span>{t('accountsAdmin.checkedIdentity')}</span>
        </label>
        {issue.isError && <FormAlert>{refusalWords(issue.error, t)}</FormAlert>}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={!checked || issue.isPending}
            onClick={() => {
              if (checked && !issue.isPending) issue.mutate(found.target, { onSuccess: setIssued });
            }}
          >
            {t('accountsAdmin.issue')}
          </button>
          <button type="button" className="button button--secondary" onClick={start}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="stack in-person-reset" onSubmit={find} noValidate>
      <p className="section__intro">{t('accountsAdmin.intro')}</p>
      {buildings.length > 0 && (wholeUnit || buildings.length > 1) && (
        <SelectField label={t('accountsAdmin.building')} value={buildingId} onChange={(e) => setBuildingId(e.target.value)}>
          {wholeUnit && <option value="">{t('accountsAdmin.anyBuilding')}</option>}
          {buildings.map((b) => (
            <option key={b.buildingId} value={b.buildingId}>
              {b.buildingName ?? b.buildingId}
            </option>
          ))}
        </SelectField>
      )}
      <PhoneField label={t('accountsAdmin.phone')} hint={t('accountsAdmin.phoneHint')} value={phone} onChange={(e) => setPhone(e.target.value)} error={phoneError} />
      {lookup.isError && <FormAlert>{lookup.error instanceof ApiError && lookup.error.code === 'NOT_FOUND' ? t('accountsAdmin.notFound') : refusalWords(lookup.error, t)}</FormAlert>}
      <div className="button-row">
        <button type="submit" className="button button--primary" aria-disabled={lookup.isPending}>
          {t('accountsAdmin.find')}
        </button>
      </div>
    </form>
  );
}
