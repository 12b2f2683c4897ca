import { Button } from 'react-aria-components';
import { useProgramReport, useReportCsv } from '../../api/lifecycle.ts';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatNumber } from '../../lib/dates.ts';
import { saveTextFile } from '../../lib/download.ts';
import { joinNames, roleLabel } from '../../lib/people.ts';
import { partnershipStatusLabel } from '../../lib/statuses.ts';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate, showDay } from '../../components/Time.tsx';

const day = (iso: string | null) => (iso ? showDate(iso) : '—');

/** The program report for a board: dates, counts and checkpoint completion, never content; printable and as CSV. */
export function ReportPanel() {
  const report = useProgramReport();
  const csv = useReportCsv();
  if (report.isPending) return <Loading label={t`Making the report…`} />;
  if (report.isError) return <ErrorNotice error={report.error} retry={() => void report.refetch()} />;
  const r = report.data;
  const participants = plural(r.people.participants, { one: '# participant', other: '# participants' });
  const [matched, unmatched, staff] = [r.people.matched, r.people.unmatched, r.people.staff].map(formatNumber);
  return (
    <div className="tab-content report">
      <div className="section-head">
        <h2>
          <Trans>Program report</Trans>
        </h2>
        <div className="head-tools no-print">
          <Button
            className="button"
            isPending={csv.isPending}
            onPress={() =>
              csv.mutate(undefined, {
                onSuccess: (text) => saveTextFile(text, `program-report-${r.generatedAt.slice(0, 10)}.csv`, 'text/csv'),
              })
            }
          >
            <Trans>Download CSV</Trans>
          </Button>
          <Button className="button" onPress={() => window.print()}>
            <Trans>Print</Trans>
          </Button>
        </div>
      </div>
      {csv.isError && <ErrorNotice error={csv.error} />}
      <p className="muted">
        <Trans>
          {r.programTitle} · made {showDate(r.generatedAt)}. Dates and counts only: nothing the partners wrote.
        </Trans>
      </p>
      <p>
        <Trans>
          {participants} in the course: {matched} matched, {unmatched} unmatched; {staff} staff.
        </Trans>
        {r.people.notInCourse > 0 &&
          ' ' +
            plural(r.people.notInCourse, {
              one: '# person no longer in the course, not counted.',
              other: '# people no longer in the course, not counted.',
            })}
      </p>
      <TableWrap label={t`Partnerships in the report, scrollable`}>
        <table className="table">
          <caption>
            <Trans>Partnerships</Trans>
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
                <Trans>Formed</Trans>
              </th>
              <th scope="col">
                <Trans>Conversations held</Trans>
              </th>
              <th scope="col">
                <Trans>Scheduled</Trans>
              </th>
              <th scope="col">
                <Trans>Last held</Trans>
              </th>
              <th scope="col">
                <Trans>Clips · prompts</Trans>
              </th>
              <th scope="col">
                <Trans>Evaluations</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.partnerships.map((p) => (
              <tr key={p.partnershipId}>
                <th scope="row">{joinNames(p.members.map((m) => t`${m.name} (${roleLabel(p, m.role)})`))}</th>
                <td>
                  {partnershipStatusLabel(p.status)}
                  {p.endedAt && (
                    <span className="muted small">
                      {' '}
                      <Trans>· ended {day(p.endedAt)}</Trans>
                    </span>
                  )}
                </td>
                <td>{day(p.formedAt)}</td>
                <td>{formatNumber(p.conversationsHeld)}</td>
                <td>{formatNumber(p.conversationsScheduled)}</td>
                <td>{day(p.lastHeldAt)}</td>
                <td>
                  {formatNumber(p.clips)} · {formatNumber(p.prompts)}
                </td>
                <td>{formatNumber(p.checkpointsCompleted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {r.checkpoints.length > 0 && (
        <TableWrap label={t`Checkpoint completion, scrollable`}>
          <table className="table">
            <caption>
              <Trans>Checkpoint completion</Trans>
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Checkpoint</Trans>
                </th>
                <th scope="col">
                  <Trans>Due</Trans>
                </th>
                <th scope="col">
                  <Trans>Completed</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.checkpoints.map((c) => (
                <tr key={c.checkpointId}>
                  <th scope="row">
                    <bdi>{c.name}</bdi>
                  </th>
                  <td>{c.dueOn ? showDay(c.dueOn) : '—'}</td>
                  <td>{t`${formatNumber(c.completed)} of ${formatNumber(c.expected)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
