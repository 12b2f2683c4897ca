import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';

export function workspaceHandlers(_app: App): Partial<Handlers> {
  return {};
}
