import type { Clip } from '@mentoring/shared';
import { useClipCache, useDeleteClip, useReviewClip } from '../../../api/clips.ts';
import { useNotify } from '../../../components/Toaster.tsx';

/**
 * Marking reviewed and deleting cannot be reversed through the API, so both show at once and are
 * sent only when the undo window has passed.
 */
export function useClipActions(partnershipId: string, meId: string) {
  const patch = useClipCache(partnershipId);
  const review = useReviewClip(partnershipId);
  const remove = useDeleteClip(partnershipId);
  const notify = useNotify();

  const markReviewed = (clip: Clip) => {
    const restore = patch(clip.id, (c) => ({
      ...c,
      reviews: [...c.reviews, { mentorId: meId, reviewedAt: new Date().toISOString() }],
    }));
    notify({
      message: 'Marked as reviewed.',
      undo: restore,
      onExpire: () => review.mutate(clip.id, { onError: restore }),
    });
  };

  const deleteClip = (clip: Clip) => {
    const restore = patch(clip.id, () => null);
    notify({ message: 'Clip deleted.', undo: restore, onExpire: () => remove.mutate(clip.id, { onError: restore }) });
  };

  return { markReviewed, deleteClip, error: review.error ?? remove.error };
}
