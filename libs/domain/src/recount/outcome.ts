import type { MatterKind } from '../rules/matters';
import type { Condition, ConditionId, ConditionRole } from '../tally/types';

/**
 * The outcome of the DECISION (did the motion pass?), as opposed to the verification of the kit
 * (does result.json reproduce?): a recount may verify a vote that did not pass, and fail to verify
 * one that did. The CLI prints the two apart (docs/recount-format.md §8.3).
 */
export type OutcomeStatus = 'passed' | 'not-passed' | 'void' | 'refused';

export interface Outcome {
  status: OutcomeStatus;
  /** A poll that passed: the option chosen; else null. */
  winningOption: string | null;
  /**
   * Why it did not pass: the conditions of every group that was not met, in the order of the
   * tally (void: the validity conditions not met). Empty when it passed or was refused.
   */
  unmet: ConditionId[];
  /** Refused: the kinds of matter this body may not decide. */
  refusedMatters: MatterKind[];
}

interface TallyVerdict {
  refusedMatters?: MatterKind[] | null;
  refusal?: { matters: { matter: MatterKind }[] } | null;
  valid: boolean;
  passed: boolean;
  winningOption: string | null;
  conditions: Pick<Condition, 'id' | 'role' | 'anyOf' | 'met'>[];
}

function unmetGroups(conditions: TallyVerdict['conditions'], roles: ConditionRole[]): ConditionId[] {
  const relevant = conditions.filter((c) => roles.includes(c.role));
  const groupMet = new Map<string, boolean>();
  for (const c of relevant) {
    if (c.anyOf !== null) groupMet.set(c.anyOf, (groupMet.get(c.anyOf) ?? false) || c.met);
  }
  return relevant.filter((c) => !c.met && (c.anyOf === null || groupMet.get(c.anyOf) === false)).map((c) => c.id);
}

/** The outcome of a tally (a TallyResult or the summary result.json carries). */
export function outcomeOf(tally: TallyVerdict): Outcome {
  const refused = tally.refusal?.matters.map((m) => m.matter) ?? tally.refusedMatters ?? null;
  if (refused !== null) return { status: 'refused', winningOption: null, unmet: [], refusedMatters: refused };
  if (!tally.valid) return { status: 'void', winningOption: null, unmet: unmetGroups(tally.conditions, ['validity']), refusedMatters: [] };
  if (tally.passed) return { status: 'passed', winningOption: tally.winningOption, unmet: [], refusedMatters: [] };
  return { status: 'not-passed', winningOption: null, unmet: unmetGroups(tally.conditions, ['quorum', 'decision']), refusedMatters: [] };
}
