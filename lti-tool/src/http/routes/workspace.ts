/** The workspace routes: partnerships and everything in them, evaluations, and the staff's activity view. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { partnershipHandlers } from './partnerships.ts';
import { goalHandlers } from './goals.ts';
import { promptHandlers } from './prompts.ts';
import { conversationHandlers } from './conversations.ts';
import { requestHandlers } from './requests.ts';
import { evaluationHandlers } from './evaluations.ts';
import { activityHandlers } from './activity.ts';

export function workspaceHandlers(app: App): Partial<Handlers> {
  return {
    ...partnershipHandlers(app),
    ...goalHandlers(app),
    ...promptHandlers(app),
    ...conversationHandlers(app),
    ...requestHandlers(app),
    ...evaluationHandlers(app),
    ...activityHandlers(app),
  };
}
