import { useNudges } from '../../api/lifecycle.ts';
import { Trans } from '@lingui/react/macro';
import { showDate } from '../../components/Time.tsx';

/** The program's latest nudge to meet, as the pair sees it: who sent it and when, nothing more. */
export function NudgeNotice({ partnershipId }: { partnershipId: string }) {
  const nudges = useNudges(partnershipId);
  const latest = nudges.data?.nudges[0];
  if (!latest) return null;
  return (
    <p className="notice" role="status">
      <Trans>
        {latest.sentByName} from the program checked in on {showDate(latest.sentAt)}: it would be good to meet. Schedule
        your next conversation when you can.
      </Trans>
    </p>
  );
}
