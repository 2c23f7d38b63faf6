import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { errorMessage } from '../../../lib/api-client';
import type { Language } from '../../../lib/preferences';
import { LANGUAGES } from '../../../lib/preferences';
import type { IssuedLetters, IssueRequest } from '../api/issue-invitations';
import { useIssueInvitations } from '../api/issue-invitations';
import { usePrintPage } from '../hooks/use-print-page';
import { codeCount, letterPages } from '../utils/letter-pages';
import { LetterSheetView } from './letter-sheet';
import './letters.css';

/** Whose letters: the whole unit, or one building (a building head's own). */
export type IssueScope = { kind: 'unit' } | { kind: 'building'; buildingId: string; buildingName: string | null };

interface IssueLettersProps {
  unitId: string;
  unitName: string;
  unitKind: 'cooperative' | 'compound';
  scopes: IssueScope[];
}

const A5_PAGE = '@page { size: A5 portrait; margin: 0; }';

/** The printable letters, with A5 pages while they are on screen. */
function PrintableLetters({ letters, language }: { letters: IssuedLetters; language: Language }) {
  const { i18n } = useTranslation();
  usePrintPage(A5_PAGE);
  const t = i18n.getFixedT(language);
  return (
    <div className="letters">
      {letterPages(letters.sheets).map((page) => (
        <LetterSheetView
          key={page.key}
          page={page}
          unitName={letters.unitName}
          unitKind={letters.unitKind}
          origin={window.location.origin}
          language={language}
          t={t}
        />
      ))}
    </div>
  );
}

/** Asks before leaving the page while issued letters have not been printed: their codes are shown only here. */
function LeaveGuard({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!active) return undefined;
    const warn = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (blocker.state === 'blocked' && !element.open) element.showModal();
    if (blocker.state !== 'blocked' && element.open) element.close();
  }, [blocker.state]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="leave-letters-title" onCancel={() => blocker.reset?.()}>
      <h2 id="leave-letters-title" className="dialog__title">
        {t('letters.leave.title')}
      </h2>
      <p>{t('letters.leave.body')}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => blocker.reset?.()}>
          {t('letters.leave.stay')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => blocker.proceed?.()}>
          {t('letters.leave.leave')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * Issue and print invitation letters for a unit. The codes exist only in the answer (the API
 * stores hashes), so the page says so loudly, offers 打印 at once, and asks before leaving.
 */
export function IssueLetters({ unitId, unitName, unitKind, scopes }: IssueLettersProps) {
  const { t } = useTranslation();
  const issue = useIssueInvitations(unitId);
  const [scopeIndex, setScopeIndex] = useState(0);
  const [reissue, setReissue] = useState(false);
  const [language, setLanguage] = useState<Language>('zh-CN');
  const [letters, setLetters] = useState<IssuedLetters | null>(null);
  const [printed, setPrinted] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const [shownAt, setShownAt] = useState(0);

  useEffect(() => {
    if (shownAt > 0) result.current?.focus();
  }, [shownAt]);

  useEffect(() => {
    if (!letters) return undefined;
    const done = (): void => setPrinted(true);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, [letters]);

  const scope = scopes[scopeIndex] ?? scopes[0];

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (issue.isPending || !scope) return;
    const request: IssueRequest = { ...(scope.kind === 'building' ? { buildingId: scope.buildingId } : {}), ...(reissue ? { reissue: true } : {}) };
    issue.mutate(request, {
      onSuccess: (issued) => {
        setLetters(issued);
        setPrinted(false);
        setReissue(false);
        setShownAt((n) => n + 1);
      },
      onError: () => setShownAt((n) => n + 1),
    });
  };

  const scopeName = (option: IssueScope): string =>
    option.kind === 'unit'
      ? t(unitKind === 'cooperative' ? 'letters.scope.wholeCooperative' : 'letters.scope.wholeCompound', { name: unitName })
      : t('letters.scope.building', { name: option.buildingName ?? '' });

  const codes = letters ? codeCount(letters.sheets) : 0;
  const pages = letters ? letterPages(letters.sheets).length : 0;

  return (
    <div className="issue-letters">
      <LeaveGuard active={!!letters && codes > 0 && !printed} />
      <form className="stack no-print" noValidate onSubmit={submit} aria-labelledby="issue-letters-title">
        <h2 className="section__title" id="issue-letters-title">
          {t('letters.issue.heading')}
        </h2>
        <p className="section__intro">{t(unitKind === 'cooperative' ? 'letters.issue.introCooperative' : 'letters.issue.introCompound')}</p>
        {scopes.length > 1 ? (
          <fieldset className="choice-group">
            <legend className="field__label">{t('letters.scope.legend')}</legend>
            {scopes.map((option, index) => (
              <label key={option.kind === 'unit' ? 'unit' : option.buildingId} className="choice">
                <input type="radio" name="scope" checked={index === scopeIndex} onChange={() => setScopeIndex(index)} />
                <span>{scopeName(option)}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          scope && (
            <p>
              <span className="field__label">{t('letters.scope.legend')}</span> {scopeName(scope)}
            </p>
          )
        )}
        <div className={`choice-box${reissue ? ' choice-box--warning' : ''}`}>
          <label className="choice">
            <input type="checkbox" checked={reissue} onChange={(event) => setReissue(event.target.checked)} aria-describedby="reissue-warning" />
            <span>{t('letters.issue.reissue')}</span>
          </label>
          <p className="choice-box__hint" id="reissue-warning">
            {t('letters.issue.reissueWarning')}
          </p>
        </div>
        <SelectField label={t('letters.issue.language')} hint={t('letters.issue.languageHint')} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng}>
              {t('language.nativeName', { lng })}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary" aria-disabled={issue.isPending}>
          {issue.isPending ? t('letters.issue.submitting') : t(reissue ? 'letters.issue.submitReissue' : 'letters.issue.submit')}
        </button>
      </form>

      <div ref={result} tabIndex={-1} className="issue-letters__result">
        {issue.isError && <FormAlert>{errorMessage(issue.error, t)}</FormAlert>}
        {letters && codes === 0 && (
          <p className="notice notice--info no-print" role="status">
            {t('letters.result.none')}
          </p>
        )}
        {letters && codes > 0 && (
          <div className="notice notice--warning no-print" role="alert">
            <p className="notice__text">{t('letters.result.issued', { count: codes, pages })}</p>
            <p>{t('letters.result.printNow')}</p>
            <div className="button-row">
              <button type="button" className="button button--primary button--large" onClick={() => window.print()}>
                {t('letters.result.print')}
              </button>
            </div>
            {printed && <p className="issue-letters__printed">{t('letters.result.printedHint')}</p>}
          </div>
        )}
      </div>
      {letters && codes > 0 && (
        <section className="letters-print" aria-label={t('letters.result.previewLabel')}>
          <PrintableLetters letters={letters} language={language} />
        </section>
      )}
    </div>
  );
}
