/**
 * The mentee's agenda as an ordered list. Agenda items carry no id of their own, so each gets a
 * key from what it points at; the helpers return new lists and never change the one given.
 */
import type { AgendaItem, Clip, Goal, Prompt } from '@mentoring/shared';
import { t } from '@lingui/core/macro';

/** A stable key per item: what it points at, and for repeated free items, which repeat it is. */
export function agendaKeys(items: readonly AgendaItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = item.kind === 'free' ? `free:${item.text}` : `${item.kind}:${pointee(item)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

function pointee(item: AgendaItem): string {
  switch (item.kind) {
    case 'goal':
      return item.goalId;
    case 'clip':
      return item.clipId;
    case 'prompt':
      return item.promptId;
    case 'free':
      return item.text;
  }
}

/** Moves one item up (-1) or down (+1); at either end the list stays as it is. */
export function moveBy<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Moves the items with `movingKeys` before or after the item with `targetKey`, keeping their order. */
export function moveKeys<T>(
  items: readonly T[],
  keys: readonly string[],
  movingKeys: ReadonlySet<string>,
  targetKey: string,
  position: 'before' | 'after',
): T[] {
  if (movingKeys.has(targetKey)) return [...items];
  const moving: T[] = [];
  const rest: { item: T; key: string }[] = [];
  items.forEach((item, i) => (movingKeys.has(keys[i]!) ? moving.push(item) : rest.push({ item, key: keys[i]! })));
  const at = rest.findIndex((r) => r.key === targetKey);
  if (at < 0) return [...items];
  const insertAt = position === 'before' ? at : at + 1;
  const out = rest.map((r) => r.item);
  out.splice(insertAt, 0, ...moving);
  return out;
}

/** Adds an item at the end unless the same goal, clip or prompt is already on the agenda. */
export function addToAgenda(items: readonly AgendaItem[], item: AgendaItem): AgendaItem[] {
  if (item.kind !== 'free' && items.some((i) => i.kind === item.kind && pointee(i) === pointee(item)))
    return [...items];
  return [...items, item];
}

export function isOnAgenda(items: readonly AgendaItem[], item: AgendaItem): boolean {
  return item.kind !== 'free' && items.some((i) => i.kind === item.kind && pointee(i) === pointee(item));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export interface AgendaLookup {
  goals: readonly Goal[];
  clips: readonly Clip[];
  prompts: readonly Prompt[];
}

export interface AgendaEntry {
  kindLabel: string;
  title: string;
  detail: string | null;
}

const statusLabel = (key: Goal['status'] | Prompt['status']): string => {
  const words: Record<Goal['status'] | Prompt['status'], string> = {
    active: t`Active`,
    achieved: t`Achieved`,
    parked: t`Parked`,
    open: t`Waiting for a response`,
    answered: t`Answered`,
    discussed: t`Discussed`,
  };
  return words[key];
};

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** What an agenda item shows: the goal's title, the clip's quote, the prompt's question. */
export function describeAgendaItem(item: AgendaItem, lookup: AgendaLookup): AgendaEntry {
  switch (item.kind) {
    case 'goal': {
      const g = lookup.goals.find((x) => x.id === item.goalId);
      return {
        kindLabel: t`Goal`,
        title: g?.title ?? t`A goal that is no longer available`,
        detail: g && g.status !== 'active' ? statusLabel(g.status) : null,
      };
    }
    case 'clip': {
      const c = lookup.clips.find((x) => x.id === item.clipId);
      return {
        kindLabel: t`Clip`,
        title: c ? `“${shorten(c.quote, 140)}”` : t`A clip that is no longer available`,
        detail: c ? c.title || c.url : null,
      };
    }
    case 'prompt': {
      const p = lookup.prompts.find((x) => x.id === item.promptId);
      return {
        kindLabel: t`Prompt`,
        title: p?.question ?? t`A prompt that is no longer available`,
        detail: p ? statusLabel(p.status) : null,
      };
    }
    case 'free':
      return { kindLabel: t`Topic`, title: item.text, detail: null };
  }
}
