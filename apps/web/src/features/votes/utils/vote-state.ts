/**
 * Where a vote stands for a resident, from its status and its window. The server moves a vote
 * by jobs (open, close, count); between a job's runs the clock may already say more than the
 * status does (an open vote past its closing time is waiting to be counted), and the page says
 * what the clock says.
 */
import type { MotionChoice } from '@yishi/domain';
import { MOTION_CHOICES } from '@yishi/domain';
import type { MyVoter, VoteDetail, VoteStatus } from '../api/get-vote';

export type VoteStage = 'announced' | 'notYetOpen' | 'open' | 'counting' | 'provisional' | 'final' | 'cancelled';

interface VoteClock {
  status: VoteStatus;
  opensAt: string;
  closesAt: string;
}

export function voteStage(vote: VoteClock, now: number = Date.now()): VoteStage {
  switch (vote.status) {
    case 'scheduled':
      return 'announced';
    case 'open':
      if (now < Date.parse(vote.opensAt)) return 'notYetOpen';
      return now < Date.parse(vote.closesAt) ? 'open' : 'counting';
    case 'counting':
      return 'counting';
    case 'closed':
      return 'provisional';
    case 'final':
      return 'final';
    case 'cancelled':
      return 'cancelled';
  }
}

/** A result to read: the provisional notice, then the final one. */
export function hasResult(stage: VoteStage): boolean {
  return stage === 'provisional' || stage === 'final';
}

/**
 * One voter's ballot as I see it:
 * - `ballot`: not voted yet and I may cast now;
 * - `changeable`: recorded, and I may still change it (named, changes allowed, still open);
 * - `recorded`: recorded and final (secret ballot, no changes allowed, or the vote has closed);
 * - `paperSuperseded`: a paper ballot entered by staff replaced my online ballot;
 * - `paper`: a paper ballot (or one cast at the meeting) counts for this voter;
 * - `notVoted`: did not vote, and casting is over or not yet possible.
 */
export type BallotState = 'ballot' | 'changeable' | 'recorded' | 'paperSuperseded' | 'paper' | 'notVoted';

export function ballotState(voter: Pick<MyVoter, 'voted' | 'canCast' | 'channel' | 'supersededReceipt'>): BallotState {
  if (!voter.voted) return voter.canCast ? 'ballot' : 'notVoted';
  if (voter.channel === 'paper') return voter.supersededReceipt ? 'paperSuperseded' : 'paper';
  if (voter.channel === 'meeting') return 'paper';
  return voter.canCast ? 'changeable' : 'recorded';
}

/** The choices offered, in order: 同意 / 反对 / 弃权 on a motion; each option, then abstain, in a poll. */
export function choicesOf(vote: Pick<VoteDetail, 'questionKind' | 'options'>): string[] {
  if (vote.questionKind === 'options' && vote.options) return [...vote.options.map((o) => o.id), 'abstain'];
  return [...MOTION_CHOICES];
}

export function isMotionChoice(choice: string): choice is MotionChoice {
  return (MOTION_CHOICES as readonly string[]).includes(choice);
}

interface OptionsLike {
  options: { id: string; label: string; labelEn: string }[] | null;
}

/** A choice in words: 同意 / 反对 / 弃权, or a poll option's label in the screen's language. */
export function choiceLabel(vote: OptionsLike, choice: string, t: (key: `votes.choice.${MotionChoice}`) => string, language: 'zh-CN' | 'en'): string {
  if (isMotionChoice(choice)) return t(`votes.choice.${choice}`);
  const option = vote.options?.find((o) => o.id === choice);
  if (!option) return choice;
  return language === 'en' ? option.labelEn || option.label : option.label;
}

/** Objections are taken while the provisional result is on notice, until the window ends (not at its end: libs/domain objectionWindowOpen). */
export function objectionsOpen(stage: VoteStage, until: string | null, now: number = Date.now()): boolean {
  return stage === 'provisional' && until !== null && now < Date.parse(until);
}
