import { useTranslation } from 'react-i18next';

const CHAINS = ['ballots', 'roll', 'box'] as const;

interface ChainHead {
  lines: number;
  head: string;
}

/**
 * The head of each hash chain a counted vote keeps (ballots, roll, box) with its number of lines,
 * as rows of a facts list (`<dl className="facts">`): the result notice and its public page print
 * the same rows. A chain the vote does not keep has no row.
 */
export function ChainRows({ chains }: { chains: Partial<Record<(typeof CHAINS)[number], ChainHead | null>> }) {
  const { t } = useTranslation();
  return (
    <>
      {CHAINS.map((name) => {
        const chain = chains[name];
        if (!chain) return null;
        return (
          <div className="facts__row" key={name}>
            <dt>{t(`votes.result.chain.${name}`)}</dt>
            <dd>
              {t('votes.result.chainLines', { count: chain.lines })}
              <span className="hash" translate="no">
                {chain.head}
              </span>
            </dd>
          </div>
        );
      })}
    </>
  );
}
