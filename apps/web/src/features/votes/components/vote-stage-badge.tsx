import { useTranslation } from 'react-i18next';
import type { VoteStage } from '../utils/vote-state';
import './votes.css';

/** Where the vote stands, as a small coloured label: 投票中, 已截止·计票中, 结果公示中… */
export function VoteStageBadge({ stage }: { stage: VoteStage }) {
  const { t } = useTranslation();
  return <span className={`vote-badge vote-badge--${stage}`}>{t(`votes.stage.${stage}`)}</span>;
}
