import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { fetchRefusalWords } from '../i18n/page-strings';
import { ApiError } from '../lib/api-client';
import { connectApiToSession } from '../lib/auth';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // The words of the API's refusals travel with no page: fetched when a change is first sent,
    // beside it, and waited for before a refused change shows its message.
    mutationCache: new MutationCache({
      onMutate: () => {
        void fetchRefusalWords();
      },
      onError: () => fetchRefusalWords(),
    }),
    defaultOptions: {
      queries: {
        staleTime: 60 * 1000,
        // Retry a dropped connection or a busy server; a 4xx will not get better by asking again.
        retry: (failureCount, error) => failureCount < MAX_RETRIES && (!(error instanceof ApiError) || error.transient),
      },
      mutations: { retry: false },
    },
  });
}

interface AppProviderProps {
  i18n: I18n;
  children: ReactNode;
}

/** The query client, connected to the API client: writes carry its session's CSRF token. */
function createConnectedQueryClient(): QueryClient {
  const queryClient = createQueryClient();
  connectApiToSession(queryClient);
  return queryClient;
}

export function AppProvider({ i18n, children }: AppProviderProps) {
  const [queryClient] = useState(createConnectedQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
