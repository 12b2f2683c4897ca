import { t } from '@lingui/core/macro';
import type { CheckpointEvaluation } from '@mentoring/shared';

export const ratingLabel = (key: CheckpointEvaluation['rating']): string => {
  const words: Record<CheckpointEvaluation['rating'], string> = {
    'not-yet': t`Not yet`,
    developing: t`Developing`,
    meeting: t`Meeting expectations`,
    exceeding: t`Exceeding expectations`,
  };
  return words[key];
};
