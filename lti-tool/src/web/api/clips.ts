/** Clips: passages from readings, filed by the mentee and reviewed by the mentor. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
} from '@tanstack/react-query';
import type { ApiClient, Clip, ClipFilter, ClipList, CreateClip, Preparation, UpdateClip } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';
import { prepareKeys } from './prepare.ts';
import { promptKeys } from './prompts.ts';

export const clipKeys = {
  all: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'clips'] as const,
  list: (partnershipId: string, filter: ClipFilter) => [...clipKeys.all(partnershipId), filter] as const,
  pages: (partnershipId: string, filter: ClipFilter) => [...clipKeys.all(partnershipId), 'pages', filter] as const,
  /** Beside the lists rather than among them: changes patched into every list do not apply to it. */
  tags: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'clip-tags'] as const,
};

/** Clips shown a page at a time in the clips tab. */
export const CLIP_PAGE = 100;

export const clipQueries = {
  /** The newest clips matching a filter (up to 500). */
  list: (api: ApiClient, partnershipId: string, filter: ClipFilter) =>
    queryOptions({
      queryKey: clipKeys.list(partnershipId, filter),
      queryFn: ({ signal }) =>
        api.listClips({ params: { id: partnershipId }, query: { limit: 500, ...filter }, signal }),
    }),
  /** Every tag on the partnership's clips, for the filter. */
  tags: (api: ApiClient, partnershipId: string) =>
    queryOptions({
      queryKey: clipKeys.tags(partnershipId),
      queryFn: ({ signal }) => api.clipTags({ params: { id: partnershipId }, signal }).then((r) => r.tags),
    }),
  /** The clips matching a filter, newest first, a page at a time: each next page starts after the last clip shown. */
  pages: (api: ApiClient, partnershipId: string, filter: ClipFilter) =>
    infiniteQueryOptions({
      queryKey: clipKeys.pages(partnershipId, filter),
      queryFn: ({ pageParam, signal }) =>
        api.listClips({ params: { id: partnershipId }, query: { ...filter, limit: CLIP_PAGE, ...pageParam }, signal }),
      initialPageParam: {} as Pick<ClipFilter, 'before' | 'beforeId'>,
      getNextPageParam: (last: ClipList, pages: ClipList[]) => {
        const shown = pages.reduce((n, p) => n + p.clips.length, 0);
        const oldest = last.clips.at(-1);
        return oldest && shown < last.total ? { before: oldest.createdAt, beforeId: oldest.id } : undefined;
      },
    }),
};

/** The newest clips matching a filter (up to 500); while a new filter loads, the last answer stays on screen. */
export function useClips(partnershipId: string, filter: ClipFilter = {}) {
  const api = useApi();
  return useQuery({ ...clipQueries.list(api, partnershipId, filter), placeholderData: keepPreviousData });
}

export function useClipTags(partnershipId: string) {
  return useQuery(clipQueries.tags(useApi(), partnershipId));
}

/**
 * The clips matching a filter, newest first, a page at a time: each next page starts after the last
 * clip shown. While a new filter loads, the last answer stays on screen.
 */
export function useClipPages(partnershipId: string, filter: ClipFilter = {}) {
  const api = useApi();
  return useInfiniteQuery({ ...clipQueries.pages(api, partnershipId, filter), placeholderData: keepPreviousData });
}

/**
 * Changes a clip wherever it is cached (every filtered list and the mentor's preparation), and
 * gives back a function that restores what was there. `null` takes the clip out.
 */
export function useClipCache(partnershipId: string) {
  const qc = useQueryClient();
  return (clipId: string, change: (c: Clip) => Clip | null): (() => void) => {
    const lists = qc.getQueriesData<ClipList | InfiniteData<ClipList>>({ queryKey: clipKeys.all(partnershipId) });
    const prep = qc.getQueryData<Preparation>(prepareKeys.detail(partnershipId));
    const apply = (clips: Clip[]) => clips.flatMap((c) => (c.id === clipId ? (change(c) ?? []) : [c]));
    const applyAll = (pages: ClipList[]): ClipList[] => {
      const changed = pages.map((p) => apply(p.clips));
      const removed = pages.reduce((n, p, i) => n + p.clips.length - changed[i]!.length, 0);
      return pages.map((p, i) => ({ clips: changed[i]!, total: p.total - removed }));
    };
    qc.setQueriesData<ClipList | InfiniteData<ClipList>>({ queryKey: clipKeys.all(partnershipId) }, (old) => {
      if (!old) return old;
      return 'pages' in old ? { ...old, pages: applyAll(old.pages) } : applyAll([old])[0];
    });
    if (prep)
      qc.setQueryData<Preparation>(prepareKeys.detail(partnershipId), { ...prep, newClips: apply(prep.newClips) });
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
      if (body.tags?.length) void qc.invalidateQueries({ queryKey: clipKeys.tags(partnershipId) });
      void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
      if (body.newPrompt) void qc.invalidateQueries({ queryKey: promptKeys.list(partnershipId) });
    },
  });
}

export function useUpdateClip(partnershipId: string) {
  const api = useApi();
  const patch = useClipCache(partnershipId);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateClip }) => api.updateClip({ params: { id }, body }),
    onSuccess: (clip, { body }) => {
      patch(clip.id, () => clip);
      if (body.tags) void qc.invalidateQueries({ queryKey: clipKeys.tags(partnershipId) });
    },
  });
}

/** Sent only once the undo window has passed; the caller has already taken the clip off screen. */
export function useDeleteClip(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteClip({ params: { id } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: clipKeys.all(partnershipId) });
      void qc.invalidateQueries({ queryKey: clipKeys.tags(partnershipId) });
    },
  });
}

/** Sent at once (the caller has already shown the clip as reviewed); `undo` takes the review back. */
export function useReviewClip(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  const patch = useClipCache(partnershipId);
  return useMutation({
    mutationFn: ({ id, undo }: { id: string; undo?: boolean }) =>
      undo ? api.unreviewClip({ params: { id } }) : api.reviewClip({ params: { id } }),
    onSuccess: (clip, { undo }) => {
      patch(clip.id, () => clip);
      // Taken back, the clip is new to review again: the preparation lists it once more.
      if (undo) void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
    },
    onError: () => qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) }),
  });
}

/**
 * The mentor's "turn into a question": a reflection prompt made from the passage, which counts as
 * reviewed by them. The preparation is changed in place rather than fetched again, so the clip stays
 * on Prepare showing what became of it, and the question joins the open prompts.
 */
export function usePromptFromClip(partnershipId: string, meId: string) {
  const api = useApi();
  const qc = useQueryClient();
  const patch = useClipCache(partnershipId);
  return useMutation({
    mutationFn: ({ clipId, question }: { clipId: string; question: string }) =>
      api.promptFromClip({ params: { id: clipId }, body: { question } }),
    onSuccess: (prompt, { clipId }) => {
      patch(clipId, (c) => ({
        ...c,
        promptIds: [...c.promptIds, prompt.id],
        reviews: c.reviews.some((r) => r.mentorId === meId)
          ? c.reviews
          : [...c.reviews, { mentorId: meId, reviewedAt: prompt.createdAt }],
      }));
      qc.setQueryData<Preparation>(
        prepareKeys.detail(partnershipId),
        (prep) => prep && { ...prep, openPrompts: [...prep.openPrompts, prompt] },
      );
      void qc.invalidateQueries({ queryKey: promptKeys.list(partnershipId) });
      void qc.invalidateQueries({ queryKey: clipKeys.all(partnershipId) });
    },
  });
}
