import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyUnit } from '../../../shared/roles/my-units';
import { UnitConsultations } from './unit-consultations';
import './consultations.css';

/** 「我的议事」: for each unit I belong to, its consultations, and the way to its topics. */
export function MyConsultations({ units }: { units: readonly MyUnit[] }) {
  const { t } = useTranslation();
  return (
    <>
      {units.map((unit) => (
        <section key={unit.id} className="my-unit" aria-labelledby={`my-unit-${unit.id}`}>
          <h3 className="my-unit__title" id={`my-unit-${unit.id}`}>
            <Link to={`/units/${unit.id}`}>{unit.name}</Link>
          </h3>
          <UnitConsultations unitId={unit.id} emptyText={t('consultations.noneInUnit', { unit: unit.name })} />
          <p className="my-unit__topics">
            <Link to={`/units/${unit.id}/topics`} className="button button--secondary">
              {t('consultations.unitTopics', { unit: unit.name })}
            </Link>
          </p>
        </section>
      ))}
    </>
  );
}
