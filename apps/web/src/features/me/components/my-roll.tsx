import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import type { MyCompound, MyHousehold } from '../api/get-my-roll';
import { useMyRoll } from '../api/get-my-roll';
import { areaSourceKey, memberBadges, unitArea, unitKindKey, votingNote } from '../utils/describe-roll';
import './my-roll.css';
import { Section } from '../../../components/section';

function Household({ household }: { household: MyHousehold }) {
  const { t } = useTranslation();
  return (
    <article className="card roll-card" aria-labelledby={`household-${household.householdId}`}>
      <p className="roll-card__unit">{household.unitName}</p>
      <h3 className="roll-card__title" id={`household-${household.householdId}`}>
        {t('me.household.number', { number: household.householdNumber })}
      </h3>
      {household.address && <p className="roll-card__meta">{household.address}</p>}
      <h4 className="visually-hidden">{t('me.household.membersHeading')}</h4>
      <ul className="plain-list member-list">
        {household.members.map((member, index) => {
          const badges = memberBadges(member);
          return (
            <li key={index} className={`member${member.isMe ? ' member--me' : ''}`} aria-current={member.isMe ? 'true' : undefined}>
              <span className="member__name">{member.name}</span>
              {badges.length > 0 && (
                <span className="member__badges">
                  {badges.map((badge) => (
                    <span key={badge} className={`badge badge--${badge}`}>
                      {t(`me.badge.${badge}`)}
                    </span>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </article>
  );
}

function Compound({ compound }: { compound: MyCompound }) {
  const { t } = useTranslation();
  return (
    <article className="card roll-card" aria-labelledby={`compound-${compound.unitId}`}>
      <h3 className="roll-card__title" id={`compound-${compound.unitId}`}>
        {compound.unitName}
      </h3>
      <ul className="plain-list unit-list">
        {compound.units.map((unit) => {
          const note = votingNote(unit);
          return (
            <li key={`${unit.relation}-${unit.id}`} className="unit">
              <p className="unit__heading">
                <span className="unit__number">{unit.number}</span>
                <span className="badge">{t(unitKindKey(unit.kind))}</span>
                {unit.relation === 'tenant' && <span className="badge badge--tenant">{t('me.unit.tenant')}</span>}
                {unit.coOwners.length > 0 && <span className="badge badge--shared">{t('me.unit.coOwned')}</span>}
              </p>
              <dl className="facts">
                {unit.buildingName && (
                  <div className="facts__row">
                    <dt>{t('me.unit.building')}</dt>
                    <dd>{unit.buildingName}</dd>
                  </div>
                )}
                <div className="facts__row">
                  <dt>{t('me.unit.area')}</dt>
                  <dd>
                    {t('me.unit.areaValue', { area: unitArea(unit) })}
                    <span className="facts__aside">{t('me.unit.areaSource', { source: t(areaSourceKey(unit.areaSource)) })}</span>
                  </dd>
                </div>
                {unit.coOwners.length > 0 && (
                  <div className="facts__row">
                    <dt>{t('me.unit.coOwners')}</dt>
                    <dd>{unit.coOwners.join(t('me.unit.nameSeparator'))}</dd>
                  </div>
                )}
                <div className="facts__row">
                  <dt>{t('me.unit.voting')}</dt>
                  <dd>{t(`me.voting.${note}`)}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </article>
  );
}

/** My household (cooperative) and my units (compound), or how to get linked when there are none. */
export function MyRoll() {
  const { t } = useTranslation();
  const roll = useMyRoll();

  if (roll.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (roll.isError) {
    return <QueryError error={roll.error} retrying={roll.isFetching} onRetry={() => void roll.refetch()} />;
  }
  const { households, compounds } = roll.data;
  if (households.length === 0 && compounds.length === 0) {
    return (
      <div className="empty-state">
        <h2 className="empty-state__title">{t('me.empty.title')}</h2>
        <p>{t('me.empty.body')}</p>
        <ul className="empty-state__ways">
          <li>{t('me.empty.wayLetter')}</li>
          <li>{t('me.empty.wayOffice')}</li>
        </ul>
      </div>
    );
  }
  return (
    <>
      {households.length > 0 && (
        <Section titleId="my-households" title={t('me.household.heading')}>
          {households.map((household) => (
            <Household key={household.householdId} household={household} />
          ))}
        </Section>
      )}
      {compounds.length > 0 && (
        <Section titleId="my-units" title={t('me.unit.heading')}>
          {compounds.map((compound) => (
            <Compound key={compound.unitId} compound={compound} />
          ))}
        </Section>
      )}
    </>
  );
}
