import type { FormEvent, RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { errorMessage } from '../../../lib/api-client';
import type { Language } from '../../../lib/preferences';
import { LANGUAGES } from '../../../lib/preferences';
import type { IssueRequest, PrintedLetters } from '../api/issue-invitations';
import { useIssueInvitations } from '../api/issue-invitations';
import type { GrantedScope, IssueScope, ScopeExtras } from '../utils/letter-scopes';
import { initialScopeKey, issueRequestFor, letterScopes, scopeKey } from '../utils/letter-scopes';
import './letters.css';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

interface IssueLettersProps {
  unitId: string;
  unitName: string;
  unitKind: 'cooperative' | 'compound';
  /** What the person's roles open: the whole unit, or their own buildings. */
  scopes: GrantedScope[];
  /** A compound's buildings from its roll, to print one building's letters. */
  buildings?: ScopeExtras['buildings'];
  /** A cooperative's household chosen on the roll, to print its letters only. */
  household?: ScopeExtras['household'];
  /** Where to choose one household (the roll), or null. */
  householdPickerHref?: string | null;
}

/** More choices than this: a select (a compound's buildings) instead of radio buttons. */
const MAX_RADIOS = 3;

/**
 * The printable letters as the API rendered them, in a frame of their own: their A5 pages and
 * styles stay theirs, and 打印 prints the frame alone. The document carries no script.
 */
function PrintableLetters({ letters, frame, onPrinted }: { letters: PrintedLetters; frame: RefObject<HTMLIFrameElement | null>; onPrinted: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const element = frame.current;
    if (!element) return undefined;
    const listen = (): void => element.contentWindow?.addEventListener('afterprint', onPrinted);
    element.addEventListener('load', listen);
    listen();
    return () => {
      element.removeEventListener('load', listen);
      element.contentWindow?.removeEventListener('afterprint', onPrinted);
    };
  }, [frame, letters, onPrinted]);
  return <iframe ref={frame} className="letters-frame" title={t('letters.result.previewLabel')} srcDoc={letters.html} />;
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
      <ConfirmButtons confirm={t('letters.leave.stay')} onConfirm={() => blocker.reset?.()} onCancel={() => blocker.proceed?.()} cancel={t('letters.leave.leave')} />
    </dialog>
  );
}

/**
 * Issue and print invitation letters for a unit. The codes exist only in the answer (the API
 * stores hashes), so the page says so loudly, offers 打印 at once, and asks before leaving.
 */
export function IssueLetters({ unitId, unitName, unitKind, scopes, buildings = null, household = null, householdPickerHref = null }: IssueLettersProps) {
  const { t } = useTranslation();
  const issue = useIssueInvitations(unitId);
  const options = letterScopes(scopes, { unitKind, buildings, household });
  const [selected, setSelected] = useState(() => initialScopeKey(options));
  const [reissue, setReissue] = useState(false);
  const [language, setLanguage] = useState<Language>('zh-CN');
  const [letters, setLetters] = useState<PrintedLetters | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [printed, setPrinted] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const [shownAt, setShownAt] = useState(0);

  useEffect(() => {
    if (shownAt > 0) result.current?.focus();
  }, [shownAt]);

  const markPrinted = useCallback(() => setPrinted(true), []);

  const scope = options.find((option) => scopeKey(option) === selected) ?? options[0];

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (issue.isPending || !scope) return;
    const request: IssueRequest = { ...issueRequestFor(scope, reissue), language };
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

  const scopeName = (option: IssueScope): string => {
    switch (option.kind) {
      case 'unit':
        return t(unitKind === 'cooperative' ? 'letters.scope.wholeCooperative' : 'letters.scope.wholeCompound', { name: unitName });
      case 'household':
        return t('letters.scope.household', { number: option.householdNumber });
      case 'building':
        if (option.mine) return t('letters.scope.building', { name: option.buildingName ?? '' });
        return option.exclusiveUnits === null
          ? t('letters.scope.otherBuilding', { name: option.buildingName ?? '' })
          : t('letters.scope.buildingWithUnits', { name: option.buildingName ?? '', count: option.exclusiveUnits });
    }
  };
  const offerHouseholdPicker = unitKind === 'cooperative' && !household && householdPickerHref !== null && options.some((option) => option.kind === 'unit');

  const codes = letters ? letters.letters : 0;

  return (
    <div className="issue-letters">
      <LeaveGuard active={!!letters && codes > 0 && !printed} />
      <form className="stack no-print" noValidate onSubmit={submit} aria-labelledby="issue-letters-title">
        <h2 className="section__title" id="issue-letters-title">
          {t('letters.issue.heading')}
        </h2>
        <p className="section__intro">{t(unitKind === 'cooperative' ? 'letters.issue.introCooperative' : 'letters.issue.introCompound')}</p>
        {options.length > MAX_RADIOS && scope && (
          <SelectField label={t('letters.scope.legend')} hint={t('letters.scope.pickHint')} name="scope" value={scopeKey(scope)} onChange={(event) => setSelected(event.target.value)}>
            {options.map((option) => (
              <option key={scopeKey(option)} value={scopeKey(option)}>
                {scopeName(option)}
              </option>
            ))}
          </SelectField>
        )}
        {options.length > 1 && options.length <= MAX_RADIOS && (
          <fieldset className="choice-group">
            <legend className="field__label">{t('letters.scope.legend')}</legend>
            {options.map((option) => (
              <label key={scopeKey(option)} className="choice">
                <input type="radio" name="scope" checked={scope !== undefined && scopeKey(option) === scopeKey(scope)} onChange={() => setSelected(scopeKey(option))} />
                <span>{scopeName(option)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {options.length === 1 && scope && (
          <p>
            <span className="field__label">{t('letters.scope.legend')}</span> {scopeName(scope)}
          </p>
        )}
        {offerHouseholdPicker && householdPickerHref && (
          <p className="field__hint">
            {t('letters.scope.oneHouseholdHint')} <Link to={householdPickerHref}>{t('letters.scope.chooseHousehold')}</Link>
          </p>
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
            <p className="notice__text">{t('letters.result.issued', { count: codes })}</p>
            <p>{t('letters.result.printNow')}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--primary button--large"
                onClick={() => {
                  // print() returns once the print dialog has closed (printed or not): the page says so.
                  frame.current?.contentWindow?.print();
                  markPrinted();
                }}
              >
                {t('letters.result.print')}
              </button>
            </div>
            {printed && <p className="issue-letters__printed">{t('letters.result.printedHint')}</p>}
          </div>
        )}
      </div>
      {letters && codes > 0 && (
        <section className="letters-print" aria-label={t('letters.result.previewLabel')}>
          <PrintableLetters letters={letters} frame={frame} onPrinted={markPrinted} />
        </section>
      )}
    </div>
  );
}
