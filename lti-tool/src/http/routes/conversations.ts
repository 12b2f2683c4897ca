/** Conversations, their agenda, notes and commitments. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import {
  addCommitment,
  changeConversation,
  commitmentsDue,
  completeCommitment,
  cancelConversation,
  conversationsFor,
  scheduleConversation,
  setAgenda,
} from '../../services/conversations.ts';
import { deleteCommitment, editCommitment } from '../../services/removal.ts';

type ConversationRoutes =
  | 'listConversations'
  | 'createConversation'
  | 'updateConversation'
  | 'cancelConversation'
  | 'setAgenda'
  | 'addCommitment'
  | 'updateCommitment'
  | 'deleteCommitment'
  | 'commitmentsDue';

export function conversationHandlers(app: App): Pick<Handlers, ConversationRoutes> {
  return {
    listConversations: async (p, { params }) => ({ conversations: await conversationsFor(app, p, params.id!) }),
    createConversation: (p, { params, body }) => scheduleConversation(app, p, params.id!, body),
    updateConversation: (p, { params, body }) => changeConversation(app, p, params.id!, body),
    cancelConversation: (p, { params }) => cancelConversation(app, p, params.id!),
    setAgenda: (p, { params, body }) => setAgenda(app, p, params.id!, body.agenda, body.version),
    addCommitment: (p, { params, body }) => addCommitment(app, p, params.id!, body),
    async updateCommitment(p, { params, body }) {
      if (body.text !== undefined || body.dueOn !== undefined)
        await editCommitment(app, p, params.id!, { text: body.text, dueOn: body.dueOn });
      return completeCommitment(app, p, params.id!, body.done);
    },
    deleteCommitment: (p, { params }) => deleteCommitment(app, p, params.id!),
    commitmentsDue: async (p, { params }) => ({ commitments: await commitmentsDue(app, p, params.id!) }),
  };
}
