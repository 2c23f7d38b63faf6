import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { Briefing } from '../api/list-briefings';
import type { BriefingSignup } from '../api/list-signups';
import { useSignups } from '../api/list-signups';
import { useRecordAttendance } from '../api/record-attendance';
import { attendanceRequest, BRIEFING_LIMITS } from '../utils/briefing-form';

function AttendanceForm({ consultationId, briefing, signups, canRecord }: { consultationId: string; briefing: Briefing; signups: BriefingSignup[]; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const record = useRecordAttendance(consultationId);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(signups.filter((s) => s.attendedAt !== null).map((s) => s.userId)));
  const [walkIns, setWalkIns] = useState(String(briefing.walkIns));
  const [walkInsError, setWalkInsError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const toggle = (userId: string, on: boolean): void => {
    setSaved(false);
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (record.isPending) return;
    const count = Number(walkIns.trim() || '0');
    if (!/^\d*$/.test(walkIns.trim()) || count > BRIEFING_LIMITS.walkIns) {
      setWalkInsError(t('convene.briefings.errors.walkIns', { max: BRIEFING_LIMITS.walkIns }));
      return;
    }
    setWalkInsError(null);
    record.mutate({ briefingId: briefing.id, body: attendanceRequest(signups, ticked, count) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="stack attendance" noValidate onSubmit={submit} aria-label={t('convene.briefings.attendanceHeading')}>
      {record.isError && <FormAlert>{errorMessage(record.error, t)}</FormAlert>}
      {saved && <FormAlert tone="success">{t('convene.briefings.attendanceSaved')}</FormAlert>}
      {signups.length === 0 ? (
        <p className="notice">{t('convene.briefings.noSignups')}</p>
      ) : (
        <fieldset className="choice-group">
          <legend className="field__label">{t('convene.briefings.signupList', { count: signups.length })}</legend>
          {signups.map((signup) => (
            <label key={signup.userId} className="choice">
              <input type="checkbox" checked={ticked.has(signup.userId)} disabled={!canRecord} onChange={(event) => toggle(signup.userId, event.target.checked)} />
              <span>
                {signup.displayName}
                <span className="attendance__meta">{t('convene.briefings.signedUpAt', { date: formatDateTime(signup.signedUpAt, currentLanguage(i18n)) ?? '' })}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {canRecord && (
        <>
          <TextField
            label={t('convene.briefings.walkIns')}
            hint={t('convene.briefings.walkInsHint')}
            name="walkIns"
            inputMode="numeric"
            autoComplete="off"
            value={walkIns}
            onChange={(event) => {
              setSaved(false);
              setWalkIns(event.target.value);
            }}
            error={walkInsError}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" aria-disabled={record.isPending}>
              {t('convene.briefings.saveAttendance')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/** 报名与签到: who signed up, a tick for each who came, and the count of those who came without signing up. */
export function Attendance({ consultationId, briefing, canRecord }: { consultationId: string; briefing: Briefing; canRecord: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const signups = useSignups(consultationId, briefing.id, open);
  return (
    <details className="briefing-desk__attendance" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('convene.briefings.attendanceHeading')}</summary>
      {open && signups.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {signups.isError && <QueryError error={signups.error} retrying={signups.isFetching} onRetry={() => void signups.refetch()} />}
      {signups.data && <AttendanceForm consultationId={consultationId} briefing={briefing} signups={signups.data} canRecord={canRecord} />}
    </details>
  );
}
