import { useTranslation } from 'react-i18next';
import type { MarkDraft, MotionMark, PaperMatter } from '../../utils/assembly-papers';
import { emptyMark, overSeats } from '../../utils/assembly-papers';

const MOTION_MARKS: { id: MotionMark; key: string }[] = [
  { id: 'approve', key: 'voteAdmin.choice.approve' },
  { id: 'oppose', key: 'voteAdmin.choice.oppose' },
  { id: 'abstain', key: 'voteAdmin.choice.abstain' },
  { id: 'spoilt', key: 'voteAdmin.assembly.unreadable' },
  { id: '', key: 'voteAdmin.assembly.blank' },
];

/**
 * An assembly's paper as staff read it, a fieldset per matter: a motion's 同意 / 反对 / 弃权,
 * 无法辨认, or left blank; an election's ticked names with no limit (what the paper shows — more
 * than the seats is said, and the server counts that matter as spoilt), or 无法辨认.
 */
export function AssemblyMarksFields({ matters, marks, onChange, name }: { matters: readonly PaperMatter[]; marks: Readonly<Record<string, MarkDraft>>; onChange: (next: Record<string, MarkDraft>) => void; name: string }) {
  const { t } = useTranslation();
  const set = (id: string, change: Partial<MarkDraft>): void => onChange({ ...marks, [id]: { ...(marks[id] ?? emptyMark()), ...change } });
  return (
    <div className="stack assembly-marks">
      {matters.map((matter, index) => {
        const mark = marks[matter.id] ?? emptyMark();
        const legend = t('voteAdmin.assembly.readingMatter', { number: index + 1, title: matter.title });
        if (matter.kind === 'motion')
          return (
            <fieldset key={matter.id} className="field choice-group assembly-marks__matter">
              <legend className="field__label">{legend}</legend>
              {MOTION_MARKS.map((m) => (
                <label key={m.id || 'blank'} className="choice">
                  <input type="radio" name={`${name}-${matter.id}`} value={m.id || 'blank'} checked={mark.choice === m.id} onChange={() => set(matter.id, { choice: m.id })} />
                  <span>{t(m.key as 'voteAdmin.choice.approve')}</span>
                </label>
              ))}
            </fieldset>
          );
        const seats = matter.seats ?? 0;
        return (
          <fieldset key={matter.id} className="field choice-group assembly-marks__matter">
            <legend className="field__label">{legend}</legend>
            <p className="field__hint">{t('voteAdmin.assembly.entrySeats', { count: seats })}</p>
            {(matter.candidates ?? []).map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="checkbox"
                  name={`${name}-${matter.id}-${c.id}`}
                  checked={mark.chosen.includes(c.id)}
                  disabled={mark.spoilt}
                  onChange={(e) => set(matter.id, { chosen: e.target.checked ? [...mark.chosen, c.id] : mark.chosen.filter((x) => x !== c.id) })}
                />
                <span>{c.name}</span>
              </label>
            ))}
            <label className="choice">
              <input type="checkbox" name={`${name}-${matter.id}-spoilt`} checked={mark.spoilt} onChange={(e) => set(matter.id, { spoilt: e.target.checked })} />
              <span>{t('voteAdmin.assembly.unreadable')}</span>
            </label>
            {overSeats(matter, mark) && (
              <p className="notice notice--warning" role="status">
                {t('voteAdmin.assembly.overSeats', { chosen: mark.chosen.length, count: seats })}
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
