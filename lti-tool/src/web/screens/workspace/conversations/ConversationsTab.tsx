import { CalendarFeedPanel } from './CalendarFeedPanel.tsx';
import { Button } from 'react-aria-components';
import type { Conversation } from '@mentoring/shared';
import { useConversations } from '../../../api/conversations.ts';
import { ModalDialog } from '../../../components/Dialog.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorNotice, Loading } from '../../../components/QueryState.tsx';
import { useWorkspace } from '../workspaceContext.ts';
import { ConversationCard } from './ConversationCard.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import { useAgendaLookup } from './useAgendaLookup.ts';
import { Folded } from '../../../components/Folded.tsx';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate } from '../../../components/Time.tsx';

/** Upcoming conversations first, open; held ones after, newest first, folded. */
export function ConversationsTab() {
  const { partnership: p, can } = useWorkspace();
  const conversations = useConversations(p.id);
  const lookup = useAgendaLookup(p.id);

  const schedule = can.write ? (
    <ModalDialog
      title={t`Schedule a conversation`}
      trigger={
        <Button className="button primary">
          <Trans>Schedule a conversation</Trans>
        </Button>
      }
    >
      {(close) => <ScheduleForm onDone={close} />}
    </ModalDialog>
  ) : null;

  if (conversations.isPending) return <Loading label={t`Loading conversations…`} />;
  if (conversations.isError)
    return <ErrorNotice error={conversations.error} retry={() => void conversations.refetch()} />;

  const all = conversations.data.conversations;
  const upcoming = all.filter((c) => !c.heldAt).sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  const held = all.filter((c) => c.heldAt).sort((a, b) => b.heldAt!.localeCompare(a.heldAt!));
  const lastHeld: Conversation | undefined = held[0];

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>
          <Trans>Conversations</Trans>
        </h2>
        {schedule}
      </div>
      {all.length === 0 ? (
        <EmptyState title={t`No conversations yet`} action={schedule}>
          <p>
            <Trans>
              Schedule your first conversation. Before it, the mentee builds the agenda from goals, clips and prompts;
              during it you keep shared notes; after it, commitments become actions for next time.
            </Trans>
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="stack">
            {upcoming.map((c) => (
              <ConversationCard key={c.id} conversation={c} lookup={lookup} carriedFrom={lastHeld} />
            ))}
          </div>
          {held.length > 0 && (
            <section className="section" aria-labelledby="held-title">
              <h3 id="held-title">
                <Trans>Held conversations</Trans>
              </h3>
              <div className="stack">
                {held.map((c, i) => (
                  <Folded
                    key={c.id}
                    level={4}
                    className="card held"
                    defaultExpanded={upcoming.length === 0 && i === 0}
                    title={
                      <>
                        {showDate(c.heldAt!)}
                        <span className="muted small">
                          {' · '}
                          {plural(c.agenda.length, { one: '# on the agenda', other: '# on the agenda' })}
                          {' · '}
                          {plural(c.commitments.length, { one: '# commitment', other: '# commitments' })}
                        </span>
                      </>
                    }
                  >
                    <ConversationCard conversation={c} lookup={lookup} bare />
                  </Folded>
                ))}
              </div>
            </section>
          )}
        </>
      )}
      <CalendarFeedPanel />
    </div>
  );
}
