import { Button } from 'react-aria-components';
import { useProgramReport, useReportCsv } from '../../api/lifecycle.ts';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate, formatDay } from '../../lib/dates.ts';
import { saveTextFile } from '../../lib/download.ts';

const day = (iso: string | null) => (iso ? formatDate(iso) : '—');

/** The program report for a board: dates, counts and checkpoint completion, never content; printable and as CSV. */
export function ReportPanel() {
  const report = useProgramReport();
  const csv = useReportCsv();
  if (report.isPending) return <Loading label="Making the report…" />;
  if (report.isError) return <ErrorNotice error={report.error} retry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <div className="tab-content report">
      <div className="section-head">
        <h2>Program report</h2>
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
            Download CSV
          </Button>
          <Button className="button" onPress={() => window.print()}>
            Print
          </Button>
        </div>
      </div>
      {csv.isError && <ErrorNotice error={csv.error} />}
      <p className="muted">
        {r.programTitle} · made {formatDate(r.generatedAt)}. Dates and counts only: nothing the partners wrote.
      </p>
      <p>
        {r.people.participants} participants in the course: {r.people.matched} matched, {r.people.unmatched} unmatched;{' '}
        {r.people.staff} staff.
        {r.people.notInCourse > 0 && ` ${r.people.notInCourse} no longer in the course, not counted.`}
      </p>
      <TableWrap label="Partnerships in the report, scrollable">
        <table className="table">
          <caption>Partnerships</caption>
          <thead>
            <tr>
              <th scope="col">Members</th>
              <th scope="col">Status</th>
              <th scope="col">Formed</th>
              <th scope="col">Conversations held</th>
              <th scope="col">Scheduled</th>
              <th scope="col">Last held</th>
              <th scope="col">Clips · prompts</th>
              <th scope="col">Evaluations</th>
            </tr>
          </thead>
          <tbody>
            {r.partnerships.map((p) => (
              <tr key={p.partnershipId}>
                <th scope="row">{p.members.map((m) => `${m.name} (${m.role})`).join(', ')}</th>
                <td>
                  {p.status}
                  {p.endedAt && <span className="muted small"> · ended {day(p.endedAt)}</span>}
                </td>
                <td>{day(p.formedAt)}</td>
                <td>{p.conversationsHeld}</td>
                <td>{p.conversationsScheduled}</td>
                <td>{day(p.lastHeldAt)}</td>
                <td>
                  {p.clips} · {p.prompts}
                </td>
                <td>{p.checkpointsCompleted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {r.checkpoints.length > 0 && (
        <TableWrap label="Checkpoint completion, scrollable">
          <table className="table">
            <caption>Checkpoint completion</caption>
            <thead>
              <tr>
                <th scope="col">Checkpoint</th>
                <th scope="col">Due</th>
                <th scope="col">Completed</th>
              </tr>
            </thead>
            <tbody>
              {r.checkpoints.map((c) => (
                <tr key={c.checkpointId}>
                  <th scope="row">{c.name}</th>
                  <td>{c.dueOn ? formatDay(c.dueOn) : '—'}</td>
                  <td>
                    {c.completed} of {c.expected}
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
