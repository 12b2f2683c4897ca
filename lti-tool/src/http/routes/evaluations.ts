/** Evaluation checkpoints and checkpoint evaluations, kept apart from coaching (docs/design.md, principle 3). */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import {
  changeCheckpoint,
  checkpointsFor,
  evaluate,
  evaluationsFor,
  nameCheckpoint,
  programEvaluations,
  removeCheckpoint,
} from '../../services/evaluations.ts';

type EvaluationRoutes =
  | 'listCheckpoints'
  | 'createCheckpoint'
  | 'updateCheckpoint'
  | 'removeCheckpoint'
  | 'listEvaluations'
  | 'createEvaluation'
  | 'programEvaluations';

export function evaluationHandlers(app: App): Pick<Handlers, EvaluationRoutes> {
  return {
    listCheckpoints: async (p) => ({ checkpoints: await checkpointsFor(app, p) }),
    createCheckpoint: (p, { body }) => nameCheckpoint(app, p, body),
    updateCheckpoint: (p, { params, body }) => changeCheckpoint(app, p, params.id!, body),
    removeCheckpoint: (p, { params }) => removeCheckpoint(app, p, params.id!),
    listEvaluations: async (p, { params }) => ({ evaluations: await evaluationsFor(app, p, params.id!) }),
    createEvaluation: (p, { params, body }) => evaluate(app, p, params.id!, body),
    programEvaluations: async (p) => ({ evaluations: await programEvaluations(app, p) }),
  };
}
