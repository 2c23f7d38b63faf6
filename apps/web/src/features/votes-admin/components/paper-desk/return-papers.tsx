import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../../components/form/form-alert';
import { TextField } from '../../../../components/form/text-field';
import { LiveMessage } from '../../../../components/live-message';
import { errorMessage } from '../../../../lib/api-client';
import { conflictReason } from '../../../../lib/api-problems';
import { useMarkReturned } from '../../api/papers';
import type { VoteDetail } from '../../api/votes';
import { parseSerials } from '../../utils/papers';

/** 登记收回: serial numbers of the papers that came back (before voting closes). */
export function ReturnPapers({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const mark = useMarkReturned(vote.id);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ returned: number[]; already: number[] } | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (mark.isPending) return;
    const { serials, invalid } = parseSerials(text);
    const found = invalid.length > 0 ? t('voteAdmin.returned.invalid', { items: invalid.join(' ') }) : serials.length === 0 ? t('voteAdmin.returned.required') : null;
    setProblem(found);
    setDone(null);
    if (found) return;
    mark.mutate(serials, {
      onSuccess: (data) => {
        setDone(data);
        setText('');
      },
    });
  };
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.returned.heading')}
      </h3>
      <LiveMessage tone="success">
        {done && t('voteAdmin.returned.done', { count: done.returned.length, already: done.already.length > 0 ? t('voteAdmin.returned.already', { serials: done.already.join(', ') }) : '' })}
      </LiveMessage>
      {mark.isError && <FormAlert>{conflictReason(mark.error) === 'paper_void' ? t('voteAdmin.returned.void') : conflictReason(mark.error) === 'closed' ? t('voteAdmin.returned.closed') : errorMessage(mark.error, t)}</FormAlert>}
      <form className="stack" noValidate onSubmit={submit}>
        <TextField label={t('voteAdmin.returned.serials')} hint={t('voteAdmin.returned.hint')} name="returned" autoComplete="off" inputMode="text" value={text} onChange={(event) => setText(event.target.value)} error={problem} />
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={mark.isPending}>
            {mark.isPending ? t('voteAdmin.returned.saving') : t('voteAdmin.returned.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
