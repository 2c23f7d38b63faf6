import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n';
import { consultationPath } from '../../../shared/consultations/links';
import { formatDate } from '../../../lib/format';
import type { VersionSummary } from '../api/list-versions';
import './drafts.css';

interface VersionPickerProps {
  consultationId: string;
  versions: readonly VersionSummary[];
  /** The version on screen. */
  shown: number;
  /** The newest published version. */
  latest: number;
}

/** The published versions, newest first, as links; the one on screen is marked. Nothing when there is only one. */
export function VersionPicker({ consultationId, versions, shown, latest }: VersionPickerProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (versions.length <= 1) return null;
  return (
    <nav className="version-picker" aria-label={t('draft.versions')}>
      <ul className="plain-list version-picker__list">
        {[...versions].reverse().map((version) => (
          <li key={version.id}>
            <Link
              to={consultationPath(consultationId, { version: version.number === latest ? null : version.number })}
              className="version-picker__link"
              aria-current={version.number === shown ? 'page' : undefined}
            >
              {version.number === latest ? t('draft.versionLatest', { number: version.number }) : t('draft.versionNumber', { number: version.number })}
              {version.publishedAt && <span className="version-picker__date">{formatDate(version.publishedAt, language)}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
