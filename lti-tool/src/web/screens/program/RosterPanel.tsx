import { useState } from 'react';
import { Button } from 'react-aria-components';
import { isUnmatched, ltiRoleName, type RosterEntry, type RosterSyncReport } from '@mentoring/shared';
import { useProgramPeople, useSyncRoster } from '../../api/program.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
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

const ROLE_WORDS = { mentor: 'Mentor', mentee: 'Mentee', partner: 'Collegial partner' } as const;

function Partnerships({ entry }: { entry: RosterEntry }) {
  if (entry.programRole === 'staff') return <span className="badge muted">Staff</span>;
  const current = entry.partnerships.filter((x) => x.status !== 'closed' && x.status !== 'declined');
  if (!current.length) return <span className="badge quiet">Unmatched</span>;
  return (
    <ul className="plain-list">
      {current.map((x) => (
        <li key={x.partnershipId}>
          {x.kind === 'collegial' ? 'Collegial partner' : ROLE_WORDS[x.role]}
          {x.status !== 'active' && <span className="muted small"> ({x.status})</span>}
        </li>
      ))}
    </ul>
  );
}

/** The course's people, from the LMS (Names and Roles), to form partnerships from. */
export function RosterPanel() {
  const people = useProgramPeople();
  const [unmatchedOnly, setUnmatchedOnly] = useState(false);
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
  const everyone = [...people.data.people].sort((a, b) => a.name.localeCompare(b.name));
  const inCourse = everyone.filter((p) => p.inCourse);
  const gone = everyone.length - inCourse.length;
  const unmatched = everyone.filter(isUnmatched).length;
  const list = unmatchedOnly ? everyone.filter(isUnmatched) : everyone;

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
      {everyone.length > 0 && (
        <div className="table-tools">
          <p className="muted">
            {inCourse.length} people in the course, <strong>{unmatched} unmatched</strong>
            {gone > 0 && `; ${gone} no longer in the course (kept, not counted)`}.
          </p>
          <Checkbox isSelected={unmatchedOnly} onChange={setUnmatchedOnly}>
            Show only unmatched people
          </Checkbox>
        </div>
      )}
      {everyone.length === 0 ? (
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
                <th scope="col">Partnerships</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.personId} className={p.inCourse ? undefined : 'muted-row'}>
                  <th scope="row">
                    {p.name}
                    {!p.inCourse && <span className="badge muted">No longer in the course</span>}
                  </th>
                  <td>{p.email ?? <span className="muted">—</span>}</td>
                  <td>{[...new Set(p.lmsRoles.map(ltiRoleName))].join(', ') || <span className="muted">—</span>}</td>
                  <td>
                    <Partnerships entry={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
