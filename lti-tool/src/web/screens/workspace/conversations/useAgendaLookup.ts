import { useClips } from '../../../api/clips.ts';
import { useGoals } from '../../../api/goals.ts';
import { usePrompts } from '../../../api/prompts.ts';
import type { AgendaLookup } from '../../../lib/agenda.ts';

/** Goals, clips and prompts, to show what agenda items and commitments point at. */
export function useAgendaLookup(partnershipId: string): AgendaLookup {
  const goals = useGoals(partnershipId);
  const clips = useClips(partnershipId);
  const prompts = usePrompts(partnershipId);
  return { goals: goals.data?.goals ?? [], clips: clips.data?.clips ?? [], prompts: prompts.data?.prompts ?? [] };
}
