import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../lib/format';
import type { VersionAttachment } from '../api/get-version';
import './drafts.css';

/** The version's attachments (plans, maps, photos) as download links, with their kind and size. */
export function AttachmentList({ attachments }: { attachments: readonly VersionAttachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <ul className="plain-list attachment-list">
      {attachments.map((attachment) => (
        <li key={attachment.fileId}>
          <a href={attachment.url} download={attachment.originalName} className="attachment-list__link">
            <span className="attachment-list__title">{attachment.title}</span>
            <span className="attachment-list__meta">
              {t('draft.attachmentMeta', {
                kind: attachment.mime === 'application/pdf' ? t('draft.attachmentKind.pdf') : t('draft.attachmentKind.image'),
                size: formatFileSize(attachment.sizeBytes),
              })}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
