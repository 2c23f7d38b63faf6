import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { Pagination } from '../../../components/pagination';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatPhone } from '../../../lib/format';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { RollBuilding } from '../api/list-exclusive-units';
import { useRollExclusiveUnits } from '../api/list-exclusive-units';
import type { RollRevision } from '../api/list-households';
import { useRollHouseholds } from '../api/list-households';
import type { RollGroupView, RollPersonView } from '../utils/roll-view';
import { exclusiveUnitGroup, householdGroup, pageCount } from '../utils/roll-view';
import type { RollListSearch } from '../utils/search-params';
import { readRollSearch, SEARCH_MAX_LENGTH, writeRollSearch } from '../utils/search-params';
import { LinkInPerson } from './link-in-person';
import { UnlinkPerson } from './unlink-person';
import { RevisionLine } from './revision-line';
import './rolls.css';

export interface RollListProps {
  unitId: string;
  unitKind: 'cooperative' | 'compound';
  /** Staff may link a resident in person (现场实名). */
  canLink: boolean;
  /** The letters page for one household, when I may print the unit's letters; else null. */
  householdLettersHref: ((household: { id: string; number: string }) => string) | null;
}

/** Wide enough for the table (in the browser's default em, whatever the text size). */
const WIDE_SCREEN = '(min-width: 64em)';

interface ListData {
  total: number;
  page: number;
  pageSize: number;
  groups: RollGroupView[];
  revision: RollRevision | null;
  buildings: RollBuilding[];
}

function SearchForm({ initial, unitKind, onSearch }: { initial: string; unitKind: RollListProps['unitKind']; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form role="search" className="roll-search" onSubmit={submit}>
      <TextField
        label={t('roll.search.label')}
        hint={t(unitKind === 'cooperative' ? 'roll.search.hintCooperative' : 'roll.search.hintCompound')}
        type="search"
        name="q"
        enterKeyHint="search"
        autoComplete="off"
        maxLength={SEARCH_MAX_LENGTH}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        addon={
          <button type="submit" className="button button--primary field__addon">
            {t('roll.search.submit')}
          </button>
        }
      />
      {initial && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            setDraft('');
            onSearch('');
          }}
        >
          {t('roll.search.clear')}
        </button>
      )}
    </form>
  );
}

function RoleBadges({ person }: { person: RollPersonView }) {
  const { t } = useTranslation();
  return (
    <>
      {person.roles.map((role) => (
        <span key={role} className={`badge roll-badge roll-badge--${role}`}>
          {t(`roll.badge.${role}`)}
        </span>
      ))}
      {person.unitCount !== null && <span className="badge roll-badge">{t('roll.person.unitCount', { count: person.unitCount })}</span>}
    </>
  );
}

function StatusBadges({ person }: { person: RollPersonView }) {
  const { t } = useTranslation();
  return (
    <>
      {person.status.map((status) => (
        <span key={status} className={`badge roll-badge roll-badge--${status}`}>
          {t(`roll.status.${status}`)}
        </span>
      ))}
    </>
  );
}

function GroupTitle({ group }: { group: RollGroupView }) {
  const { t } = useTranslation();
  return <>{t(group.kind === 'household' ? 'roll.group.household' : 'roll.group.unit', { number: group.number })}</>;
}

/** A household's address, or a unit's building, kind and area. */
function groupFacts(group: RollGroupView, t: TFunction): string[] {
  if (group.unit) {
    const { buildingName, kind, area, areaSource } = group.unit;
    return [
      ...(buildingName ? [buildingName] : []),
      t(`me.unitKind.${kind}` as const),
      t('roll.group.area', { area, source: t(`me.areaSource.${areaSource}` as const) }),
    ];
  }
  return group.address ? [group.address] : [];
}

function LettersLink({ group, href }: { group: RollGroupView; href: RollListProps['householdLettersHref'] }) {
  const { t } = useTranslation();
  if (!href || !group.householdId || !group.needsLetters) return null;
  return (
    <Link to={href({ id: group.householdId, number: group.number })} className="button button--secondary button--small roll-group__letters">
      {t('roll.group.letters')}
      <span className="visually-hidden">{t('roll.group.lettersWhose', { number: group.number })}</span>
    </Link>
  );
}

/** Phones: one card per household or unit, its people listed inside. */
function RollCards({ groups, unitId, canLink, lettersHref }: { groups: RollGroupView[]; unitId: string; canLink: boolean; lettersHref: RollListProps['householdLettersHref'] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <ul className="plain-list roll-groups">
      {groups.map((group) => {
        const titleId = `roll-group-${group.key}`;
        const facts = groupFacts(group, t);
        return (
          <li key={group.key} className="card roll-group">
            <article aria-labelledby={titleId}>
              <header className="roll-group__head">
                <h3 className="roll-group__title" id={titleId}>
                  <GroupTitle group={group} />
                </h3>
                {facts.length > 0 && <p className="roll-group__facts">{facts.join(t('roll.separator'))}</p>}
                <LettersLink group={group} href={lettersHref} />
              </header>
              <ul className="plain-list roll-people">
                {group.people.map((person) => {
                  const details = [
                    person.birthDate ? t('roll.person.born', { date: formatDate(person.birthDate, language) ?? person.birthDate }) : null,
                    person.idLast4 ? t('roll.person.idLast4', { last4: person.idLast4 }) : null,
                    person.phone ? t('roll.person.phone', { phone: formatPhone(person.phone) }) : null,
                  ].filter((detail): detail is string => detail !== null);
                  return (
                    <li key={person.key} className="roll-person">
                      <p className="roll-person__line">
                        <span className="roll-person__name">{person.name}</span>
                        <RoleBadges person={person} />
                        <StatusBadges person={person} />
                      </p>
                      {details.length > 0 && <p className="roll-person__details">{details.join(t('roll.separator'))}</p>}
                      {canLink && <LinkInPerson unitId={unitId} person={person} groupNumber={group.number} />}
                      {canLink && <UnlinkPerson unitId={unitId} person={person} groupNumber={group.number} />}
                    </li>
                  );
                })}
              </ul>
            </article>
          </li>
        );
      })}
    </ul>
  );
}

/** Wide screens: a table, one row per person, the household or unit heading its rows. */
function RollTable({
  groups,
  unitId,
  unitKind,
  canLink,
  lettersHref,
  caption,
}: {
  groups: RollGroupView[];
  unitId: string;
  unitKind: RollListProps['unitKind'];
  canLink: boolean;
  lettersHref: RollListProps['householdLettersHref'];
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const cooperative = unitKind === 'cooperative';
  return (
    <div className="roll-table-wrap">
      <table className="roll-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(cooperative ? 'roll.table.household' : 'roll.table.unit')}</th>
            <th scope="col">{t('roll.table.name')}</th>
            {cooperative && <th scope="col">{t('roll.table.birthDate')}</th>}
            <th scope="col">{t('roll.table.idLast4')}</th>
            <th scope="col">{t('roll.table.phone')}</th>
            <th scope="col">{t('roll.table.status')}</th>
            {canLink && <th scope="col">{t('roll.table.actions')}</th>}
          </tr>
        </thead>
        {groups.map((group) => {
          const facts = groupFacts(group, t);
          const rows = Math.max(1, group.people.length);
          const heading = (
            <th scope="rowgroup" rowSpan={rows} className="roll-table__group">
              <span className="roll-table__number">
                <GroupTitle group={group} />
              </span>
              {facts.length > 0 && <span className="roll-table__fact">{facts.join(t('roll.separator'))}</span>}
              <LettersLink group={group} href={lettersHref} />
            </th>
          );
          return (
            <tbody key={group.key}>
              {group.people.length === 0 && (
                <tr>
                  {heading}
                  <td colSpan={canLink ? 6 : 5}>{t('roll.group.nobody')}</td>
                </tr>
              )}
              {group.people.map((person, index) => (
                <tr key={person.key}>
                  {index === 0 && heading}
                  <td>
                    <span className="roll-person__name">{person.name}</span>
                    <RoleBadges person={person} />
                  </td>
                  {cooperative && <td className="roll-table__nowrap">{person.birthDate ? (formatDate(person.birthDate, language) ?? person.birthDate) : '—'}</td>}
                  <td className="roll-table__nowrap">{person.idLast4 ?? '—'}</td>
                  <td className="roll-table__nowrap">{person.phone ? formatPhone(person.phone) : '—'}</td>
                  <td>
                    {person.status.length > 0 ? (
                      <StatusBadges person={person} />
                    ) : (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t('roll.status.none')}</span>
                      </>
                    )}
                  </td>
                  {canLink && (
                    <td>
                      <LinkInPerson unitId={unitId} person={person} groupNumber={group.number} />
                      <UnlinkPerson unitId={unitId} person={person} groupNumber={group.number} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/**
 * A unit's roll (名册): search, the households with their members (cooperative) or the units with
 * their owners and tenants (compound, with a building filter), a page at a time; who is linked
 * (已实名) and who holds a letter not yet used; 现场实名 and a household's letters for staff.
 */
export function RollList({ unitId, unitKind, canLink, householdLettersHref }: RollListProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readRollSearch(params);
  const wide = useMediaQuery(WIDE_SCREEN);
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const resultsId = useId();
  const cooperative = unitKind === 'cooperative';
  const households = useRollHouseholds(unitId, { q: search.q, page: search.page }, cooperative);
  const units = useRollExclusiveUnits(unitId, { q: search.q, page: search.page, buildingId: search.buildingId }, !cooperative);
  const query = cooperative ? households : units;

  let data: ListData | null = null;
  if (cooperative && households.data) {
    const { total, page, pageSize, items, revision } = households.data;
    data = { total, page, pageSize, revision, buildings: [], groups: items.map(householdGroup) };
  } else if (!cooperative && units.data) {
    const { total, page, pageSize, items, revision, buildings } = units.data;
    data = { total, page, pageSize, revision, buildings, groups: items.map(exclusiveUnitGroup) };
  }

  const go = (next: RollListSearch): void => {
    setParams(writeRollSearch(next));
  };
  const toPage = (page: number): void => {
    go({ ...search, page });
    resultsTitle.current?.focus();
  };

  const pages = data ? pageCount(data.total, data.pageSize) : 1;
  const building = data?.buildings.find((b) => b.id === search.buildingId) ?? null;
  let status = '';
  if (data) {
    const noun = cooperative ? 'Households' : 'Units';
    if (data.total === 0) status = search.q ? t('roll.list.noneFound', { q: search.q }) : building ? t('roll.list.emptyBuilding', { building: building.name }) : t('roll.list.empty');
    else if (search.q) status = t(`roll.list.found${noun}`, { count: data.total, q: search.q });
    else if (building) status = t('roll.list.totalInBuilding', { count: data.total, building: building.name });
    else status = t(`roll.list.total${noun}`, { count: data.total });
    if (pages > 1) status += t('roll.list.pageOf', { page: data.page, pages });
  }

  return (
    <div className="roll-list stack">
      {data?.revision && <RevisionLine revision={data.revision} />}
      <SearchForm key={search.q} initial={search.q} unitKind={unitKind} onSearch={(q) => go({ ...search, q, page: 1 })} />
      {!cooperative && data && data.buildings.length > 0 && (
        <SelectField label={t('roll.search.building')} name="building" value={search.buildingId ?? ''} onChange={(event) => go({ ...search, buildingId: event.target.value || null, page: 1 })}>
          <option value="">{t('roll.search.allBuildings')}</option>
          {data.buildings.map((option) => (
            <option key={option.id} value={option.id}>
              {t('roll.search.buildingOption', { name: option.name, count: option.exclusiveUnits })}
            </option>
          ))}
        </SelectField>
      )}
      <section className="roll-results" aria-labelledby={resultsId} aria-busy={query.isFetching}>
        <h3 className="visually-hidden" id={resultsId} ref={resultsTitle} tabIndex={-1}>
          {t('roll.list.resultsHeading')}
        </h3>
        {query.isPending && (
          <p className="notice" role="status">
            {t('common.loading')}
          </p>
        )}
        {query.isError && !data && <QueryError error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />}
        {data && (
          <>
            <p className="roll-results__status" role="status">
              {status}
            </p>
            {data.groups.length > 0 &&
              (wide ? (
                <RollTable groups={data.groups} unitId={unitId} unitKind={unitKind} canLink={canLink} lettersHref={householdLettersHref} caption={status} />
              ) : (
                <RollCards groups={data.groups} unitId={unitId} canLink={canLink} lettersHref={householdLettersHref} />
              ))}
            <Pagination page={data.page} pages={pages} onPage={toPage} label={t('roll.list.pagination')} />
          </>
        )}
      </section>
    </div>
  );
}
