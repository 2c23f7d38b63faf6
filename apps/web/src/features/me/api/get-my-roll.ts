import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type MyRoll = components['schemas']['MyRollDto'];
export type MyHousehold = components['schemas']['MyHouseholdDto'];
export type HouseholdMember = components['schemas']['HouseholdMemberDto'];
export type MyCompound = components['schemas']['MyCompoundDto'];
export type MyExclusiveUnit = components['schemas']['MyExclusiveUnitDto'];

export const MY_ROLL_QUERY_KEY = ['me', 'roll'] as const;

/** `GET /api/me/roll`: my household and my units, as the rolls record them. */
export function getMyRoll(signal?: AbortSignal): Promise<MyRoll> {
  return unwrap(apiClient.GET('/api/me/roll', { signal }));
}

export function getMyRollQueryOptions() {
  return queryOptions({ queryKey: MY_ROLL_QUERY_KEY, queryFn: ({ signal }) => getMyRoll(signal) });
}

export function useMyRoll() {
  return useQuery(getMyRollQueryOptions());
}
