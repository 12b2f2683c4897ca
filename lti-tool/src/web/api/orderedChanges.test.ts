import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { orderedChanges } from './orderedChanges.ts';

type List = { order: string[] };

/** A tool that answers each change only when the test says so, and records what it was sent. */
function slowTool() {
  const sent: string[][] = [];
  const pending: { resolve: (reply: List) => void; reject: (e: Error) => void; order: string[] }[] = [];
  return {
    sent,
    save: (order: string[]) =>
      new Promise<List>((resolve, reject) => {
        sent.push(order);
        pending.push({ resolve, reject, order });
      }),
    answer: () => {
      const next = pending.shift()!;
      next.resolve({ order: next.order });
    },
    refuse: () => pending.shift()!.reject(new Error('refused')),
  };
}

function setup(order: string[]) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const queryKey = ['partnerships', 'p1', 'agenda'];
  qc.setQueryData<List>(queryKey, { order });
  const tool = slowTool();
  const seen: string[][] = [order];
  qc.getQueryCache().subscribe(() => {
    const now = qc.getQueryData<List>(queryKey)?.order;
    if (now && now.join() !== seen.at(-1)?.join()) seen.push(now);
  });
  const options = orderedChanges<string[], List, List>(qc, {
    queryKey,
    kind: 'agenda',
    mutationFn: tool.save,
    optimistic: (_list, order) => ({ order }),
    settled: (_list, reply) => reply,
  });
  const change = (order: string[]) => new MutationObserver(qc, options).mutate(order).catch(() => undefined);
  const shown = () => qc.getQueryData<List>(queryKey)!.order;
  return { qc, tool, seen, change, shown };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ordered changes', () => {
  it('shows each change at once and never goes back to one the person has moved past', async () => {
    const { tool, seen, change, shown } = setup(['a', 'b', 'c']);
    const done = [change(['a', 'c', 'b']), change(['c', 'a', 'b']), change(['c', 'b', 'a'])];
    await tick();
    expect(shown()).toEqual(['c', 'b', 'a']);
    // One at a time: the second is sent only when the first has its answer.
    expect(tool.sent).toEqual([['a', 'c', 'b']]);
    for (let i = 0; i < 3; i++) {
      tool.answer();
      await tick();
      await tick();
    }
    await Promise.all(done);
    expect(tool.sent).toEqual([
      ['a', 'c', 'b'],
      ['c', 'a', 'b'],
      ['c', 'b', 'a'],
    ]);
    expect(seen).toEqual([
      ['a', 'b', 'c'],
      ['a', 'c', 'b'],
      ['c', 'a', 'b'],
      ['c', 'b', 'a'],
    ]);
  });

  it('puts the list back when the last change is refused', async () => {
    const { tool, change, shown } = setup(['a', 'b']);
    const done = change(['b', 'a']);
    await tick();
    expect(shown()).toEqual(['b', 'a']);
    tool.refuse();
    await done;
    expect(shown()).toEqual(['a', 'b']);
  });

  it('keeps a later change on screen when an earlier one is refused', async () => {
    const { tool, change, shown } = setup(['a', 'b', 'c']);
    const done = [change(['b', 'a', 'c']), change(['b', 'c', 'a'])];
    await tick();
    tool.refuse();
    await tick();
    await tick();
    expect(shown()).toEqual(['b', 'c', 'a']);
    tool.answer();
    await Promise.all(done);
    expect(shown()).toEqual(['b', 'c', 'a']);
  });
});
