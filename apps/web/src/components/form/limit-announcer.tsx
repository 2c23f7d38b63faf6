import { useTranslation } from 'react-i18next';
import { characterCount, counterBucket } from '../../lib/text-length';

/**
 * Tells screen-reader users, politely and once per step, that a text nears or passes its limit
 * (「还可输入不到 20 字」): the counter under a box is read with the field, but a person typing
 * does not hear it change. Put it next to a TextAreaField with `maxChars`.
 */
export function LimitAnnouncer({ value, max }: { value: string; max: number }) {
  const { t } = useTranslation();
  const bucket = counterBucket(characterCount(value), max);
  return (
    <p className="visually-hidden" aria-live="polite">
      {bucket === 'plenty' ? '' : t(`form.counterNear.${bucket}`, { max })}
    </p>
  );
}
