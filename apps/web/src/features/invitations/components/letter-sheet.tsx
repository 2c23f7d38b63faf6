import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/format';
import { invitationCodeDigits, signupUrl } from '../../../lib/invitation-code';
import type { Language } from '../../../lib/preferences';
import type { LetterPage } from '../utils/letter-pages';
import { QrCode } from '../../../components/qr-code';

interface LetterSheetViewProps {
  page: LetterPage;
  unitName: string;
  unitKind: 'cooperative' | 'compound';
  /** The site's address, printed for typing and put in the QR codes. */
  origin: string;
  /** The letter's language (Chinese unless chosen otherwise): it is for the residents, not for the staff. */
  language: Language;
  t: TFunction;
}

/**
 * One printed A5 letter: a household of a cooperative or an exclusive unit of a compound, with
 * the three steps to sign up and, for each person, their name, their one-time code in large
 * digits, a QR code that opens the sign-up page with the code filled in, and the expiry date.
 */
export function LetterSheetView({ page, unitName, unitKind, origin, language, t }: LetterSheetViewProps) {
  const { sheet } = page;
  const address = origin.replace(/\/$/, '');
  return (
    <article className="letter-sheet" lang={language} aria-label={t('letters.sheet.ariaLabel', { label: sheet.label })}>
      <header className="letter-sheet__header">
        <p className="letter-sheet__brand">
          <img src="/favicon.svg" alt="" width="24" height="24" className="letter-sheet__logo" />
          {t('letters.sheet.brand')}
        </p>
        <h3 className="letter-sheet__unit">{unitName}</h3>
        <p className="letter-sheet__label">
          <span>{t(unitKind === 'cooperative' ? 'letters.sheet.household' : 'letters.sheet.exclusiveUnit', { label: sheet.label })}</span>
          {sheet.place && <span className="letter-sheet__place">{sheet.place}</span>}
          {page.pages > 1 && <span className="letter-sheet__page">{t('letters.sheet.pageOf', { page: page.page, pages: page.pages })}</span>}
        </p>
      </header>
      <p className="letter-sheet__greeting">{t(unitKind === 'cooperative' ? 'letters.sheet.introCooperative' : 'letters.sheet.introCompound')}</p>
      <ol className="letter-sheet__steps">
        <li>
          {t('letters.sheet.step1')} <strong className="letter-sheet__address">{address}</strong>
          {t('letters.sheet.step1Qr')}
        </li>
        <li>{t('letters.sheet.step2')}</li>
        <li>{t('letters.sheet.step3')}</li>
      </ol>
      <ul className="letter-sheet__people">
        {page.people.map((person) => {
          const expires = formatDate(person.expiresAt, language);
          return (
            <li key={`${person.personType}-${person.personId}`} className="letter-person">
              <div className="letter-person__text">
                <p className="letter-person__name">
                  {person.name}
                  <span className="letter-person__type">{t(`letters.personType.${person.personType}`)}</span>
                </p>
                <p className="letter-person__code-label">{t('letters.sheet.codeLabel')}</p>
                <p className="letter-person__code" data-code={invitationCodeDigits(person.code)}>
                  {person.code}
                </p>
                {expires && <p className="letter-person__expiry">{t('letters.sheet.expires', { date: expires })}</p>}
              </div>
              <QrCode className="letter-person__qr" value={signupUrl(origin, person.code)} label={t('letters.sheet.qrLabel', { name: person.name })} />
            </li>
          );
        })}
      </ul>
      <footer className="letter-sheet__footer">{t('letters.sheet.footer')}</footer>
    </article>
  );
}
