/** Resource requests. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { answerResourceRequest, askForResource, requestsFor } from '../../services/requests.ts';

export function requestHandlers(app: App): Pick<Handlers, 'listRequests' | 'createRequest' | 'answerRequest'> {
  return {
    listRequests: async (p, { params }) => ({ requests: await requestsFor(app, p, params.id!) }),
    createRequest: (p, { params, body }) => askForResource(app, p, params.id!, body.question),
    answerRequest: (p, { params, body }) => answerResourceRequest(app, p, params.id!, body),
  };
}
