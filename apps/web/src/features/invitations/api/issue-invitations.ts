import { useMutation } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type IssuedLetters = components['schemas']['IssuedLettersDto'];
export type LetterSheet = components['schemas']['LetterSheetDto'];
export type LetterPerson = components['schemas']['LetterPersonDto'];
export type IssueRequest = components['schemas']['IssueInvitationsDto'];

/**
 * `POST /api/units/{unitId}/invitations`: new one-time codes for the people of a unit (or of one
 * building) not yet linked; with `reissue`, also for those holding a live letter, whose old codes
 * stop working. The codes are in this answer only: the API keeps their hashes.
 */
export function issueInvitations(unitId: string, request: IssueRequest): Promise<IssuedLetters> {
  return unwrap(apiClient.POST('/api/units/{unitId}/invitations', { params: { path: { unitId } }, body: request }));
}

export function useIssueInvitations(unitId: string) {
  return useMutation({ mutationFn: (request: IssueRequest) => issueInvitations(unitId, request) });
}
