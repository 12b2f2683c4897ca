import { lazy, Suspense } from 'react';
import type { Me } from '@mentoring/shared';
import { useMe } from '../api/me.ts';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { SignedOutScreen } from '../screens/SignedOutScreen.tsx';
import { parseRoute, routeHref, type Route } from './route.ts';
import { useRoute } from './useRoute.ts';
import { useSessionEnded } from './session.ts';
import { useLocale } from '../i18n/i18n.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/**
 * Each screen is its own chunk, loaded when first shown: the first screen needs only its own code.
 * The participants' home (where most launches land) starts loading at once, beside `GET /api/me`.
 */
const screens = {
  home: () => import('../screens/home/ParticipantHome.tsx'),
  program: () => import('../screens/program/ProgramScreen.tsx'),
  workspace: () => import('../screens/workspace/WorkspaceScreen.tsx'),
  prepare: () => import('../screens/PrepareScreen.tsx'),
  connect: () => import('../screens/ConnectBrowserScreen.tsx'),
};
const ParticipantHome = lazy(() => screens.home().then((m) => ({ default: m.ParticipantHome })));
const ProgramScreen = lazy(() => screens.program().then((m) => ({ default: m.ProgramScreen })));
const WorkspaceScreen = lazy(() => screens.workspace().then((m) => ({ default: m.WorkspaceScreen })));
const PrepareScreen = lazy(() => screens.prepare().then((m) => ({ default: m.PrepareScreen })));
const ConnectBrowserScreen = lazy(() => screens.connect().then((m) => ({ default: m.ConnectBrowserScreen })));

/** Starts fetching the likely first screen's code, so it arrives with the answer to `GET /api/me`. */
export function preloadFirstScreen(hash: string) {
  void screens[parseRoute(hash).name]().catch(() => undefined);
}

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
