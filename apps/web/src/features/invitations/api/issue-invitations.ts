import { useMutation } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type IssueRequest = components['schemas']['IssueInvitationsDto'];

/** The printable letters as the API answers them: the only place their codes ever appear. */
export interface PrintedLetters {
  /** The A5 letters, a whole HTML document without script. */
  html: string;
  /** How many letters (people) the sheet holds. */
  letters: number;
}

/**
 * `POST /api/units/{unitId}/invitations`: new one-time codes for the people of a unit (or of one
 * building) not yet linked; with `reissue`, also for those holding a live letter, whose old codes
 * stop working. The answer is the printable sheet itself: the API keeps only the codes' hashes and
 * no JSON answer ever carries a code.
 */
export async function issueInvitations(unitId: string, request: IssueRequest): Promise<PrintedLetters> {
  const call = apiClient.POST('/api/units/{unitId}/invitations', { params: { path: { unitId } }, body: request, parseAs: 'text' });
  const html = await unwrap(call);
  const { response } = await call;
  return { html: String(html), letters: Number(response.headers.get('Yishi-Letters') ?? '0') };
}

export function useIssueInvitations(unitId: string) {
  return useMutation({ mutationFn: (request: IssueRequest) => issueInvitations(unitId, request) });
}
