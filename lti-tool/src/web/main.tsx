/**
 * The workspace app shown in the LMS iframe. The launch's ltik is read once here and sent as a
 * bearer token with every API call; the app uses no cookies. Opened by a launch, the page carries
 * the first screen's data (`GET /api/me`: the person's language among it); opened otherwise, the
 * first words show in the browser's language while `GET /api/me` says which language to use.
 */
import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '@lingui/react';
import { createApiClient } from '@mentoring/shared';
import { resolveLocale } from '@mentoring/shared/rules/locale';
import { ApiProvider } from './api/ApiContext.tsx';
import { createQueryClient } from './api/queryClient.ts';
import { App, startFirstScreen } from './app/App.tsx';
import { askToFitContent } from './app/frameResize.ts';
import { browserEnvironment, takeLtik } from './app/ltik.ts';
import { readFirstScreen, seedFirstScreen } from './app/firstScreen.ts';
import { Toaster } from './components/Toaster.tsx';
import { activateLocale, AriaLocale, i18n } from './i18n/i18n.ts';
import './styles.css';

const ltik = takeLtik(browserEnvironment());
const api = createApiClient({ baseUrl: '', getToken: () => ltik });
const queryClient = createQueryClient();
const first = ltik !== null ? readFirstScreen(document) : undefined;
if (first) seedFirstScreen(queryClient, first);
const firstCode = ltik !== null ? startFirstScreen(queryClient, api, window.location.hash) : undefined;
askToFitContent();

// Not a top-level await: one in the app turns off the bundler's merging of shared chunks into the
// entry, and the first screen would come in two dozen requests.
void Promise.all([activateLocale(first?.me.locale ?? resolveLocale({ browser: navigator.languages })), firstCode]).then(
  () =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nProvider i18n={i18n}>
          <AriaLocale>
            <ApiProvider client={api}>
              <QueryClientProvider client={queryClient}>
                <Toaster>
                  <App launched={ltik !== null} />
                </Toaster>
              </QueryClientProvider>
            </ApiProvider>
          </AriaLocale>
        </I18nProvider>
      </StrictMode>,
    ),
);
