import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleNameKey } from '../../../shared/roles/access';
import type { ConsoleNode } from '../utils/console-nodes';
import './console.css';

/** The organizations I work on, each opening its console page; units listed under a community. */
export function ConsoleNodeList({ nodes }: { nodes: ConsoleNode[] }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list console-nodes">
      {nodes.map((node) => (
        <li key={node.nodeId} className="card console-node" data-kind={node.nodeKind}>
          <p className="console-node__kind">{t(`organizations.kind.${node.nodeKind}`)}</p>
          <h2 className="console-node__name">
            <Link to={`/console/nodes/${node.nodeId}`} className="console-node__link">
              {node.nodeName}
            </Link>
          </h2>
          <p className="console-node__roles">
            {t('console.home.myRoles')}
            {node.roles.map((role, index) => (
              <span key={index} className={`badge badge--role badge--${role.role}`}>
                {role.buildingName ? t('console.home.roleInBuilding', { role: t(roleNameKey(role.role)), building: role.buildingName }) : t(roleNameKey(role.role))}
              </span>
            ))}
          </p>
          {node.units.length > 0 && (
            <>
              <h3 className="console-node__units-title">{t('console.home.units')}</h3>
              <ul className="plain-list console-node__units">
                {node.units.map((unit) => (
                  <li key={unit.id}>
                    <Link to={`/console/nodes/${unit.id}`} className="console-unit-link" data-kind={unit.kind}>
                      <span className="console-unit-link__name">{unit.name}</span>
                      <span className="console-unit-link__kind">{t(`organizations.kind.${unit.kind}`)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
