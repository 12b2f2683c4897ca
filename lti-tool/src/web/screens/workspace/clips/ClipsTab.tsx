import { useRef, useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import type { ClipFilter } from '@mentoring/shared';
import { CLIP_PAGE, useClipPages, useClips, useClipTags } from '../../../api/clips.ts';
import { useGoals } from '../../../api/goals.ts';
import { routeHref } from '../../../app/route.ts';
import { Checkbox } from '../../../components/Checkbox.tsx';
import { ModalDialog } from '../../../components/Dialog.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { useDebounced } from '../../../components/useDebounced.ts';
import { ErrorNotice, Loading } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { formatNumber } from '../../../lib/dates.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { ClipCard } from './ClipCard.tsx';
import { ClipNewForm } from './ClipForm.tsx';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate } from '../../../components/Time.tsx';

const ALL = '*';

/** Passages from readings, filterable by goal, tag, words and what is new since the last conversation. */
export function ClipsTab() {
  const { partnership: p, can } = useWorkspace();
  const [q, setQ] = useState('');
  const [goalId, setGoalId] = useState(ALL);
  const [tag, setTag] = useState(ALL);
  const [newOnly, setNewOnly] = useState(false);
  const query = useDebounced(q.trim());

  const filter: ClipFilter = {
    ...(query ? { q: query } : {}),
    ...(goalId !== ALL ? { goalId } : {}),
    ...(tag !== ALL ? { tag } : {}),
    ...(newOnly ? { since: 'last-conversation' as const } : {}),
  };
  const filtered = Object.keys(filter).length > 0;
  const clips = useClipPages(p.id, filter);
  // Only the count: the newest clip is enough to learn how many there are.
  const everything = useClips(p.id, { limit: 1 });
  const tags = useClipTags(p.id);
  const goals = useGoals(p.id);
  const goalList = goals.data?.goals ?? [];
  const clear = () => {
    setQ('');
    setGoalId(ALL);
    setTag(ALL);
    setNewOnly(false);
  };

  const addClip = can.write ? (
    <ModalDialog
      title={t`Add a clip`}
      wide
      trigger={
        <Button className="button primary">
          <Trans>Add a clip</Trans>
        </Button>
      }
    >
      {(close) => <ClipNewForm goals={goalList} onDone={close} />}
    </ModalDialog>
  ) : null;

  const total = everything.data?.total ?? 0;
  const shown = clips.data?.pages.flatMap((page) => page.clips) ?? [];
  const shownCount = shown.length;
  const matching = clips.data?.pages[0]?.total ?? 0;
  const matchingText = formatNumber(matching);
  const list = useRef<HTMLDivElement>(null);
  // Keyboard users go on from the first older clip rather than from the button (gone after the last page).
  const showOlder = async () => {
    const from = shown.length;
    const next = await clips.fetchNextPage();
    if (next.isError) return;
    requestAnimationFrame(() =>
      list.current?.querySelectorAll('article.clip-card')[from]?.querySelector<HTMLElement>('a[href]')?.focus(),
    );
  };
  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>
          <Trans>Clips</Trans>
        </h2>
        {addClip}
      </div>

      {total > 0 && (
        <div className="filters" role="search" aria-label={t`Filter clips`}>
          <SearchField className="field search" value={q} onChange={setQ}>
            <Label>
              <Trans>Words</Trans>
            </Label>
            <Input placeholder={t`In the passage, note or title`} />
          </SearchField>
          <SelectField
            label={t`Goal`}
            value={goalId}
            onChange={(v) => setGoalId(v ?? ALL)}
            options={[
              { id: ALL, label: t`All goals` },
              ...goalList.map((g) => ({ id: g.id, label: g.title, own: true })),
            ]}
          />
          <SelectField
            label={t`Tag`}
            value={tag}
            onChange={(v) => setTag(v ?? ALL)}
            options={[{ id: ALL, label: t`All tags` }, ...(tags.data ?? []).map((t) => ({ id: t, label: t }))]}
          />
          <Checkbox isSelected={newOnly} onChange={setNewOnly} className="filter-new">
            <Trans>New since the last conversation</Trans>
            {p.lastConversationAt && <span className="muted small"> ({showDate(p.lastConversationAt)})</span>}
          </Checkbox>
        </div>
      )}

      {clips.isPending ? (
        <Loading label={t`Loading clips…`} />
      ) : !clips.data ? (
        <ErrorNotice error={clips.error} retry={() => void clips.refetch()} />
      ) : shown.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t`No clips match`}
            action={
              <Button className="button" onPress={clear}>
                <Trans>Show all clips</Trans>
              </Button>
            }
          />
        ) : (
          <EmptyState title={t`No clips yet`} action={addClip}>
            <p>
              <Trans>
                Clips are passages from your readings, with a note on why they matter, filed under a goal or asked as a
                question for your next conversation.
              </Trans>
            </p>
            <p>
              <Trans>
                Paste one here, or{' '}
                <a href={routeHref({ name: 'connect' })}>
                  <Trans>connect your browser</Trans>
                </a>{' '}
                to clip while you read.
              </Trans>
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {filtered
              ? plural(total, { one: `${matchingText} of # clip`, other: `${matchingText} of # clips` })
              : plural(matching, { one: '# clip', other: '# clips' })}
            {shown.length < matching &&
              plural(shownCount, { one: ', the newest # shown', other: ', the newest # shown' })}
            {filtered && (
              <Button className="button quiet small" onPress={clear}>
                <Trans>Clear filters</Trans>
              </Button>
            )}
          </p>
          <div ref={list} className={`stack ${clips.isPlaceholderData ? 'is-stale' : ''}`}>
            {shown.map((c) => (
              <ClipCard key={c.id} clip={c} goals={goalList} />
            ))}
          </div>
          {clips.hasNextPage && (
            <p className="more-clips">
              <Button className="button" isDisabled={clips.isFetchingNextPage} onPress={() => void showOlder()}>
                {clips.isFetchingNextPage
                  ? t`Loading older clips…`
                  : plural(Math.min(CLIP_PAGE, matching - shown.length), {
                      one: 'Show # older clip',
                      other: 'Show # older clips',
                    })}
              </Button>
            </p>
          )}
          {clips.error && (
            <ErrorNotice
              error={clips.error}
              retry={() => void (clips.isFetchNextPageError ? clips.fetchNextPage() : clips.refetch())}
            />
          )}
        </>
      )}
    </div>
  );
}
