import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';
import { voteKey } from '../../../shared/votes/query-keys';

export type ProxyView = components['schemas']['ProxyDto'];
export type ProxyList = components['schemas']['ProxyListDto'];

const proxiesKey = (voteId: string) => [...voteKey(voteId), 'proxies'] as const;

export function useProxies(voteId: string, enabled: boolean) {
  return useQuery({
    queryKey: proxiesKey(voteId),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/votes/{id}/proxies', { params: { path: { id: voteId } }, signal })),
    enabled,
    staleTime: 0,
  });
}

export interface RecordProxyInput {
  principalVoterId: string;
  /** The agent: a voter of this vote, the phone of an account, or a name alone (votes on paper). */
  agentVoterId: string;
  agentPhone: string;
  agentName: string;
  written: boolean;
  file: File | null;
}

/** `POST /api/votes/{id}/proxies` (multipart): recorded, and checked against the rule set at once. */
export function recordProxy(voteId: string, input: RecordProxyInput): Promise<ProxyView> {
  const fields: Record<string, string | File> = { principalVoterId: input.principalVoterId, written: String(input.written) };
  if (input.agentVoterId) fields['agentVoterId'] = input.agentVoterId;
  if (input.agentPhone) fields['agentPhone'] = input.agentPhone;
  if (input.agentName) fields['agentName'] = input.agentName;
  if (input.file) fields['file'] = input.file;
  return unwrap(
    apiClient.POST('/api/votes/{id}/proxies', {
      params: { path: { id: voteId } },
      ...(multipartBody(fields) as unknown as { body: { principalVoterId: string; written: boolean }; bodySerializer: () => FormData }),
    }),
  );
}

export function useRecordProxy(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: RecordProxyInput) => recordProxy(voteId, input), onSuccess: () => queryClient.invalidateQueries({ queryKey: voteKey(voteId) }) });
}

export function useRevokeProxy(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proxyId, reason }: { proxyId: string; reason: string }) =>
      unwrap(apiClient.POST('/api/votes/{id}/proxies/{proxyId}/revoke', { params: { path: { id: voteId, proxyId } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voteKey(voteId) }),
  });
}

export const proxyScanHref = (voteId: string, proxyId: string): string => `/api/votes/${voteId}/proxies/${proxyId}/scan`;
