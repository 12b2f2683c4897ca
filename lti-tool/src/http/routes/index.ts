/**
 * Every API route's handler, grouped by resource. The result is typed `Handlers`, so a route added
 * to the contract without a handler does not compile.
 */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { programHandlers } from './program.ts';
import { activityHandlers } from './activity.ts';
import { partnershipHandlers } from './partnerships.ts';
import { goalHandlers } from './goals.ts';
import { clipHandlers } from './clips.ts';
import { promptHandlers } from './prompts.ts';
import { conversationHandlers } from './conversations.ts';
import { requestHandlers } from './requests.ts';
import { evaluationHandlers } from './evaluations.ts';
import { lifecycleHandlers } from './lifecycle.ts';
import { removalHandlers } from './removal.ts';
import { notificationHandlers } from './notifications.ts';

export function allHandlers(app: App): Handlers {
  return {
    ...programHandlers(app),
    ...activityHandlers(app),
    ...partnershipHandlers(app),
    ...goalHandlers(app),
    ...clipHandlers(app),
    ...promptHandlers(app),
    ...conversationHandlers(app),
    ...requestHandlers(app),
    ...evaluationHandlers(app),
    ...lifecycleHandlers(app),
    ...removalHandlers(app),
    ...notificationHandlers(app),
  };
}
