import { LIMITS } from '@yishi/contracts';
import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { LimitAnnouncer } from '../../../components/form/limit-announcer';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useFocusFirstError } from '../../../lib/forms';
import { checkPlainText } from '../../../lib/text-length';
import { useReportComment } from '../api/report-comment';
import { commentError } from '../utils/comment-errors';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

interface ReportFormProps {
  consultationId: string;
  commentId: string;
  onReported: () => void;
  onCancel: () => void;
}

/** Report abuse in a comment: what is wrong with it, in a few words; the moderators read it. */
export function ReportForm({ consultationId, commentId, onReported, onCancel }: ReportFormProps) {
  const { t } = useTranslation();
  const report = useReportComment(consultationId);
  const form = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const max = LIMITS.reason;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (report.isPending) return;
    setAlert(null);
    const problem = checkPlainText(reason, max);
    if (problem) {
      setFieldError(problem === 'empty' ? t('comments.report.reasonRequired') : t('comments.errors.field.maxLength', { max }));
      setAttempt((n) => n + 1);
      return;
    }
    setFieldError(null);
    report.mutate(
      { commentId, reason },
      {
        onSuccess: onReported,
        onError: (error) => {
          const view = commentError(error, t, max);
          if (view.onField) setFieldError(view.message);
          else setAlert(view.message);
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <form ref={form} className="stack comment-report" noValidate onSubmit={submit}>
      {alert && <FormAlert>{alert}</FormAlert>}
      <TextAreaField
        label={t('comments.report.reason')}
        hint={t('comments.report.hint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        maxChars={max}
        rows={2}
        error={fieldError}
        autoFocus
      />
      <LimitAnnouncer value={reason} max={max} />
      <ConfirmButtons confirm={report.isPending ? t('comments.report.submitting') : t('comments.report.submit')} busy={report.isPending || undefined} onCancel={onCancel} />
    </form>
  );
}
