/**
 * Starts one of the extension's React pages with its query client, in the extension's language:
 * the page's `lang`, `dir` and title follow it, live (connecting, or a new choice in the workspace).
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, useLingui } from '@lingui/react';
import { i18n, setPageLanguage } from '@/lib/i18n';
import { followLocale, refreshPersonLocale } from '@/lib/locale';
import './styles.css';

export interface PageOptions {
  /** The window's title, in the language of the moment. */
  title: () => string;
  /** Asks the tool again for the person's language as the page opens (popup, side panel). */
  refreshLanguage?: boolean;
}

/** Draws the page afresh when the language changes: every text in it is looked up again. */
function Speaking({ page }: { page: () => ReactNode }) {
  useLingui();
  return page();
}

export function mount(page: () => ReactNode, { title, refreshLanguage = false }: PageOptions): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });
  const root = createRoot(document.getElementById('root')!);
  void followLocale((locale) => {
    setPageLanguage(locale);
    document.title = title();
  }).then(() =>
    root.render(
      <StrictMode>
        <I18nProvider i18n={i18n}>
          <QueryClientProvider client={client}>
            <Speaking page={page} />
          </QueryClientProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  );
  if (refreshLanguage) void refreshPersonLocale();
}
