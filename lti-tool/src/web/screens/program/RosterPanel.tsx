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
import { joinNames, lmsRoleLabel, roleLabel } from '../../lib/people.ts';
import { partnershipStatusLabel } from '../../lib/statuses.ts';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/** What the sync read, in words: the members the LMS sent, and anything it could not read. */
function syncMessage(report: RosterSyncReport | undefined, people: number): string {
  if (!report) return plural(people, { one: 'Roster synced: # person.', other: 'Roster synced: # people.' });
  const read = plural(report.membersRead, {
    one: 'Roster synced: read # member from the LMS.',
    other: 'Roster synced: read # members from the LMS.',
  });
  if (!report.entriesSkipped) return read;
  // The server's `warnings` are for its log; the person reads the count in their language.
  const skipped = plural(report.entriesSkipped, {
    one: '# entry the LMS sent is not a Names and Roles member (no user ID or roles) and was left out.',
    other: '# entries the LMS sent are not Names and Roles members (no user ID or roles) and were left out.',
  });
  return `${read} ${skipped}`;
}

const lastSynced = (when: string) => t`Last synced ${when}`;

function Partnerships({ entry }: { entry: RosterEntry }) {
  if (entry.programRole === 'staff')
    return (
      <span className="badge muted">
        <Trans>Staff</Trans>
      </span>
    );
  const current = entry.partnerships.filter((x) => x.status !== 'closed' && x.status !== 'declined');
  if (!current.length)
    return (
      <span className="badge quiet">
        <Trans>Unmatched</Trans>
      </span>
    );
  return (
    <ul className="plain-list">
      {current.map((x) => (
        <li key={x.partnershipId}>
          {x.kind === 'collegial' || x.role === 'partner' ? t`Collegial partner` : roleLabel(x, x.role)}
          {x.status !== 'active' && <span className="muted small"> ({partnershipStatusLabel(x.status)})</span>}
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
      <Trans>Sync roster from the LMS</Trans>
    </Button>
  );

  if (people.isPending) return <Loading label={t`Loading the roster…`} />;
  if (people.isError) return <ErrorNotice error={people.error} retry={() => void people.refetch()} />;
  const everyone = [...people.data.people].sort((a, b) => a.name.localeCompare(b.name));
  const inCourse = everyone.filter((p) => p.inCourse);
  const gone = everyone.length - inCourse.length;
  const unmatched = everyone.filter(isUnmatched).length;
  const inCourseText = plural(inCourse.length, { one: '# person in the course', other: '# people in the course' });
  const unmatchedText = plural(unmatched, { one: '# unmatched', other: '# unmatched' });
  const list = unmatchedOnly ? everyone.filter(isUnmatched) : everyone;

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>
          <Trans>Roster</Trans>
        </h2>
        <div className="head-tools">
          <span className="muted small">
            {people.data.syncedAt ? lastSynced(formatDateTime(people.data.syncedAt)) : t`Not synced yet`}
          </span>
          {syncButton}
        </div>
      </div>
      {sync.isError && <ErrorNotice error={sync.error} />}
      {everyone.length > 0 && (
        <div className="table-tools">
          <p className="muted">
            <Trans>
              {inCourseText}, <strong>{unmatchedText}</strong>
            </Trans>
            {gone > 0 &&
              plural(gone, {
                one: '; # person no longer in the course (kept, not counted)',
                other: '; # people no longer in the course (kept, not counted)',
              })}
            .
          </p>
          <Checkbox isSelected={unmatchedOnly} onChange={setUnmatchedOnly}>
            <Trans>Show only unmatched people</Trans>
          </Checkbox>
        </div>
      )}
      {everyone.length === 0 ? (
        <EmptyState title={t`The roster is empty`} action={syncButton}>
          <p>
            <Trans>
              Sync it from the LMS to see everyone enrolled in the course. People also join the roster when they first
              open the workspace.
            </Trans>
          </p>
        </EmptyState>
      ) : (
        <TableWrap label={t`Roster, scrollable`}>
          <table className="table">
            <caption className="visually-hidden">
              <Trans>Roster</Trans>
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Name</Trans>
                </th>
                <th scope="col">
                  <Trans>Email</Trans>
                </th>
                <th scope="col">
                  <Trans>Course roles</Trans>
                </th>
                <th scope="col">
                  <Trans>Partnerships</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.personId} className={p.inCourse ? undefined : 'muted-row'}>
                  <th scope="row">
                    <bdi>{p.name}</bdi>
                    {!p.inCourse && (
                      <span className="badge muted">
                        <Trans>No longer in the course</Trans>
                      </span>
                    )}
                  </th>
                  <td>
                    <bdi>{p.email ?? <span className="muted">—</span>}</bdi>
                  </td>
                  <td>
                    {p.lmsRoles.length ? (
                      joinNames([...new Set(p.lmsRoles.map(ltiRoleName))].map(lmsRoleLabel))
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
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
