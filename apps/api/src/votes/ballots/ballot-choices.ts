import { MOTION_CHOICES } from '@yishi/domain';
import type { Choice } from '@yishi/domain';
import type { Vote } from '../entities/vote.entity';
import { pseudonym } from '../pseudonym';
import type { MarkInput, Marks } from '../assembly/assembly-matters';
import { marksText, readMarks, sameMarks } from '../assembly/assembly-matters';
import { invalid } from '../../common/refusals';

export type Channel = 'online' | 'paper' | 'meeting';

/** A proxy as a ballot carries it: the agent as the chain names them, and whether it was written. */
export interface ProxyMark {
  agent: string;
  written: boolean;
}

/** A choice as the vote's question takes it, or null. */
export function parseChoice(vote: Pick<Vote, 'questionKind' | 'options'>, raw: string): Choice | null {
  // An assembly's ballot is marked matter by matter (readContent), never with one choice.
  if (vote.questionKind === 'assembly') return null;
  if ((MOTION_CHOICES as readonly string[]).includes(raw)) {
    if (vote.questionKind === 'options' && raw !== 'abstain') return null;
    return raw as Choice;
  }
  if (vote.questionKind === 'options' && vote.options?.some((o) => o.id === raw)) return { option: raw };
  return null;
}

export function sameChoice(a: Choice, b: Choice): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.option === b.option;
}

/**
 * What a ballot says, as the ballot tables keep it (`choice` jsonb): a choice of a motion or poll,
 * or an assembly's marks, one per matter.
 */
export type BallotContent = Choice | { marks: Marks };

export function isMarks(content: BallotContent): content is { marks: Marks } {
  return typeof content === 'object' && 'marks' in content;
}

export function sameContent(a: BallotContent, b: BallotContent): boolean {
  if (isMarks(a) || isMarks(b)) return isMarks(a) && isMarks(b) && sameMarks(a.marks, b.marks);
  return sameChoice(a, b);
}

/**
 * What a cast or a paper entry says, read for the vote: a choice of a motion or poll, or an
 * assembly's marks (readMarks). A refusal names the field a person can correct.
 */
export function readContent(vote: Pick<Vote, 'questionKind' | 'options' | 'matters'>, input: { choice?: string; marks?: MarkInput[] }, channel: 'online' | 'paper'): BallotContent {
  if (vote.questionKind === 'assembly') {
    if (!input.marks) throw invalid('marks', 'isNotEmpty', 'This ballot has several matters: give a mark per matter (marks).');
    return { marks: readMarks(vote.matters!, input.marks, channel) };
  }
  if (input.marks) throw invalid('marks', 'invalid', 'This vote puts one question: give a choice, not marks.');
  const choice = input.choice === undefined ? null : parseChoice(vote, input.choice);
  if (!choice) throw invalid('choice', 'isIn', 'This is not one of the choices of the vote.');
  return choice;
}

/** A ballot's content as staff read it in a line: a choice, an option id, or the marks. */
export function contentText(content: BallotContent | null): string | null {
  if (content === null) return null;
  if (isMarks(content)) return marksText(content.marks);
  return typeof content === 'string' ? content : content.option;
}

export function sameProxy(a: ProxyMark | null, b: ProxyMark | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.agent === b.agent && a.written === b.written);
}

/**
 * The agent as the chain names them: their voter id when on the roll; else a pseudonym of their
 * account (as an online cast by them names them); else a pseudonym of the authorisation itself
 * (an agent without an account, who votes on paper).
 */
export function proxyAgentId(secret: Buffer, voteId: string, p: { id: string; agentVoterId: string | null; agentUserId: string | null }): string {
  if (p.agentVoterId) return p.agentVoterId;
  if (p.agentUserId) return pseudonym(secret, voteId, 'agent', p.agentUserId);
  return pseudonym(secret, voteId, 'proxy', p.id);
}
