/**
 * The program screen's forms and less used panels load after the activity list is on screen: the
 * staff's first screen then needs neither the people picker nor form validation.
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/QueryState.tsx';
import { useIdle } from '../../components/useIdle.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const FormPartnershipDialog = lazy(() =>
  import('./FormPartnershipDialog.tsx').then((m) => ({ default: m.FormPartnershipDialog })),
);
const QuietSettingForm = lazy(() => import('./QuietSetting.tsx').then((m) => ({ default: m.QuietSetting })));
const RosterPanel = lazy(() => import('./RosterPanel.tsx').then((m) => ({ default: m.RosterPanel })));
const ReportPanel = lazy(() => import('./ReportPanel.tsx').then((m) => ({ default: m.ReportPanel })));
const CheckpointsPanel = lazy(() => import('./CheckpointsPanel.tsx').then((m) => ({ default: m.CheckpointsPanel })));

export function FormPartnershipButton() {
  const idle = useIdle();
  const waiting = (
    <button type="button" className="button primary" disabled>
      <Trans>Form a partnership</Trans>
    </button>
  );
  return idle ? (
    <Suspense fallback={waiting}>
      <FormPartnershipDialog />
    </Suspense>
  ) : (
    waiting
  );
}

export function QuietSetting({ days }: { days: number }) {
  const idle = useIdle();
  return idle ? (
    <Suspense fallback={null}>
      <QuietSettingForm days={days} />
    </Suspense>
  ) : null;
}

export function LazyRosterPanel() {
  return (
    <Suspense fallback={<Loading label={t`Loading the roster…`} />}>
      <RosterPanel />
    </Suspense>
  );
}

export function LazyCheckpointsPanel() {
  return (
    <Suspense fallback={<Loading label={t`Loading checkpoints…`} />}>
      <CheckpointsPanel />
    </Suspense>
  );
}

export function LazyReportPanel() {
  return (
    <Suspense fallback={<Loading label={t`Loading the report…`} />}>
      <ReportPanel />
    </Suspense>
  );
}
