import { MOTION_CHOICES } from '@yishi/domain';
import type { Choice } from '@yishi/domain';
import type { Vote } from '../entities/vote.entity';
import { pseudonym } from '../pseudonym';

export type Channel = 'online' | 'paper' | 'meeting';

/** A proxy as a ballot carries it: the agent as the chain names them, and whether it was written. */
export interface ProxyMark {
  agent: string;
  written: boolean;
}

/** A choice as the vote's question takes it, or null. */
export function parseChoice(vote: Pick<Vote, 'questionKind' | 'options'>, raw: string): Choice | null {
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
