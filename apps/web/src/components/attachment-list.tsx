import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../lib/format';
import './attachment-list.css';

export interface AttachmentItem {
  fileId: string;
  title: string;
  url: string;
  mime: string;
  sizeBytes: number;
  /** The name the file is saved under; the title when absent. */
  originalName?: string;
}

/** Documents (plans, quotes, photos) as download links, with their kind and size: a draft's, a vote's. */
export function AttachmentList({ attachments, label }: { attachments: readonly AttachmentItem[]; label?: string }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <ul className="plain-list attachment-list" aria-label={label}>
      {attachments.map((attachment) => (
        <li key={attachment.fileId}>
          <a href={attachment.url} download={attachment.originalName ?? attachment.title} className="attachment-list__link">
            <span className="attachment-list__title">{attachment.title}</span>
            <span className="attachment-list__meta">
              {t('attachments.meta', {
                kind: attachment.mime === 'application/pdf' ? t('attachments.kind.pdf') : t('attachments.kind.image'),
                size: formatFileSize(attachment.sizeBytes),
              })}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
