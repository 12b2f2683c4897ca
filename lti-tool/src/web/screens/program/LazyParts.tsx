/**
 * The program screen's forms and less used panels load after the activity list is on screen: the
 * staff's first screen then needs neither the people picker nor form validation.
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/QueryState.tsx';

const FormPartnershipDialog = lazy(() =>
  import('./FormPartnershipDialog.tsx').then((m) => ({ default: m.FormPartnershipDialog })),
);
const QuietSettingForm = lazy(() => import('./QuietSetting.tsx').then((m) => ({ default: m.QuietSetting })));
const RosterPanel = lazy(() => import('./RosterPanel.tsx').then((m) => ({ default: m.RosterPanel })));
const CheckpointsPanel = lazy(() => import('./CheckpointsPanel.tsx').then((m) => ({ default: m.CheckpointsPanel })));

export function FormPartnershipButton() {
  return (
    <Suspense
      fallback={
        <button type="button" className="button primary" disabled>
          Form a partnership
        </button>
      }
    >
      <FormPartnershipDialog />
    </Suspense>
  );
}

export function QuietSetting({ days }: { days: number }) {
  return (
    <Suspense fallback={null}>
      <QuietSettingForm days={days} />
    </Suspense>
  );
}

export function LazyRosterPanel() {
  return (
    <Suspense fallback={<Loading label="Loading the roster…" />}>
      <RosterPanel />
    </Suspense>
  );
}

export function LazyCheckpointsPanel() {
  return (
    <Suspense fallback={<Loading label="Loading checkpoints…" />}>
      <CheckpointsPanel />
    </Suspense>
  );
}
