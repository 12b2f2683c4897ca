import type { Me } from '@mentoring/shared';
import { useMe } from '../api/me.ts';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectBrowserScreen } from '../screens/ConnectBrowserScreen.tsx';
import { ParticipantHome } from '../screens/home/ParticipantHome.tsx';
import { PrepareScreen } from '../screens/PrepareScreen.tsx';
import { ProgramScreen } from '../screens/program/ProgramScreen.tsx';
import { SignedOutScreen } from '../screens/SignedOutScreen.tsx';
import { WorkspaceScreen } from '../screens/workspace/WorkspaceScreen.tsx';
import { routeHref, type Route } from './route.ts';
import { useRoute } from './useRoute.ts';
import { useSessionEnded } from './session.ts';

/** `GET /api/me` decides the home: staff see the program, participants their partnerships. */
export function App({ launched }: { launched: boolean }) {
  const ended = useSessionEnded();
  const route = useRoute();
  const me = useMe(launched);

  if (!launched) return <SignedOutScreen reason="no-launch" />;
  if (ended) return <SignedOutScreen reason="ended" />;
  if (me.isPending) return <Loading label="Opening your workspace…" />;
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
        Skip to content
      </a>
      <AppHeader me={me.data} route={route} />
      <main id="main" className="page">
        <Screen me={me.data} route={route} />
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
        Partnership workspaces are confidential to their members. As program staff you see each partnership’s activity,
        not its content.
      </p>
      <p>
        <a href={routeHref({ name: 'program', section: 'partnerships' })}>Back to the program</a>
      </p>
    </div>
  );
}
