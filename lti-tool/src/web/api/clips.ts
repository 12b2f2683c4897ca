/** Clips: passages from readings, filed by the mentee and reviewed by the mentor. */
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import type { Clip, ClipFilter, ClipList, CreateClip, Preparation, UpdateClip } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';
import { prepareKeys } from './prepare.ts';
import { promptKeys } from './prompts.ts';

export const clipKeys = {
  all: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'clips'] as const,
  list: (partnershipId: string, filter: ClipFilter) => [...clipKeys.all(partnershipId), filter] as const,
};

/** The clips matching a filter; while a new filter loads, the last answer stays on screen. */
export function useClips(partnershipId: string, filter: ClipFilter = {}) {
  const api = useApi();
  return useQuery({
    queryKey: clipKeys.list(partnershipId, filter),
    queryFn: () => api.listClips({ params: { id: partnershipId }, query: { limit: 500, ...filter } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Changes a clip wherever it is cached (every filtered list and the mentor's preparation), and
 * gives back a function that restores what was there. `null` takes the clip out.
 */
export function useClipCache(partnershipId: string) {
  const qc = useQueryClient();
  return (clipId: string, change: (c: Clip) => Clip | null): (() => void) => {
    const lists = qc.getQueriesData<ClipList>({ queryKey: clipKeys.all(partnershipId) });
    const prep = qc.getQueryData<Preparation>(prepareKeys.detail(partnershipId));
    const apply = (clips: Clip[]) => clips.flatMap((c) => (c.id === clipId ? (change(c) ?? []) : [c]));
    qc.setQueriesData<ClipList>({ queryKey: clipKeys.all(partnershipId) }, (old) => {
      if (!old) return old;
      const clips = apply(old.clips);
      return { clips, total: old.total - (old.clips.length - clips.length) };
    });
    if (prep) qc.setQueryData<Preparation>(prepareKeys.detail(partnershipId), { ...prep, newClips: apply(prep.newClips) });
    return () => {
      for (const [key, data] of lists) qc.setQueryData(key, data);
      if (prep) qc.setQueryData(prepareKeys.detail(partnershipId), prep);
    };
  };
}

export function useCreateClip(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClip) => api.createClip({ params: { id: partnershipId }, body }),
    onSuccess: (_clip, body) => {
      void qc.invalidateQueries({ queryKey: clipKeys.all(partnershipId) });
      void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
      if (body.newPrompt) void qc.invalidateQueries({ queryKey: promptKeys.list(partnershipId) });
    },
  });
}

export function useUpdateClip(partnershipId: string) {
  const api = useApi();
  const patch = useClipCache(partnershipId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateClip }) => api.updateClip({ params: { id }, body }),
    onSuccess: (clip) => void patch(clip.id, () => clip),
  });
}

/** Sent only once the undo window has passed; the caller has already taken the clip off screen. */
export function useDeleteClip(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteClip({ params: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: clipKeys.all(partnershipId) }),
  });
}

/** Sent only once the undo window has passed; the caller has already shown the clip as reviewed. */
export function useReviewClip(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  const patch = useClipCache(partnershipId);
  return useMutation({
    mutationFn: (id: string) => api.reviewClip({ params: { id } }),
    onSuccess: (clip) => void patch(clip.id, () => clip),
    onError: () => qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) }),
  });
}

/** The mentor's "turn into a question": a reflection prompt made from the passage. */
export function usePromptFromClip(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ clipId, question }: { clipId: string; question: string }) => api.promptFromClip({ params: { id: clipId }, body: { question } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: promptKeys.list(partnershipId) });
      void qc.invalidateQueries({ queryKey: clipKeys.all(partnershipId) });
      void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
    },
  });
}

/** Tags in use, for the filter. */
export function tagsOf(clips: readonly Clip[]): string[] {
  return [...new Set(clips.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
}
