/**
 * A goal's history line in a reader's language, from what it records (`GoalChangeData`): the
 * rows keep data, never words, so the line reads in whichever language its reader has.
 */
import type { I18n } from '@lingui/core';
import { formatDocumentDay, GoalChangeData, type Locale } from '@mentoring/shared';

export function goalChangeText(i18n: I18n, e: GoalChangeData, locale: Locale, timeZone = 'UTC'): string {
  switch (e.kind) {
    case 'created':
      return i18n._({ id: 'history.created', message: 'set the goal' });
    case 'renamed':
      return i18n._({ id: 'history.renamed', message: 'renamed it from “{from}” to “{to}”', values: e });
    case 'why-changed':
      return i18n._({ id: 'history.why-changed', message: 'changed why it matters' });
    case 'success-changed':
      return i18n._({ id: 'history.success-changed', message: 'changed what success would look like' });
    case 'status':
      return i18n._({
        id: 'history.status',
        message: '{status, select, active {made it active again} achieved {marked it achieved} other {parked it}}',
        values: { status: e.status },
      });
    case 'coach':
      return e.name
        ? i18n._({ id: 'history.coach', message: 'asked {name} to coach it', values: { name: e.name } })
        : i18n._({ id: 'history.no-coach', message: 'left it without a coach' });
    case 'action-added':
      return e.conversationOn
        ? i18n._({
            id: 'history.action-added-in-conversation',
            message: 'added the action “{text}” in the conversation of {day}',
            values: { text: e.text, day: formatDocumentDay(e.conversationOn, locale, timeZone) },
          })
        : i18n._({ id: 'history.action-added', message: 'added the action “{text}”', values: { text: e.text } });
    case 'action-changed':
      return i18n._({ id: 'history.action-changed', message: 'changed the action “{text}”', values: { text: e.text } });
    case 'action-done':
      return e.done
        ? i18n._({ id: 'history.action-done', message: 'completed the action “{text}”', values: { text: e.text } })
        : i18n._({ id: 'history.action-reopened', message: 'reopened the action “{text}”', values: { text: e.text } });
  }
}

/** A stored line: data (JSON) since history became language-neutral, English text before. */
export function readGoalChange(stored: string): GoalChangeData | null {
  if (!stored.startsWith('{')) return null;
  try {
    const parsed = GoalChangeData.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
