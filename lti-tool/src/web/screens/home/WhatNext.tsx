import { useQueries } from '@tanstack/react-query';
import { canRespondToPrompt, canReview, type Partnership, type Preparation } from '@mentoring/shared';
import { useApi } from '../../api/ApiContext.tsx';
import { prepareQueries } from '../../api/prepare.ts';
import { routeHref, type Route } from '../../app/route.ts';
import { formatDateTime, formatRelative, useDatesRendered } from '../../lib/dates.ts';
import { joinNames, partnersOf } from '../../lib/people.ts';
import { t, plural } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

interface Todo {
  key: string;
  text: string;
  route: Route;
}

/** What waits for this person in one partnership, from the preparation the server gathers in one answer. */
export function todosOf(p: Partnership, prep: Preparation | undefined, meId: string): Todo[] {
  const partners = joinNames(partnersOf(p, meId).map((m) => m.name));
  const tab = (which: 'prompts' | 'conversations' | 'requests'): Route => ({
    name: 'workspace',
    partnershipId: p.id,
    tab: which,
  });
  const todos: Todo[] = [
    p.nextConversation
      ? {
          key: 'next',
          text: t`Next conversation with ${partners}: ${formatDateTime(p.nextConversation.scheduledFor)} (${formatRelative(p.nextConversation.scheduledFor)})`,
          route: tab('conversations'),
        }
      : { key: 'next', text: t`Schedule your next conversation with ${partners}`, route: tab('conversations') },
  ];
  if (!prep) return todos;
  const ownerOf = (goalId: string | null) => prep.goals.find((g) => g.id === goalId)?.ownerId ?? null;
  const toAnswer = prep.openPrompts.filter((x) => canRespondToPrompt(p, x, ownerOf(x.goalId), meId)).length;
  if (toAnswer > 0)
    todos.push({
      key: 'prompts',
      text: plural(toAnswer, { one: '# prompt to answer', other: '# prompts to answer' }),
      route: tab('prompts'),
    });
  if (canReview(p, meId)) {
    if (prep.newClipCount > 0)
      todos.push({
        key: 'clips',
        text: plural(prep.newClipCount, {
          one: `# new clip from ${partners} to review`,
          other: `# new clips from ${partners} to review`,
        }),
        route: { name: 'prepare', partnershipId: p.id },
      });
    if (prep.openRequests > 0)
      todos.push({
        key: 'requests',
        text: plural(prep.openRequests, {
          one: '# request for a resource to answer',
          other: '# requests for a resource to answer',
        }),
        route: tab('requests'),
      });
  }
  const due = prep.commitmentsDue.length;
  if (due > 0)
    todos.push({
      key: 'commitments',
      text: plural(due, {
        one: '# commitment from last time still open',
        other: '# commitments from last time still open',
      }),
      route: tab('conversations'),
    });
  return todos;
}

/** The home's first answer: what comes next and what waits for you, one link to each. */
export function WhatNext({ partnerships, meId }: { partnerships: Partnership[]; meId: string }) {
  useDatesRendered();
  const api = useApi();
  const preps = useQueries({ queries: partnerships.map((p) => prepareQueries.detail(api, p.id)) });
  if (partnerships.length === 0) return null;
  return (
    <section className="section what-next card" aria-labelledby="what-next">
      <h2 id="what-next">
        <Trans>What next</Trans>
      </h2>
      <ul className="todo">
        {partnerships.flatMap((p, i) =>
          todosOf(p, preps[i]?.data, meId).map((t) => (
            <li key={`${p.id}-${t.key}`}>
              <a href={routeHref(t.route)}>{t.text}</a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
