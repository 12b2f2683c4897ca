import type { CheckpointEvaluation } from '@mentoring/shared';

export const RATING_LABELS: Record<CheckpointEvaluation['rating'], string> = {
  'not-yet': 'Not yet',
  developing: 'Developing',
  meeting: 'Meeting expectations',
  exceeding: 'Exceeding expectations',
};
