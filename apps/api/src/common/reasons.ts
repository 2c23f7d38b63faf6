import { REASON_MIN_DISTINCT, REASON_MIN_LETTERS, reasonProblem } from '@yishi/domain';
import { invalid } from './refusals';

/**
 * The reason is not one of substance (libs/domain reasonProblem): 400 on the field, saying which
 * rule it fails. `what` names what needs it, e.g. "A shortened notice or window".
 */
export function assertReasonOfSubstance(field: string, reason: string, what = 'A shortened notice or window'): void {
  const problem = reasonProblem(reason);
  if (!problem) return;
  const message =
    problem === 'tooShort'
      ? `${what} needs a reason of substance: at least ${REASON_MIN_LETTERS} letters or digits saying why it cannot wait.`
      : `${what} needs a reason of substance, not repeated filler: at least ${REASON_MIN_DISTINCT} different letters or digits.`;
  throw invalid(field, problem === 'tooShort' ? 'reasonTooShort' : 'reasonFiller', message);
}
