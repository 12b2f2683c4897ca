/** Every API route's handler, grouped by resource. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { programHandlers } from './program.ts';
import { workspaceHandlers } from './workspace.ts';
import { clipHandlers } from './clips.ts';
import { HttpError } from '../errors.ts';

export function allHandlers(app: App): Handlers {
  const implemented: Partial<Handlers> = {
    ...programHandlers(app),
    ...workspaceHandlers(app),
    ...clipHandlers(app),
  };
  return new Proxy(implemented, {
    get: (target, name: string) =>
      target[name as keyof Handlers] ??
      (async () => {
        throw new HttpError(501, 'internal', `${name} is not available yet.`);
      }),
  }) as Handlers;
}
