/** Undoing a review and deleting goals and prompts, by whom the rules say. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { deleteGoal, deletePrompt, unreviewClip } from '../../services/removal.ts';

export function removalHandlers(app: App): Pick<Handlers, 'unreviewClip' | 'deleteGoal' | 'deletePrompt'> {
  return {
    unreviewClip: (p, { params }) => unreviewClip(app, p, params.id!),
    deleteGoal: (p, { params }) => deleteGoal(app, p, params.id!),
    deletePrompt: (p, { params }) => deletePrompt(app, p, params.id!),
  };
}
