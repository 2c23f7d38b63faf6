import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import type { OrgTreeNode } from '../api/get-organization-tree';
import { useOrganizationTree } from '../api/get-organization-tree';
import { statsPhrases } from '../utils/describe-stats';
import './organization-tree.css';

type HeadingTag = 'h3' | 'h4' | 'h5' | 'h6';
const HEADINGS: readonly HeadingTag[] = ['h3', 'h4', 'h5', 'h6'];

interface NodeProps {
  node: OrgTreeNode;
  depth: number;
}

function OrganizationNode({ node, depth }: NodeProps) {
  const { t } = useTranslation();
  // The page has h1 (app) and h2 (section): the tree starts at h3 and stops deepening at h6.
  const Heading = HEADINGS[Math.min(depth, HEADINGS.length - 1)] ?? 'h6';
  const phrases = statsPhrases(node.kind, node.stats, t);
  // The separator ends its phrase ("3 buildings ·"): a no-break space keeps the dot from
  // wrapping onto a line of its own.
  const separator = t('organizations.stats.separator').trimEnd().replace(/^\s+/, '\u00A0');
  return (
    <li className="org-tree__item" data-kind={node.kind}>
      <div className="card org-node">
        <span className="org-node__kind">{t(`organizations.kind.${node.kind}`)}</span>
        <Heading className="org-node__name">{node.name}</Heading>
        {phrases.length > 0 && (
          <p className="org-node__stats">
            {/* One unbreakable-if-it-fits group per figure; the text reads as one sentence. */}
            {phrases.map((phrase, index) => (
              <Fragment key={index}>
                {index > 0 && ' '}
                <span className="org-node__figure">
                  {phrase}
                  {index < phrases.length - 1 && separator}
                </span>
              </Fragment>
            ))}
          </p>
        )}
      </div>
      {node.children.length > 0 && (
        <ul className="plain-list org-tree__children">
          {node.children.map((child) => (
            <OrganizationNode key={child.id} node={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The organization tree as nested lists: street → community → cooperative / compound. */
export function OrganizationTree() {
  const { t } = useTranslation();
  const tree = useOrganizationTree();

  if (tree.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (tree.isError) {
    return <QueryError error={tree.error} retrying={tree.isFetching} onRetry={() => void tree.refetch()} />;
  }
  if (tree.data.length === 0) {
    return <p className="notice">{t('organizations.empty')}</p>;
  }
  return (
    <ul className="plain-list org-tree">
      {tree.data.map((node) => (
        <OrganizationNode key={node.id} node={node} depth={0} />
      ))}
    </ul>
  );
}
