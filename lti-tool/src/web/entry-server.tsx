/**
 * The first screen of a participant's launch, rendered on the server into the page (http/static.ts)
 * so the browser paints the home before the app's code has run; the app then hydrates it
 * (main.tsx). Built with `vite build --ssr` into dist/web-ssr. A person whose browser has never
 * reported a time zone (the first launch ever) is not pre-rendered: the dates would be in the wrong
 * one. Staff's program screen is not pre-rendered either.
 */
import './zod-config.ts';
import { prerender } from 'react-dom/static';
import { createApiClient, intlLocale, LOCALES, type FirstScreenData } from '@mentoring/shared';
import { createQueryClient } from './api/queryClient.ts';
import { preloadScreen } from './app/App.tsx';
import { seedFirstScreen } from './app/firstScreen.ts';
import { Root } from './app/Root.tsx';
import { i18n, loadMessages } from './i18n/i18n.ts';
import { writeDatesAs } from './lib/dates.ts';

/** Never called: the render only reads what the page brings. */
const api = createApiClient({ baseUrl: '', getToken: () => null });

// The language and the time zone are global to the app's code: one render at a time.
let queue: Promise<unknown> = Promise.resolve();

/** Loads the home's code and every language's messages, so that no render waits on a file. */
export async function prepareFirstScreen(): Promise<void> {
  await Promise.all([preloadScreen('home'), ...LOCALES.map((locale) => loadMessages(locale))]);
}

/** The home's markup for this data, written at `now`; undefined where the page is left to the app. */
export function renderFirstScreen(data: FirstScreenData, now = Date.now()): Promise<string | undefined> {
  const timeZone = data.me.timeZone;
  if (!timeZone || data.me.programRole === 'staff' || !data.partnerships) return Promise.resolve(undefined);
  const rendered = queue.then(async () => {
    const [messages] = await Promise.all([loadMessages(data.me.locale), preloadScreen('home')]);
    // As the app does (i18n.ts): `#` and numbers in the reader's digits, Arabic-Indic for Arabic.
    i18n.loadAndActivate({ locale: data.me.locale, locales: [intlLocale(data.me.locale)], messages });
    writeDatesAs({ timeZone, now });
    try {
      const queryClient = createQueryClient();
      seedFirstScreen(queryClient, data);
      // A render stuck on something would hold every later one: the page has long gone out without it.
      const { prelude } = await prerender(<Root api={api} queryClient={queryClient} launched />, {
        signal: AbortSignal.timeout(5_000),
      });
      return await new Response(prelude).text();
    } finally {
      writeDatesAs(undefined);
    }
  });
  queue = rendered.catch(() => undefined);
  return rendered;
}
