import { hasRole } from '@mentoring/shared';
import { useWorkspace } from '../workspaceContext.ts';
import { ScheduleForm } from './ScheduleForm.tsx';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/** A gentle prompt when nothing is scheduled: partnerships that stop meeting tend to fade quietly. */
export function ScheduleNudge() {
  const w = useWorkspace();
  const isMentee = hasRole(w.partnership, w.meId, 'mentee');
  return (
    <section className="nudge card" aria-labelledby="nudge-title">
      <div>
        <h2 id="nudge-title">
          <Trans>When will you talk next?</Trans>
        </h2>
        <p>
          <Trans>No conversation is scheduled yet. Agree on a time together and put it here</Trans>
          {isMentee
            ? t`; then build the agenda from your goals, clips and prompts.`
            : t`; the mentee then builds the agenda.`}
        </p>
      </div>
      <ScheduleForm compact />
    </section>
  );
}
