import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';

export function clipHandlers(_app: App): Partial<Handlers> {
  return {};
}
