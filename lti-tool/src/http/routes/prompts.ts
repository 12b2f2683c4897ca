/** Reflection prompts. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import { changePrompt, promptsFor, writePrompt } from '../../services/prompts.ts';

export function promptHandlers(app: App): Pick<Handlers, 'listPrompts' | 'createPrompt' | 'updatePrompt'> {
  return {
    listPrompts: async (p, { params }) => ({ prompts: await promptsFor(app, p, params.id!) }),
    createPrompt: (p, { params, body }) => writePrompt(app, p, params.id!, body),
    updatePrompt: (p, { params, body }) => changePrompt(app, p, params.id!, body),
  };
}
