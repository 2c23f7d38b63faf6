import { LIMITS } from '@yishi/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { LimitAnnouncer } from '../../../components/form/limit-announcer';
import { TextAreaField } from '../../../components/form/text-area-field';
import { LiveMessage } from '../../../components/live-message';
import { useFocusFirstError } from '../../../lib/forms';
import { checkPlainText } from '../../../lib/text-length';
import { useCreateComment } from '../api/create-comment';
import type { CommentThread } from '../api/list-comments';
import { commentError } from '../utils/comment-errors';

interface CommentFormProps {
  consultationId: string;
  versionId: string;
  clauseId: string | null;
  /** Answer this top-level comment. */
  parentId?: string;
  label: string;
  submitLabel: string;
  doneMessage: string;
  /** Why the form cannot be used now (the fields are then disabled); null when it can. */
  blockedBy?: ReactNode;
  onSubmitted?: (thread: CommentThread) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/**
 * A plain-text opinion (or a reply) of at most 1,000 characters, with a counter. Posted opinions
 * cannot be edited or deleted, so the checked text first asks 「发表后不能修改」 with 确认发表 and
 * 返回修改 (changing the text asks again). The result is announced in a live region; a refusal is
 * said in words and focused.
 */
export function CommentForm({ consultationId, versionId, clauseId, parentId, label, submitLabel, doneMessage, blockedBy, onSubmitted, onCancel, autoFocus }: CommentFormProps) {
  const { t } = useTranslation();
  const create = useCreateComment(consultationId);
  const form = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** The opinion checked and waiting for 确认发表: it cannot be edited once posted. */
  const [confirming, setConfirming] = useState(false);
  const confirmBox = useRef<HTMLDivElement>(null);
  const confirmTitle = useId();
  useFocusFirstError(form, attempt);
  // The question takes the focus (a screen reader says it; the buttons are next by Tab) and is scrolled into view with its buttons.
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);
  const max = LIMITS.commentBody;
  const blocked = blockedBy !== undefined && blockedBy !== null;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (create.isPending || blocked) return;
    setDone(null);
    setAlert(null);
    const problem = checkPlainText(body, max);
    if (problem) {
      setFieldError(problem === 'empty' ? t('comments.errors.field.isNotEmpty') : t('comments.errors.field.maxLength', { max }));
      setAttempt((n) => n + 1);
      return;
    }
    setFieldError(null);
    if (!confirming) {
      setConfirming(true);
      return;
    }
    post();
  };

  const post = (): void => {
    if (create.isPending || blocked) return;
    create.mutate(parentId ? { body, parentId } : { body, versionId, ...(clauseId ? { clauseId } : {}) }, {
      onSuccess: (thread) => {
        setConfirming(false);
        setBody('');
        setDone(doneMessage);
        onSubmitted?.(thread);
      },
      onError: (error) => {
        setConfirming(false);
        const view = commentError(error, t, max);
        if (view.onField) setFieldError(view.message);
        else setAlert(view.message);
        setAttempt((n) => n + 1);
      },
    });
  };

  return (
    <form ref={form} className="stack comment-form" noValidate onSubmit={submit}>
      {blocked && <div className="notice notice--info comment-form__blocked">{blockedBy}</div>}
      {alert && <FormAlert>{alert}</FormAlert>}
      <TextAreaField
        label={label}
        hint={parentId ? t('comments.replyHint') : t('comments.hint')}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setConfirming(false);
        }}
        maxChars={max}
        rows={parentId ? 3 : 5}
        error={fieldError}
        disabled={blocked}
        // The reply form opens on a tap of 回复: the cursor goes where the person will type.
        autoFocus={autoFocus}
      />
      <LimitAnnouncer value={body} max={max} />
      {confirming ? (
        <div ref={confirmBox} className="confirm comment-form__confirm" role="group" aria-labelledby={confirmTitle} tabIndex={-1}>
          <p id={confirmTitle} className="comment-form__confirm-title">
            {t('comments.confirm.title')}
          </p>
          <p>{parentId ? t('comments.confirm.replyBody') : t('comments.confirm.body')}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" aria-disabled={create.isPending || undefined} onClick={post}>
              {create.isPending ? t('comments.submitting') : t('comments.confirm.post')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                form.current?.querySelector('textarea')?.focus();
              }}
            >
              {t('comments.confirm.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={blocked} aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('comments.submitting') : submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      )}
      <LiveMessage>{done}</LiveMessage>
    </form>
  );
}
