/** The picker's form for a captured passage, once the browser is connected. */
import { Trans } from '@lingui/react/macro';
import { t } from '@lingui/core/macro';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { findDuplicate } from '@mentoring/shared';
import type { Capture } from '@/lib/capture';
import { clipFromDraft, type Target } from '@/lib/clip-draft';
import { forgetKept, keepPassage } from '@/lib/kept-passages';
import type { Connection } from '@/lib/connection';
import { askBackground } from '@/lib/messages';
import { partnershipLabel } from '@/lib/partnership-label';
import { askForSite } from '@/lib/site-access';
import { describeError } from '@/lib/problems';
import { rememberPartnership, useChosenPartnership } from '@/ui/remembered-partnership';
import { clipQueries, useGoals, usePartnerships } from '@/ui/tool-queries';
import { useQueue } from '@/ui/use-stored';

const NEW_PROMPT = 'new-prompt';
const NO_GOAL = 'none';

export function ClipForm({
  capture,
  keptId,
  connection,
  onDone,
}: {
  capture: Capture;
  /** Set when the passage was kept for filing later: it is forgotten once saved. */
  keptId?: string;
  connection: Connection;
  onDone: () => void;
}) {
  const myId = connection.me.person.id;
  const [clipId] = useState(() => crypto.randomUUID());
  const partnerships = usePartnerships(connection);
  const remembered = useChosenPartnership(partnerships.data?.data);
  const [picked, setPicked] = useState<string | null>(null);
  const partnershipId = picked ?? remembered;
  const goals = useGoals(connection, partnershipId);
  const activeGoals = (goals.data?.data ?? []).filter((g) => g.status === 'active');
  const [fileUnder, setFileUnder] = useState<string | null>(null);
  const chosen = fileUnder ?? activeGoals[0]?.id ?? NO_GOAL;
  const [question, setQuestion] = useState('');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  /** The request for the page's site, asked on Save: the window stays open while its prompt is up. */
  const siteAsked = useRef<Promise<boolean>>(Promise.resolve(true));

  const duplicate = useDuplicate(capture, partnershipId, clipId);

  const save = useMutation({
    mutationFn: async () => {
      const target: Target =
        chosen === NEW_PROMPT
          ? { kind: 'prompt', question }
          : chosen === NO_GOAL
            ? { kind: 'none' }
            : { kind: 'goal', goalId: chosen };
      const draft = clipFromDraft({ id: clipId, capture, target, note, tags });
      if ('problem' in draft) throw new Error(draft.problem);
      await rememberPartnership(partnershipId!);
      const result = await askBackground({ type: 'clip:enqueue', partnershipId: partnershipId!, body: draft.body });
      if (keptId) await forgetKept(keptId);
      return result;
    },
    onSuccess: (result) => void siteAsked.current.then(() => setTimeout(onDone, result.sent ? 900 : 4_000)),
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setProblem(null);
    if (!partnershipId) return setProblem(t`Choose a partnership first.`);
    if (save.isPending || save.isSuccess) return;
    // Within the reader's gesture: to show this clip again when the page is opened later.
    siteAsked.current = askForSite(capture.url);
    save.mutate();
  };
  // Enter saves from any field (a select or the note too, where browsers would not submit); Shift+Enter is a new line.
  const enterSaves = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing || e.target instanceof HTMLButtonElement) return;
    e.preventDefault();
    form.current?.requestSubmit();
  };

  if (partnerships.isPending) {
    return (
      <>
        <Passage capture={capture} />
        <p>
          <Trans>Loading your partnerships…</Trans>
        </p>
      </>
    );
  }
  if (partnerships.error) {
    return (
      <>
        <Passage capture={capture} />
        <KeepForLater
          capture={capture}
          keptId={keptId}
          reason={describeError(partnerships.error)}
          onRetry={() => void partnerships.refetch()}
          onDone={onDone}
        />
      </>
    );
  }
  if (partnerships.data.data.length === 0) {
    return (
      <>
        <Passage capture={capture} />
        <p className="notice" role="alert">
          <Trans>
            You have no active partnership to clip into yet. Accept an invitation or form one in your workspace first.
          </Trans>
        </p>
      </>
    );
  }

  return (
    <form ref={form} onSubmit={submit} onKeyDown={enterSaves} aria-describedby="picker-keys">
      <Passage capture={capture} />
      {partnerships.data.staleBecause && (
        <p className="notice" role="status">
          <Trans>
            The tool cannot be reached or has signed you out ({partnerships.data.staleBecause}). Your partnerships are
            shown as last saved; the clip will wait in this browser and be sent later.
          </Trans>
        </p>
      )}
      {duplicate && (
        <div className="notice" role="alert">
          {duplicate.waiting ? (
            <Trans>Already clipped (waiting to be sent): you clipped this passage from this page before.</Trans>
          ) : (
            <Trans>Already clipped: you clipped this passage from this page before.</Trans>
          )}{' '}
          {!duplicate.waiting && (
            <button
              type="button"
              className="link"
              onClick={() =>
                void askBackground({
                  type: 'clip:show',
                  clipId: duplicate.id,
                  url: capture.url,
                  tabId: capture.tabId ?? undefined,
                }).then(onDone)
              }
            >
              <Trans>Show the existing clip</Trans>
            </button>
          )}
        </div>
      )}

      <label htmlFor="partnership">
        <Trans>Partnership</Trans>
      </label>
      <select
        id="partnership"
        value={partnershipId ?? ''}
        onChange={(e) => {
          setPicked(e.target.value);
          setFileUnder(null);
        }}
      >
        {partnerships.data.data.map((p) => (
          <option key={p.id} value={p.id}>
            {partnershipLabel(p, myId)}
          </option>
        ))}
      </select>

      <label htmlFor="file-under">
        <Trans>File under</Trans>
      </label>
      <select id="file-under" value={chosen} onChange={(e) => setFileUnder(e.target.value)} autoFocus>
        {activeGoals.map((g) => (
          <option key={g.id} value={g.id}>
            {goalOption(g.title)}
          </option>
        ))}
        <option value={NEW_PROMPT}>{t`New reflection prompt…`}</option>
        <option value={NO_GOAL}>{t`No goal for now`}</option>
      </select>
      {goals.error && (
        <p className="hint">
          <Trans>Goals could not be loaded ({describeError(goals.error)}).</Trans>
        </p>
      )}

      {chosen === NEW_PROMPT && (
        <>
          <label htmlFor="question">
            <Trans>Reflection question</Trans>
          </label>
          <input
            id="question"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            maxLength={1000}
            required
            autoFocus
          />
        </>
      )}

      <label htmlFor="note">
        <Trans>Note</Trans>
      </label>
      <textarea id="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={10_000} />

      <label htmlFor="tags">
        <Trans>Tags</Trans>
      </label>
      <input
        id="tags"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        placeholder={t`listening, trust`}
        aria-describedby="tags-hint"
      />
      <p id="tags-hint" className="hint">
        <Trans>Separate tags with commas.</Trans>
      </p>

      <div className="actions">
        <button className="primary" type="submit" disabled={save.isPending || save.isSuccess}>
          {save.isPending ? t`Saving…` : t`Save`}
        </button>
        <button type="button" onClick={onDone}>
          <Trans>Cancel</Trans>
        </button>
        <span id="picker-keys" className="hint">
          <Trans>Enter saves, Escape cancels.</Trans>
        </span>
      </div>
      <div role="status" aria-live="polite">
        {save.isSuccess && <p className={save.data.sent ? 'ok' : 'notice'}>{save.data.message}</p>}
      </div>
      {(problem || save.error) && (
        <p className="error" role="alert">
          {problem ?? describeError(save.error)}
        </p>
      )}
    </form>
  );
}

const goalOption = (title: string) => t`Goal: ${title}`;

/** The passage the picker holds, shown whatever else the picker can or cannot do. */
export function Passage({ capture }: { capture: Pick<Capture, 'quote' | 'title' | 'url' | 'notice'> }) {
  return (
    <>
      <blockquote className="quote" aria-label={t`Passage`} dir="auto">
        {capture.quote}
      </blockquote>
      <p className="hint">
        <bdi>{capture.title || capture.url}</bdi>
      </p>
      {capture.notice && (
        <p className="notice" role="status">
          {capture.notice}
        </p>
      )}
    </>
  );
}

/** No partnership can be chosen yet (the tool unreachable, no saved list): keep the passage to file it later. */
function KeepForLater(props: {
  capture: Capture;
  keptId: string | undefined;
  reason: string;
  onRetry: () => void;
  onDone: () => void;
}) {
  const keep = useMutation({
    mutationFn: () => keepPassage(props.capture),
    onSuccess: () => setTimeout(props.onDone, 4_000),
  });
  const kept = !!props.keptId || keep.isSuccess;
  return (
    <>
      <p className="error" role="alert">
        <Trans>
          {props.reason} This browser has no saved list of your partnerships yet, so the passage cannot be filed now.
        </Trans>
      </p>
      <div role="status" aria-live="polite">
        {kept && (
          <p className="notice">
            <Trans>Kept in this browser. File it from the toolbar button once the tool can be reached.</Trans>
          </p>
        )}
      </div>
      <div className="actions">
        {!kept && (
          <button className="primary" type="button" autoFocus onClick={() => keep.mutate()} disabled={keep.isPending}>
            <Trans>Keep for filing later</Trans>
          </button>
        )}
        <button type="button" onClick={props.onRetry}>
          <Trans>Try again</Trans>
        </button>
        <button type="button" onClick={props.onDone}>
          <Trans>Close</Trans>
        </button>
      </div>
      {keep.error && (
        <p className="error" role="alert">
          {describeError(keep.error)}
        </p>
      )}
    </>
  );
}

/** An existing clip of the same passage on this page in this partnership, sent or still waiting. */
function useDuplicate(
  capture: Capture,
  partnershipId: string | null,
  ownId: string,
): { id: string; waiting: boolean } | null {
  const queue = useQueue();
  const onPage = useQuery(clipQueries.onPage(capture.url));
  const others = <C extends { id: string; partnershipId: string }>(clips: readonly C[]) =>
    clips.filter((c) => c.partnershipId === partnershipId && c.id !== ownId);
  const saved = findDuplicate(others(onPage.data ?? []), capture.url, capture.quote);
  if (saved) return { id: saved.id, waiting: false };
  const waiting = findDuplicate(
    others(queue).map((c) => ({ id: c.id, url: c.body.url, quote: c.body.quote })),
    capture.url,
    capture.quote,
  );
  return waiting ? { id: waiting.id, waiting: true } : null;
}
