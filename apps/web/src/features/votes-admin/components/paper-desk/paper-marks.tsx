import { useTranslation } from 'react-i18next';
import type { MatterOnPaper, MotionReading, PaperMarksDraft } from '../../utils/paper-marks';
import { overTicked } from '../../utils/paper-marks';

const MOTION_READINGS: MotionReading[] = ['approve', 'oppose', 'abstain', 'spoilt'];

/**
 * The marks of an assembly's paper, entered as the paper shows them: one fieldset per matter.
 * Nothing ticked is a blank matter; an election accepts as many names as are ticked (the count
 * takes more than the seats as spoilt on that matter, and says so here) or 无法辨认.
 */
export function PaperMarksField({ matters, value, onChange, name }: { matters: readonly MatterOnPaper[]; value: PaperMarksDraft; onChange: (next: PaperMarksDraft) => void; name: string }) {
  const { t } = useTranslation();
  const set = (id: string, next: PaperMarksDraft[string]): void => onChange({ ...value, [id]: next });
  return (
    <div className="stack paper-marks">
      {matters.map((m, index) => {
        const current = value[m.id];
        return (
          <fieldset key={m.id} className="field choice-group">
            <legend className="field__label">{t('voteAdmin.marks.matter', { n: index + 1, title: m.title })}</legend>
            {m.kind === 'motion' ? (
              MOTION_READINGS.map((reading) => (
                <label key={reading} className="choice">
                  <input type="radio" name={`${name}-${m.id}`} value={reading} checked={current === reading} onChange={() => set(m.id, reading)} />
                  <span>{reading === 'spoilt' ? t('voteAdmin.marks.unreadable') : t(`voteAdmin.choice.${reading}`)}</span>
                </label>
              ))
            ) : (
              <>
                <p className="field__hint">{t('voteAdmin.marks.seats', { seats: m.seats })}</p>
                {(m.candidates ?? []).map((c) => {
                  const ticked = Array.isArray(current) && current.includes(c.id);
                  return (
                    <label key={c.id} className="choice">
                      <input
                        type="checkbox"
                        checked={ticked}
                        disabled={current === 'spoilt'}
                        onChange={() => {
                          const list = Array.isArray(current) ? current : [];
                          set(m.id, ticked ? list.filter((x) => x !== c.id) : [...list, c.id]);
                        }}
                      />
                      <span>{c.name}</span>
                    </label>
                  );
                })}
                <label className="choice">
                  <input type="checkbox" checked={current === 'spoilt'} onChange={() => set(m.id, current === 'spoilt' ? undefined : 'spoilt')} />
                  <span>{t('voteAdmin.marks.unreadable')}</span>
                </label>
                {overTicked(m, current) && (
                  <p className="notice notice--warning" role="status">
                    {t('voteAdmin.marks.overTicked', { seats: m.seats })}
                  </p>
                )}
              </>
            )}
            {current !== undefined && (
              <button type="button" className="button button--secondary" onClick={() => set(m.id, undefined)}>
                {t('voteAdmin.marks.clear', { title: m.title })}
              </button>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
