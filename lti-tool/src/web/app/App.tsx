import { lazy, Suspense, type ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient, Me } from '@mentoring/shared';
import { meKeys, meQueries, useMe } from '../api/me.ts';
import { partnershipQueries } from '../api/partnerships.ts';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { SignedOutScreen } from '../screens/SignedOutScreen.tsx';
import { parseRoute, routeHref, type Route } from './route.ts';
import { useRoute } from './useRoute.ts';
import { useSessionEnded } from './session.ts';
import { useLocale } from '../i18n/i18n.ts';
import { DatesFollowBrowser } from '../lib/dates.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/**
 * A screen's chunk, loaded once. Once loaded it renders at once: a lazy component would suspend on
 * its first render even then, and React holds a revealed fallback back (up to 300 ms) before it
 * shows what replaced it, so the first screen would wait for nothing.
 */
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Screen(props: P) {
    const Loaded = loaded ?? Lazy;
    return <Loaded {...props} />;
  }
  return { preload, Screen };
}

/**
 * Each screen is its own chunk, loaded when first shown: the first screen needs only its own code.
 * The likely first screen starts loading at once, beside `GET /api/me` (see `startFirstScreen`).
 */
const screens = {
  home: lazyScreen(() => import('../screens/home/ParticipantHome.tsx').then((m) => m.ParticipantHome)),
  program: lazyScreen(() => import('../screens/program/ProgramScreen.tsx').then((m) => m.ProgramScreen)),
  workspace: lazyScreen(() => import('../screens/workspace/WorkspaceScreen.tsx').then((m) => m.WorkspaceScreen)),
  prepare: lazyScreen(() => import('../screens/PrepareScreen.tsx').then((m) => m.PrepareScreen)),
  connect: lazyScreen(() => import('../screens/ConnectBrowserScreen.tsx').then((m) => m.ConnectBrowserScreen)),
  notifications: lazyScreen(() => import('../screens/NotificationsScreen.tsx').then((m) => m.NotificationsScreen)),
};
const ParticipantHome = screens.home.Screen;
const ProgramScreen = screens.program.Screen;
const WorkspaceScreen = screens.workspace.Screen;
const PrepareScreen = screens.prepare.Screen;
const ConnectBrowserScreen = screens.connect.Screen;
const NotificationsScreen = screens.notifications.Screen;

/**
 * Starts what the first screen needs before React renders anything: its code, `GET /api/me`, and
 * for a participant's home the list of their partnerships as soon as /api/me says who they are,
 * rather than one round trip after another as the screens mount. What the page brought (see
 * firstScreen.ts) is in the cache already and is not asked for again. Resolves once the screen's
 * code is in: rendered before, the screen would suspend, and React holds a shown fallback back for
 * up to 300 ms before the screen replaces it.
 */
export function startFirstScreen(queryClient: QueryClient, api: ApiClient, hash: string): Promise<unknown> {
  const route = parseRoute(hash);
  const home = route.name === 'home' || route.name === 'program';
  const known = queryClient.getQueryData<Me>(meKeys.me());
  const screen = home && known ? (known.programRole === 'staff' ? 'program' : 'home') : route.name;
  void queryClient.fetchQuery(meQueries.me(api)).then(
    (me) => {
      if (home && me.programRole !== 'staff') return queryClient.prefetchQuery(partnershipQueries.list(api));
    },
    // The app's own query shows the error.
    () => undefined,
  );
  return screens[screen].preload().catch(() => undefined);
}

/** Loads a screen's code, for the server to render the first screen at once. */
export const preloadScreen = (name: keyof typeof screens): Promise<unknown> => screens[name].preload();

/** `GET /api/me` decides the home: staff see the program, participants their partnerships. */
export function App({ launched }: { launched: boolean }) {
  const ended = useSessionEnded();
  const route = useRoute();
  const me = useMe(launched);
  const speaking = useLocale(me.data?.locale);

  if (!launched) return <SignedOutScreen reason="no-launch" />;
  if (ended) return <SignedOutScreen reason="ended" />;
  if (me.isPending || !speaking) return <Loading label={t`Opening your workspace…`} />;
  if (me.isError) {
    return (
      <main className="page">
        <ErrorNotice error={me.error} retry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        <Trans>Skip to content</Trans>
      </a>
      <AppHeader me={me.data} route={route} />
      <main id="main" className="page">
        <Suspense fallback={<Loading label={t`Opening…`} />}>
          <Screen me={me.data} route={route} />
          <DatesFollowBrowser />
        </Suspense>
      </main>
    </>
  );
}

function Screen({ me, route }: { me: Me; route: Route }) {
  const staff = me.programRole === 'staff';
  switch (route.name) {
    case 'connect':
      return <ConnectBrowserScreen />;
    case 'notifications':
      return <NotificationsScreen />;
    case 'home':
      return staff ? <ProgramScreen section="partnerships" /> : <ParticipantHome me={me} />;
    case 'program':
      return staff ? <ProgramScreen section={route.section} /> : <ParticipantHome me={me} />;
    case 'workspace':
    case 'prepare':
      if (staff) return <StaffNoContent />;
      return route.name === 'prepare' ? (
        <PrepareScreen me={me} partnershipId={route.partnershipId} />
      ) : (
        <WorkspaceScreen me={me} partnershipId={route.partnershipId} tab={route.tab} />
      );
  }
}

/** docs/design.md, principle 2: staff follow activity, never read a partnership's content. */
function StaffNoContent() {
  return (
    <div className="notice">
      <p>
        <Trans>
          Partnership workspaces are confidential to their members. As program staff you see each partnership’s
          activity, not its content.
        </Trans>
      </p>
      <p>
        <a href={routeHref({ name: 'program', section: 'partnerships' })}>
          <Trans>Back to the program</Trans>
        </a>
      </p>
    </div>
  );
}
