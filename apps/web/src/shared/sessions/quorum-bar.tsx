import { formatArea } from '@yishi/domain';
import { useTranslation } from 'react-i18next';
import type { SessionQuorum } from './sessions-api';
import './quorum.css';

const width = (part: number, whole: number): number => (whole <= 0 || part <= 0 ? 0 : Math.min(100, (part / whole) * 100));

/**
 * Who is in the room against the rule: each measure (area, persons) as its words and a bar with the
 * two-thirds line; or, where no statute sets a quorum, only how many are here. The words carry it
 * all; the bars picture the same figures. A live region: a screen reader hears the verdict change.
 */
export function QuorumBar({ quorum, large = false }: { quorum: SessionQuorum; large?: boolean }) {
  const { t } = useTranslation();
  const amount = (id: 'area' | 'persons', value: number): string => (id === 'area' ? t('sessions.quorum.area', { value: formatArea(value) }) : t('sessions.quorum.persons', { count: value }));
  return (
    <section className={`quorum${large ? ' quorum--large' : ''}`} aria-live="polite" aria-atomic="true">
      <p className={`quorum__verdict quorum__verdict--${quorum.met === null ? 'none' : quorum.met ? 'met' : 'unmet'}`}>
        {quorum.met === null ? t('sessions.quorum.noQuorum', { count: quorum.present }) : quorum.met ? t('sessions.quorum.met') : t('sessions.quorum.unmet')}
      </p>
      {quorum.measures.length > 0 && (
        <ul className="plain-list quorum__measures">
          {quorum.measures.map((m) => (
            <li key={m.id} className={`quorum__measure${m.met ? ' quorum__measure--met' : ''}`}>
              <p className="quorum__name">{t(`sessions.quorum.measure.${m.id}`)}</p>
              <div className="quorum__bar" aria-hidden="true">
                <span className="quorum__fill" style={{ width: `${width(m.present, m.total)}%` }} />
                <span className="quorum__line" style={{ left: `${width(m.threshold.numerator, m.threshold.denominator)}%` }} />
              </div>
              <p className="quorum__figures">
                <strong>{m.percent === null ? '—' : `${m.percent}%`}</strong> {t('sessions.quorum.fraction', { present: amount(m.id, m.present), total: amount(m.id, m.total) })}
              </p>
              <p className="quorum__missing">{m.met ? t('sessions.quorum.reached') : t('sessions.quorum.missing', { amount: amount(m.id, m.missing) })}</p>
            </li>
          ))}
        </ul>
      )}
      {quorum.notCounted > 0 && <p className="quorum__note">{t('sessions.quorum.notCounted', { count: quorum.notCounted })}</p>}
      {quorum.statute && <p className="quorum__statute">{quorum.statute}</p>}
    </section>
  );
}
