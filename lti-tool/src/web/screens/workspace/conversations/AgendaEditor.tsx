import { useLayoutEffect, useRef, useState } from 'react';
import { Button, GridList, GridListItem, useDragAndDrop, type Key } from 'react-aria-components';
import { ApiError, type AgendaItem, type Conversation } from '@mentoring/shared';
import { useSetAgenda } from '../../../api/conversations.ts';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { agendaKeys, describeAgendaItem, moveBy, moveKeys, removeAt, type AgendaLookup } from '../../../lib/agenda.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { AddToAgenda } from './AddToAgenda.tsx';
import { t } from '@lingui/core/macro';
import { formatNumber } from '../../../lib/dates.ts';
import { Trans } from '@lingui/react/macro';

/**
 * The mentee builds and orders the agenda (docs/design.md, principle 1). Items move by dragging, by the keyboard's
 * drag and drop (Enter on the handle), or with the move up and down buttons; removing offers undo.
 */
export function AgendaEditor({ conversation, lookup }: { conversation: Conversation; lookup: AgendaLookup }) {
  const { partnership: p } = useWorkspace();
  const setAgenda = useSetAgenda(p.id);
  const notify = useNotify();
  const items = conversation.agenda;
  const keys = agendaKeys(items);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; move: 'up' | 'down' } | null>(null);
  // The agenda this person wanted when a partner's change came first: shown beside theirs, not lost.
  const [mine, setMine] = useState<AgendaItem[] | null>(null);

  // An undo pressed later saves on the version shown then, not on the one when it was offered.
  const shown = useRef(conversation);
  shown.current = conversation;

  const save = (agenda: AgendaItem[]) => {
    setMine(null);
    setAgenda.mutate(
      { id: conversation.id, agenda, version: shown.current.version },
      { onError: (e) => e instanceof ApiError && e.status === 409 && setMine(agenda) },
    );
  };

  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (dragged) =>
      [...dragged].map((k) => ({ 'text/plain': describeAgendaItem(items[keys.indexOf(String(k))]!, lookup).title })),
    onReorder: (e) => {
      if (e.target.dropPosition === 'on') return;
      save(moveKeys(items, keys, new Set([...e.keys].map(String)), String(e.target.key), e.target.dropPosition));
    },
  });

  // Moving a row re-inserts it in the page, which drops focus; and a move to either end disables
  // the button just pressed. Put focus back on the row's move button before the browser paints, so
  // a key pressed straight after lands on it.
  useLayoutEffect(() => {
    if (!focusAfterMove) return;
    const row = document.querySelector(`[data-agenda-key="${CSS.escape(focusAfterMove.key)}"]`);
    const pressed = row?.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.move}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${focusAfterMove.move === 'up' ? 'down' : 'up'}"]`,
    );
    const target = pressed && !pressed.disabled ? pressed : other;
    if (target && document.activeElement !== target) target.focus();
  }, [focusAfterMove, items]);

  const move = (index: number, delta: -1 | 1) => {
    save(moveBy(items, index, delta));
    setFocusAfterMove({ key: keys[index]!, move: delta < 0 ? 'up' : 'down' });
  };

  const remove = (index: number) => {
    const before = items;
    const title = describeAgendaItem(items[index]!, lookup).title;
    save(removeAt(items, index));
    notify({ message: t`Removed from the agenda: ${title}`, undo: () => save(before) });
  };

  return (
    <div className="agenda">
      {items.length === 0 ? (
        <p className="muted">
          <Trans>
            The agenda is empty. Add the goals, clips and prompts you want to talk about, in the order you want to take
            them.
          </Trans>
        </p>
      ) : (
        <GridList aria-label={t`Agenda, in order`} className="agenda-list" dragAndDropHooks={dragAndDropHooks}>
          {items.map((item, i) => {
            const d = describeAgendaItem(item, lookup);
            return (
              <GridListItem
                key={keys[i]}
                id={keys[i] as Key}
                textValue={d.title}
                className="agenda-item"
                data-agenda-key={keys[i]}
              >
                <Button slot="drag" className="drag-handle" aria-label={t`Drag to reorder: ${d.title}`}>
                  ⋮⋮
                </Button>
                <AgendaItemBody number={i + 1} kind={item.kind} description={d} />
                <span className="agenda-tools">
                  <Button
                    className="button icon small"
                    data-move="up"
                    isDisabled={i === 0}
                    aria-label={t`Move up: ${d.title}`}
                    onPress={() => move(i, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    className="button icon small"
                    data-move="down"
                    isDisabled={i === items.length - 1}
                    aria-label={t`Move down: ${d.title}`}
                    onPress={() => move(i, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    className="button icon small quiet"
                    aria-label={t`Remove from agenda: ${d.title}`}
                    onPress={() => remove(i)}
                  >
                    ×
                  </Button>
                </span>
              </GridListItem>
            );
          })}
        </GridList>
      )}
      {mine ? (
        <div className="notice" role="alert">
          <p>
            <Trans>
              The agenda changed while you were editing it (your partner, or you in another window). Above is the newer
              agenda; your change was not saved. Yours was:
            </Trans>
          </p>
          <AgendaView agenda={mine} lookup={lookup} />
          <div className="form-actions">
            <Button className="button" onPress={() => setMine(null)}>
              <Trans>Keep the newer agenda</Trans>
            </Button>
            <Button className="button primary" onPress={() => save(mine)}>
              <Trans>Use my agenda instead</Trans>
            </Button>
          </div>
        </div>
      ) : (
        setAgenda.isError && <ErrorNotice error={setAgenda.error} />
      )}
      <AddToAgenda items={items} lookup={lookup} onAdd={save} />
    </div>
  );
}

/** The agenda as the mentor (and everyone after the conversation) reads it. */
export function AgendaView({ agenda, lookup }: { agenda: readonly AgendaItem[]; lookup: AgendaLookup }) {
  if (agenda.length === 0)
    return (
      <p className="muted">
        <Trans>No agenda yet. The mentee sets it before the conversation.</Trans>
      </p>
    );
  const keys = agendaKeys(agenda);
  return (
    <ol className="agenda-list readonly">
      {agenda.map((item, i) => {
        const d = describeAgendaItem(item, lookup);
        return (
          <li key={keys[i]} className="agenda-item">
            <AgendaItemBody number={i + 1} kind={item.kind} description={d} />
          </li>
        );
      })}
    </ol>
  );
}

/** An agenda item's number, kind and title, the same in the editor and in the read-only view. */
function AgendaItemBody({
  number,
  kind,
  description: d,
}: {
  number: number;
  kind: AgendaItem['kind'];
  description: ReturnType<typeof describeAgendaItem>;
}) {
  return (
    <>
      <span className="agenda-number" aria-hidden="true">
        {formatNumber(number)}
      </span>
      <span className="agenda-body">
        <span className={`agenda-kind kind-${kind}`}>{d.kindLabel}</span>
        <span className="agenda-title">
          <bdi>{d.title}</bdi>
        </span>
        {d.detail && (
          <span className="agenda-detail">
            <bdi>{d.detail}</bdi>
          </span>
        )}
      </span>
    </>
  );
}
