import { useMutation } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type ResetLookup = components['schemas']['ResetLookupDto'];
export type IssuedResetCode = components['schemas']['IssuedResetCodeDto'];
export interface ResetTarget {
  phone: string;
  buildingId?: string;
}

/** `POST /api/units/{unitId}/account-resets/lookup`: who signs in with the number on this roll (audited). */
export function useLookUpForReset(unitId: string) {
  return useMutation({ mutationFn: (body: ResetTarget) => unwrap(apiClient.POST('/api/units/{unitId}/account-resets/lookup', { params: { path: { unitId } }, body })) });
}

/** `POST /api/units/{unitId}/account-resets`: the one-time code, shown once. */
export function useIssueResetCode(unitId: string) {
  return useMutation({ mutationFn: (body: ResetTarget) => unwrap(apiClient.POST('/api/units/{unitId}/account-resets', { params: { path: { unitId } }, body })) });
}
