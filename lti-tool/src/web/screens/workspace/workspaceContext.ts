/**
 * What every part of one workspace needs: the partnership, who is looking, and what they may do.
 * The "may" comes from the shared access rules, the same ones the server enforces, so the app
 * never offers a control the tool would refuse.
 */
import { createContext, useContext } from 'react';
import {
  canEvaluate,
  canOwnGoals,
  canReview,
  canSetAgenda,
  canWriteContent,
  memberOf,
  type Partnership,
} from '@mentoring/shared';

export interface Workspace {
  partnership: Partnership;
  meId: string;
  can: {
    write: boolean;
    ownGoals: boolean;
    setAgenda: boolean;
    review: boolean;
    evaluate: boolean;
  };
}

export function workspaceFor(partnership: Partnership, meId: string): Workspace {
  return {
    partnership,
    meId,
    can: {
      write: canWriteContent(partnership, meId),
      ownGoals: canOwnGoals(partnership, meId) && canWriteContent(partnership, meId),
      setAgenda: canSetAgenda(partnership, meId),
      review: canReview(partnership, meId),
      evaluate: canEvaluate(partnership, meId),
    },
  };
}

/** The member's role in a mentoring partnership; collegial partners are both. */
export function isMentorIn(w: Workspace): boolean {
  return w.partnership.kind === 'mentoring' && memberOf(w.partnership, w.meId)?.role === 'mentor';
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace needs a WorkspaceContext');
  return w;
}
