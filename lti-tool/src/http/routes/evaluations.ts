/** Evaluation checkpoints and checkpoint evaluations, kept apart from coaching (docs/design.md, principle 3). */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import {
  checkpointsFor,
  evaluate,
  evaluationsFor,
  nameCheckpoint,
  programEvaluations,
} from '../../services/evaluations.ts';

type EvaluationRoutes =
  'listCheckpoints' | 'createCheckpoint' | 'listEvaluations' | 'createEvaluation' | 'programEvaluations';

export function evaluationHandlers(app: App): Pick<Handlers, EvaluationRoutes> {
  return {
    listCheckpoints: async (p) => ({ checkpoints: await checkpointsFor(app, p) }),
    createCheckpoint: (p, { body }) => nameCheckpoint(app, p, body),
    listEvaluations: async (p, { params }) => ({ evaluations: await evaluationsFor(app, p, params.id!) }),
    createEvaluation: (p, { params, body }) => evaluate(app, p, params.id!, body),
    programEvaluations: async (p) => ({ evaluations: await programEvaluations(app, p) }),
  };
}
