import type { Clip } from '@mentoring/shared';
import { useClipCache, useDeleteClip, useReviewClip } from '../../../api/clips.ts';
import { useNotify } from '../../../components/Toaster.tsx';
import { t } from '@lingui/core/macro';

/**
 * Marking reviewed is sent at once and undone through the API; deleting cannot be reversed, so it
 * shows at once and is sent only when the undo window has passed.
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
    review.mutate({ id: clip.id }, { onError: restore });
    notify({
      message: t`Marked as reviewed.`,
      undo: () => {
        restore();
        review.mutate({ id: clip.id, undo: true });
      },
    });
  };

  /** Takes one's own review back later, after the undo has gone (it was pressed by mistake, or to read it again). */
  const markUnreviewed = (clip: Clip) => {
    const restore = patch(clip.id, (c) => ({ ...c, reviews: c.reviews.filter((r) => r.mentorId !== meId) }));
    review.mutate({ id: clip.id, undo: true }, { onError: restore });
    notify({ message: t`Marked as not reviewed: it is back among the new clips.` });
  };

  const deleteClip = (clip: Clip) => {
    const restore = patch(clip.id, () => null);
    notify({ message: t`Clip deleted.`, undo: restore, onExpire: () => remove.mutate(clip.id, { onError: restore }) });
  };

  return { markReviewed, markUnreviewed, deleteClip, error: review.error ?? remove.error };
}
