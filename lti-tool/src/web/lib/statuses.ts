/** How a partnership's status is named on staff screens. */
import { t } from '@lingui/core/macro';
import type { PartnershipStatus } from '@mentoring/shared';

export function partnershipStatusLabel(key: PartnershipStatus): string {
  const words: Record<PartnershipStatus, string> = {
    active: t`Active`,
    paused: t`Paused`,
    invited: t`Invitation open`,
    declined: t`Declined`,
    closed: t`Closed`,
  };
  return words[key];
}
