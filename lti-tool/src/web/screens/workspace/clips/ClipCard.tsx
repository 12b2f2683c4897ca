import { Button } from 'react-aria-components';
import type { Clip, Goal } from '@mentoring/shared';
import { routeHref } from '../../../app/route.ts';
import { ModalDialog } from '../../../components/Dialog.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { joinNames, nameOf } from '../../../lib/people.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { ClipEditForm } from './ClipForm.tsx';
import { QuestionFromClipForm } from './QuestionFromClipForm.tsx';
import { useClipActions } from './useClipActions.ts';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A passage as it was read: the quote first, then where it is from and what the clipper noted. */
export function ClipCard({ clip, goals }: { clip: Clip; goals: readonly Goal[] }) {
  const { partnership: p, meId, can } = useWorkspace();
  const actions = useClipActions(p.id, meId);
  const reviewedByMe = clip.reviews.some((r) => r.mentorId === meId);
  const reviewers = clip.reviews.map((r) => (r.mentorId === meId ? t`you` : nameOf(p, r.mentorId)));
  const reviewedBy = joinNames(reviewers);
  const isClipper = clip.clipperId === meId;
  const linkedGoals = clip.goalIds
    .map((id) => goals.find((g) => g.id === id)?.title)
    .filter((title): title is string => !!title);
  const goalTitles = linkedGoals.join('; ');
  const clipper = nameOf(p, clip.clipperId);
  const clippedOn = formatDate(clip.createdAt);
  const mentorCanReview = can.review && !isClipper;

  return (
    <article className={`card clip-card ${mentorCanReview && !reviewedByMe ? 'unreviewed' : ''}`}>
      <blockquote dir="auto" className="clip-quote">
        {clip.quote}
      </blockquote>
      <p className="clip-source">
        <a href={clip.url} target="_blank" rel="noopener noreferrer">
          <bdi>{clip.title || hostOf(clip.url)}</bdi>
        </a>
        <span className="muted">
          {' '}
          · <bdi>{hostOf(clip.url)}</bdi>
        </span>
      </p>
      {clip.note && (
        <div className="clip-note">
          <span className="clip-note-label">{isClipper ? t`Your note` : t`${clipper}’s note`}</span>
          <p dir="auto">{clip.note}</p>
        </div>
      )}
      <div className="clip-meta">
        <span>{isClipper ? t`Clipped by you on ${clippedOn}` : t`Clipped by ${clipper} on ${clippedOn}`}</span>
        {linkedGoals.length > 0 && (
          <span>{plural(linkedGoals.length, { one: `Goal: ${goalTitles}`, other: `Goals: ${goalTitles}` })}</span>
        )}
        {clip.tags.length > 0 && (
          <ul className="tags" aria-label={t`Tags`}>
            {clip.tags.map((t) => (
              <li key={t} className="tag" dir="auto">
                {t}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="clip-footer">
        <span className={`review-state ${reviewers.length ? 'reviewed' : ''}`}>
          {reviewers.length ? t`Reviewed by ${reviewedBy}` : t`Not reviewed yet`}
          {clip.promptIds.length > 0 && (
            <>
              {' · '}
              <a href={routeHref({ name: 'workspace', partnershipId: p.id, tab: 'prompts' })}>
                {plural(clip.promptIds.length, {
                  one: 'Turned into a question',
                  other: 'Turned into # questions',
                })}
              </a>
            </>
          )}
        </span>
        <div className="clip-actions">
          {mentorCanReview && !reviewedByMe && (
            <Button className="button small primary" onPress={() => actions.markReviewed(clip)}>
              <Trans>Mark reviewed</Trans>
            </Button>
          )}
          {mentorCanReview && reviewedByMe && (
            <Button className="button small quiet" onPress={() => actions.markUnreviewed(clip)}>
              <Trans>Mark not reviewed</Trans>
            </Button>
          )}
          {mentorCanReview && (
            <ModalDialog
              title={t`Turn into a question`}
              trigger={
                <Button className="button small">
                  <Trans>Turn into a question</Trans>
                </Button>
              }
            >
              {(close) => <QuestionFromClipForm clip={clip} onDone={close} />}
            </ModalDialog>
          )}
          {isClipper && can.write && (
            <>
              <ModalDialog
                title={t`Change clip`}
                trigger={
                  <Button className="button small quiet">
                    <Trans>Edit</Trans>
                  </Button>
                }
              >
                {(close) => <ClipEditForm clip={clip} goals={goals} onDone={close} />}
              </ModalDialog>
              <Button className="button small quiet danger-text" onPress={() => actions.deleteClip(clip)}>
                <Trans>Delete</Trans>
              </Button>
            </>
          )}
        </div>
      </div>
    </article>
  );
}
