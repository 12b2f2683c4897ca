import { Button } from 'react-aria-components';
import { ltiRoleName, type RosterSyncReport } from '@mentoring/shared';
import { useProgramPeople, useSyncRoster } from '../../api/program.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useNotify } from '../../components/Toaster.tsx';
import { formatDateTime } from '../../lib/dates.ts';

/** What the sync read, in words: the members the LMS sent, and anything it could not read. */
function syncMessage(report: RosterSyncReport | undefined, people: number): string {
  if (!report) return `Roster synced: ${people} people.`;
  const read = `Roster synced: read ${report.membersRead} ${report.membersRead === 1 ? 'member' : 'members'} from the LMS.`;
  return [read, ...report.warnings].join(' ');
}

/** The course's people, from the LMS (Names and Roles), to form partnerships from. */
export function RosterPanel() {
  const people = useProgramPeople();
  const sync = useSyncRoster();
  const notify = useNotify();
  const syncButton = (
    <Button
      className="button"
      isPending={sync.isPending}
      onPress={() =>
        sync.mutate(undefined, { onSuccess: (r) => notify({ message: syncMessage(r.sync, r.people.length) }) })
      }
    >
      Sync roster from the LMS
    </Button>
  );

  if (people.isPending) return <Loading label="Loading the roster…" />;
  if (people.isError) return <ErrorNotice error={people.error} retry={() => void people.refetch()} />;
  const list = [...people.data.people].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>Roster</h2>
        <div className="head-tools">
          <span className="muted small">
            {people.data.syncedAt ? `Last synced ${formatDateTime(people.data.syncedAt)}` : 'Not synced yet'}
          </span>
          {syncButton}
        </div>
      </div>
      {sync.isError && <ErrorNotice error={sync.error} />}
      {list.length === 0 ? (
        <EmptyState title="The roster is empty" action={syncButton}>
          <p>
            Sync it from the LMS to see everyone enrolled in the course. People also join the roster when they first
            open the workspace.
          </p>
        </EmptyState>
      ) : (
        <TableWrap label="Roster, scrollable">
          <table className="table">
            <caption className="visually-hidden">Roster</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Course roles</th>
                <th scope="col">In the program</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">{p.name}</th>
                  <td>{p.email ?? <span className="muted">—</span>}</td>
                  <td>{[...new Set(p.lmsRoles.map(ltiRoleName))].join(', ') || <span className="muted">—</span>}</td>
                  <td>{p.programRole === 'staff' ? <span className="badge muted">Staff</span> : 'Participant'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
