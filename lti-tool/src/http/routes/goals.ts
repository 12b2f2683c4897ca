/** Goals and their actions. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { addAction, changeAction, changeGoal, goalsFor, setGoal } from '../../services/goals.ts';

export function goalHandlers(
  app: App,
): Pick<Handlers, 'listGoals' | 'createGoal' | 'updateGoal' | 'createAction' | 'updateAction'> {
  return {
    listGoals: async (p, { params }) => ({ goals: await goalsFor(app, p, params.id!) }),
    createGoal: (p, { params, body }) => setGoal(app, p, params.id!, body),
    updateGoal: (p, { params, body }) => changeGoal(app, p, params.id!, body),
    createAction: (p, { params, body }) => addAction(app, p, params.id!, body),
    updateAction: (p, { params, body }) => changeAction(app, p, params.id!, body),
  };
}
