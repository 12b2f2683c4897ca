import { useRef, useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import type { PartnershipActivity } from '@mentoring/shared';
import { useProgramActivity, type ActivityFilter } from '../../api/program.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate, formatNumber, formatRelative } from '../../lib/dates.ts';
import { FormPartnershipButton, QuietSetting } from './LazyParts.tsx';
import { PartnershipActions } from './PartnershipActions.tsx';
import { partnershipStatusLabel } from '../../lib/statuses.ts';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { joinNames } from '../../lib/people.ts';
import { showDate } from '../../components/Time.tsx';

const ALL = '*';
const statusFilter = () => [
  { id: ALL, label: t`Any status` },
  ...(['active', 'paused', 'invited', 'closed', 'declined'] as const).map((id) => ({
    id,
    label: partnershipStatusLabel(id),
  })),
];

/**
 * The program's partnerships a page at a time, newest first: members, last and next conversation,
 * counts of the last 30 days. Filters (name, status, quiet) are applied by the server.
 */
export function ActivityPanel() {
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string>(ALL);
  const [quietOnly, setQuietOnly] = useState(false);
  const typed = useDebounced(name.trim());
  const filter: ActivityFilter = {
    ...(typed && { name: typed }),
    ...(status !== ALL && { status: status as PartnershipActivity['status'] }),
    ...(quietOnly && { quiet: 'true' as const }),
  };
  const filtered = Object.keys(filter).length > 0;
  const activity = useProgramActivity(filter);
  const table = useRef<HTMLTableSectionElement>(null);

  if (activity.isPending) return <Loading label={t`Loading activity…`} />;
  if (!activity.data) return <ErrorNotice error={activity.error} retry={() => void activity.refetch()} />;

  const first = activity.data.pages[0]!;
  const summary = first.summary ?? { partnerships: 0, quiet: 0 };
  const quiet = plural(summary.quiet, { one: '# quiet', other: '# quiet' });
  const quietMeans = plural(first.quietAfterDays, {
    one: '(no conversation in # day and none scheduled)',
    other: '(no conversation in # days and none scheduled)',
  });
  const shown = activity.data.pages.flatMap((page) => page.partnerships);
  const clear = () => {
    setName('');
    setStatus(ALL);
    setQuietOnly(false);
  };
  // Keyboard and screen reader users go on from the first new row, not from a button that may be gone.
  const showMore = async () => {
    const from = shown.length;
    const next = await activity.fetchNextPage();
    if (next.isError) return;
    requestAnimationFrame(() => table.current?.querySelectorAll<HTMLElement>('tr')[from]?.focus());
  };

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>
          <Trans>Partnerships</Trans>
        </h2>
        <QuietSetting days={first.quietAfterDays} />
      </div>
      {summary.partnerships === 0 ? (
        <EmptyState title={t`No partnerships yet`} action={<FormPartnershipButton />}>
          <p>
            <Trans>
              Form mentoring partnerships from the roster, or let participants invite each other. Their activity shows
              here: dates and counts, never content.
            </Trans>
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="table-tools">
            {plural(summary.partnerships, { one: '# partnership', other: '# partnerships' })}
            {summary.quiet > 0 && (
              <Trans>
                , <strong>{quiet}</strong> {quietMeans}
              </Trans>
            )}
            .
          </p>
          <div className="filters" role="search" aria-label={t`Filter partnerships`}>
            <SearchField className="field search" value={name} onChange={setName}>
              <Label>
                <Trans>Member name</Trans>
              </Label>
              <Input placeholder={t`Part of a mentor’s or mentee’s name`} />
            </SearchField>
            <SelectField
              label={t`Status`}
              value={status}
              onChange={(v) => setStatus(v ?? ALL)}
              options={statusFilter()}
            />
            <Checkbox isSelected={quietOnly} onChange={setQuietOnly} className="filter-new">
              <Trans>Only quiet partnerships</Trans>
            </Checkbox>
          </div>
          {shown.length === 0 ? (
            <EmptyState
              title={quietOnly && !typed && status === ALL ? t`No quiet partnerships` : t`No partnerships match`}
              action={
                <Button className="button" onPress={clear}>
                  <Trans>Show all partnerships</Trans>
                </Button>
              }
            >
              {quietOnly && !typed && status === ALL && (
                <p>
                  {plural(first.quietAfterDays, {
                    one: 'Every active partnership has met in the last # day or has a conversation scheduled.',
                    other: 'Every active partnership has met in the last # days or has a conversation scheduled.',
                  })}
                </p>
              )}
            </EmptyState>
          ) : (
            <>
              <p className="result-count" aria-live="polite">
                {plural(shown.length, { one: '# shown, newest first', other: '# shown, newest first' })}
                {activity.hasNextPage && t`; more below`}
                {filtered && (
                  <Button className="button quiet small" onPress={clear}>
                    <Trans>Clear filters</Trans>
                  </Button>
                )}
              </p>
              <TableWrap label={t`Partnership activity, scrollable`}>
                <table className={`table ${activity.isPlaceholderData ? 'is-stale' : ''}`}>
                  <caption className="visually-hidden">
                    <Trans>Partnership activity, newest first</Trans>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <Trans>Members</Trans>
                      </th>
                      <th scope="col">
                        <Trans>Status</Trans>
                      </th>
                      <th scope="col">
                        <Trans>Last conversation</Trans>
                      </th>
                      <th scope="col">
                        <Trans>Next conversation</Trans>
                      </th>
                      <th scope="col">
                        <Trans>
                          Last 30 days
                          <span className="th-note">
                            <Trans>clips · prompts · conversations held</Trans>
                          </span>
                        </Trans>
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">
                          <Trans>Actions</Trans>
                        </span>
                      </th>
                    </tr>
                  </thead>
                  <tbody ref={table}>
                    {shown.map((a) => (
                      <ActivityRow key={a.partnershipId} activity={a} />
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {activity.hasNextPage && (
                <p className="more-clips">
                  <Button className="button" isDisabled={activity.isFetchingNextPage} onPress={() => void showMore()}>
                    {activity.isFetchingNextPage ? t`Loading more partnerships…` : t`Show more partnerships`}
                  </Button>
                </p>
              )}
            </>
          )}
          {activity.error && (
            <ErrorNotice
              error={activity.error}
              retry={() => void (activity.isFetchNextPageError ? activity.fetchNextPage() : activity.refetch())}
            />
          )}
        </>
      )}
    </div>
  );
}

function ActivityRow({ activity: a }: { activity: PartnershipActivity }) {
  return (
    <tr className={a.quiet ? 'quiet-row' : undefined} tabIndex={-1}>
      <th scope="row">
        <Members activity={a} />
      </th>
      <td>
        {partnershipStatusLabel(a.status)}
        {a.quiet && (
          <span className="badge quiet">
            <Trans>Quiet</Trans>
          </span>
        )}
      </td>
      <td>
        {a.lastConversationAt ? (
          <time dateTime={a.lastConversationAt} title={formatDate(a.lastConversationAt)}>
            {formatRelative(a.lastConversationAt)}
          </time>
        ) : (
          <span className="muted">
            <Trans>None yet</Trans>
          </span>
        )}
      </td>
      <td>
        {a.nextConversationAt ? (
          showDate(a.nextConversationAt)
        ) : (
          <span className="muted">
            <Trans>Not scheduled</Trans>
          </span>
        )}
      </td>
      <td className="counts">
        <span aria-label={plural(a.last30Days.clips, { one: '# clip', other: '# clips' })}>
          {formatNumber(a.last30Days.clips)}
        </span>{' '}
        ·{' '}
        <span aria-label={plural(a.last30Days.prompts, { one: '# prompt', other: '# prompts' })}>
          {formatNumber(a.last30Days.prompts)}
        </span>{' '}
        ·{' '}
        <span
          aria-label={plural(a.last30Days.conversations, { one: '# conversation held', other: '# conversations held' })}
        >
          {formatNumber(a.last30Days.conversations)}
        </span>
      </td>
      <td>
        <PartnershipActions activity={a} />
      </td>
    </tr>
  );
}

function Members({ activity: a }: { activity: PartnershipActivity }) {
  if (a.kind === 'collegial') {
    return (
      <span className="members-cell">
        <bdi>{joinNames(a.members.map((m) => m.name))}</bdi>
        <span className="muted small">
          <Trans>Collegial coaching</Trans>
        </span>
      </span>
    );
  }
  const mentors = a.members.filter((m) => m.role === 'mentor').map((m) => m.name);
  const mentees = a.members.filter((m) => m.role === 'mentee').map((m) => m.name);
  return (
    <span className="members-cell">
      <span>
        <bdi>{joinNames(mentors)}</bdi> <span aria-hidden="true">→</span>
        <span className="visually-hidden">
          <Trans>mentoring</Trans>
        </span>{' '}
        <bdi>{joinNames(mentees)}</bdi>
      </span>
      <span className="muted small">
        {plural(mentees.length, { one: 'Mentor → mentee', other: 'Mentor → mentees' })}
      </span>
    </span>
  );
}
