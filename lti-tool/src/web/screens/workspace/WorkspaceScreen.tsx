import { useRef } from 'react';
import { NudgeNotice } from './NudgeNotice.tsx';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { ApiError, type Me } from '@mentoring/shared';
import { usePartnership } from '../../api/partnerships.ts';
import { routeHref, type WorkspaceTab } from '../../app/route.ts';
import { navigate } from '../../app/useRoute.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useSelectedTabInView } from '../../components/useSelectedTabInView.ts';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { partnershipHeadline, roleLabel } from '../../lib/people.ts';
import { AgreementPanel } from './AgreementPanel.tsx';
import { ClipsTab } from './clips/ClipsTab.tsx';
import { ConversationsTab } from './conversations/ConversationsTab.tsx';
import { EvaluationsTab } from './EvaluationsTab.tsx';
import { ExportTab } from './ExportTab.tsx';
import { GoalsTab } from './goals/GoalsTab.tsx';
import { PromptsTab } from './PromptsTab.tsx';
import { RequestsTab } from './RequestsTab.tsx';
import { ScheduleNudge } from './conversations/ScheduleNudge.tsx';
import { isMentorIn, workspaceFor, WorkspaceContext } from './workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { describeFailure } from '../../lib/problems.ts';

const tabsOf = (): { id: WorkspaceTab; label: string }[] => [
  { id: 'goals', label: t`Goals` },
  { id: 'clips', label: t`Clips` },
  { id: 'prompts', label: t`Prompts` },
  { id: 'conversations', label: t`Conversations` },
  { id: 'requests', label: t`Requests` },
  { id: 'evaluations', label: t`Evaluations` },
  { id: 'export', label: t`Export` },
];

/** One partnership's workspace: who is in it, their agreement folded away, then the partners' shared work in tabs. */
export function WorkspaceScreen({ me, partnershipId, tab }: { me: Me; partnershipId: string; tab: WorkspaceTab }) {
  const partnership = usePartnership(partnershipId);
  const tabList = useRef<HTMLDivElement>(null);
  useSelectedTabInView(tabList, partnership.isSuccess ? tab : '');
  if (partnership.isPending) return <Loading label={t`Opening the workspace…`} />;
  if (partnership.isError) return <Unavailable error={partnership.error} retry={() => void partnership.refetch()} />;

  const p = partnership.data;
  const w = workspaceFor(p, me.person.id);
  const tabs = tabsOf().filter((t) => t.id !== 'evaluations' || p.kind === 'mentoring');
  // Where the work starts (goals) and where it is scheduled, not above every tab: the tab's content stays in view.
  const nudge = p.status === 'active' && !p.nextConversation ? <ScheduleNudge /> : null;
  const selectTab = (k: Key) => navigate({ name: 'workspace', partnershipId, tab: String(k) as WorkspaceTab });

  return (
    <WorkspaceContext.Provider value={w}>
      <PageTitle
        kicker={
          <>
            <a href={routeHref({ name: 'home' })}>
              <Trans>Your partnerships</Trans>
            </a>{' '}
            <span aria-hidden="true">/</span> {p.kind === 'mentoring' ? t`Mentoring` : t`Collegial coaching`}
          </>
        }
        actions={
          isMentorIn(w) && w.can.write ? (
            <a className="button" href={routeHref({ name: 'prepare', partnershipId })}>
              <Trans>Prepare for the next conversation</Trans>
            </a>
          ) : undefined
        }
      >
        {partnershipHeadline(p, w.meId)}
      </PageTitle>

      <ul className="members" aria-label={t`Members`}>
        {p.members.map((m) => (
          <li key={m.personId} className={m.invitation === 'declined' ? 'declined' : undefined}>
            <span className="member-name">{m.personId === w.meId ? t`${m.name} (you)` : <bdi>{m.name}</bdi>}</span>
            <span className="member-role">{roleLabel(p, m.role)}</span>
            {m.invitation === 'pending' && (
              <span className="badge muted">
                <Trans>Invited</Trans>
              </span>
            )}
            {m.invitation === 'declined' && (
              <span className="badge muted">
                <Trans>Declined</Trans>
              </span>
            )}
          </li>
        ))}
      </ul>

      {p.status === 'invited' && (
        <p className="notice">
          <Trans>
            This partnership starts once everyone has accepted the invitation. Until then it can be read but not
            changed.
          </Trans>
        </p>
      )}
      {p.status === 'closed' && (
        <p className="notice">
          <Trans>This partnership is closed. Everything in it is kept, read-only.</Trans>
        </p>
      )}
      {p.status === 'paused' && (
        <p className="notice">
          <Trans>
            Program staff have paused this partnership. Everything in it is kept and can be read until it is resumed.
          </Trans>
        </p>
      )}
      {p.status === 'active' && !p.nextConversation && <NudgeNotice partnershipId={p.id} />}

      <AgreementPanel />

      <Tabs selectedKey={tab} onSelectionChange={selectTab} className="tabs">
        <TabList ref={tabList} aria-label={t`Workspace sections`} className="tab-list">
          {tabs.map((t) => (
            <Tab key={t.id} id={t.id} className={`tab ${t.id === 'evaluations' ? 'tab-evaluation' : ''}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="goals" className="tab-panel">
          {nudge}
          <GoalsTab />
        </TabPanel>
        <TabPanel id="clips" className="tab-panel">
          <ClipsTab />
        </TabPanel>
        <TabPanel id="prompts" className="tab-panel">
          <PromptsTab />
        </TabPanel>
        <TabPanel id="conversations" className="tab-panel">
          {nudge}
          <ConversationsTab />
        </TabPanel>
        <TabPanel id="requests" className="tab-panel">
          <RequestsTab />
        </TabPanel>
        {p.kind === 'mentoring' && (
          <TabPanel id="evaluations" className="tab-panel">
            <EvaluationsTab />
          </TabPanel>
        )}
        <TabPanel id="export" className="tab-panel">
          <ExportTab />
        </TabPanel>
      </Tabs>
    </WorkspaceContext.Provider>
  );
}

/** A refusal is an answer, not a glitch: say plainly why the workspace cannot be opened. */
function Unavailable({ error, retry }: { error: unknown; retry: () => void }) {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return (
      <div className="notice">
        <p>{describeFailure(error)}</p>
        <p>
          <Trans>
            Workspaces are open to their members only.{' '}
            <a href={routeHref({ name: 'home' })}>
              <Trans>Back to your partnerships</Trans>
            </a>
          </Trans>
        </p>
      </div>
    );
  }
  return <ErrorNotice error={error} retry={retry} />;
}
