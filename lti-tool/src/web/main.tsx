/**
 * The workspace app shown in the LMS iframe. The launch's ltik is read once here and sent as a
 * bearer token with every API call; the app uses no cookies. Opened by a launch, the page carries
 * the first screen's data (`GET /api/me`: the person's language among it); opened otherwise, the
 * first words show in the browser's language while `GET /api/me` says which language to use.
 */
import './zod-config.ts';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createApiClient } from '@mentoring/shared';
import { resolveLocale } from '@mentoring/shared/rules/locale';
import { createQueryClient } from './api/queryClient.ts';
import { startFirstScreen } from './app/App.tsx';
import { askToFitContent } from './app/frameResize.ts';
import { placeByWhereActed } from './app/tallFrame.ts';
import { browserEnvironment, takeLtik } from './app/ltik.ts';
import { readFirstScreen, seedFirstScreen } from './app/firstScreen.ts';
import { Root } from './app/Root.tsx';
import { parseRoute } from './app/route.ts';
import { activateLocale, pseudoWanted } from './i18n/i18n.ts';
import { writeDatesAs } from './lib/dates.ts';
import './styles.css';

const ltik = takeLtik(browserEnvironment());
const api = createApiClient({ baseUrl: '', getToken: () => ltik });
const queryClient = createQueryClient();
const first = ltik !== null ? readFirstScreen(document) : undefined;
if (first) seedFirstScreen(queryClient, first);
const firstCode = ltik !== null ? startFirstScreen(queryClient, api, window.location.hash) : undefined;
askToFitContent();
placeByWhereActed();

// The server rendered the home for the data the page brings (entry-server.tsx): the app takes it
// over, writing dates as the server did until then. The pseudo-locale's words are not the server's.
const container = document.getElementById('root')!;
const renderedAt = Number(container.dataset.renderedAt);
const timeZone = first?.me.timeZone;
const hydrate =
  timeZone && renderedAt && parseRoute(window.location.hash).name === 'home' && !pseudoWanted()
    ? { timeZone, now: renderedAt }
    : undefined;
if (hydrate) writeDatesAs(hydrate);

/**
 * Once the server's markup has been painted (a task queued from an animation frame runs after that
 * frame is drawn): the app's work on it would otherwise hold the first paint back. A hidden frame
 * draws nothing, hence the bound.
 */
const painted = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });

// Not a top-level await: one in the app turns off the bundler's merging of shared chunks into the
// entry, and the first screen would come in two dozen requests.
void Promise.all([
  activateLocale(first?.me.locale ?? resolveLocale({ browser: navigator.languages })),
  firstCode,
  hydrate && painted(),
]).then(() => {
  // The page's own language and direction are set now (activateLocale): the server's copy on the root goes.
  container.removeAttribute('lang');
  container.removeAttribute('dir');
  const app = <Root api={api} queryClient={queryClient} launched={ltik !== null} />;
  if (hydrate) hydrateRoot(container, app);
  else createRoot(container).render(app);
});
