/**
 * A goal's history line in the app's language, from what the server recorded (`event`); lines
 * kept before history was recorded as data have only their English text (`change`).
 */
import { t } from '@lingui/core/macro';
import type { GoalEvent } from '@mentoring/shared';
import { formatDate } from './dates.ts';

export function goalChangeLine(e: GoalEvent): string {
  const d = e.event;
  if (!d) return e.change;
  switch (d.kind) {
    case 'created':
      return t`set the goal`;
    case 'renamed': {
      const { from, to } = d;
      return t`renamed it from “${from}” to “${to}”`;
    }
    case 'why-changed':
      return t`changed why it matters`;
    case 'success-changed':
      return t`changed what success would look like`;
    case 'status':
      return d.status === 'active'
        ? t`made it active again`
        : d.status === 'achieved'
          ? t`marked it achieved`
          : t`parked it`;
    case 'coach': {
      const name = d.name;
      return name ? t`asked ${name} to coach it` : t`left it without a coach`;
    }
    case 'action-added': {
      const text = d.text;
      if (!d.conversationOn) return t`added the action “${text}”`;
      const day = formatDate(d.conversationOn);
      return t`added the action “${text}” in the conversation of ${day}`;
    }
    case 'action-changed': {
      const text = d.text;
      return t`changed the action “${text}”`;
    }
    case 'action-done': {
      const text = d.text;
      return d.done ? t`completed the action “${text}”` : t`reopened the action “${text}”`;
    }
  }
}
