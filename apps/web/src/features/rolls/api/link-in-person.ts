import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { rollQueryKey } from './query-keys';

export type LinkInPersonInput = components['schemas']['LinkInPersonDto'];
export type PersonType = LinkInPersonInput['personType'];

/**
 * `POST /api/units/{unitId}/links` (204): staff link the account with this phone number to a
 * person on the roll, who showed their identity card in person (现场实名). 404 when no account
 * has the number (the resident signs up first), 409 when the entry is linked to someone else.
 */
export async function linkInPerson(unitId: string, body: LinkInPersonInput): Promise<void> {
  await unwrap(apiClient.POST('/api/units/{unitId}/links', { params: { path: { unitId } }, body }));
}

export function useLinkInPerson(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkInPersonInput) => linkInPerson(unitId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rollQueryKey(unitId) }),
  });
}
