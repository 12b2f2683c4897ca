/** What program staff see of partnerships: activity, never content, and when one counts as quiet. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { changeQuietAfterDays, programActivity } from '../../services/activity.ts';

export function activityHandlers(app: App): Pick<Handlers, 'programActivity' | 'updateProgramSettings'> {
  return {
    programActivity: (p, { query }) => programActivity(app, p, query),
    updateProgramSettings: (p, { body }) => changeQuietAfterDays(app, p, body.quietAfterDays),
  };
}
