import { StrictMode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nProvider } from '@lingui/react';
import type { ApiClient } from '@mentoring/shared';
import { ApiProvider } from '../api/ApiContext.tsx';
import { Toaster } from '../components/Toaster.tsx';
import { AriaLocale, i18n } from '../i18n/i18n.ts';
import { App } from './App.tsx';

/** The whole app, as the browser renders it and as the server renders its first screen (entry-server.tsx). */
export function Root({ api, queryClient, launched }: { api: ApiClient; queryClient: QueryClient; launched: boolean }) {
  return (
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <AriaLocale>
          <ApiProvider client={api}>
            <QueryClientProvider client={queryClient}>
              <Toaster>
                <App launched={launched} />
              </Toaster>
            </QueryClientProvider>
          </ApiProvider>
        </AriaLocale>
      </I18nProvider>
    </StrictMode>
  );
}
