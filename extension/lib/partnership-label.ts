/** How a partnership is named in the extension: by the other people in it, from the reader's side. */
import { t } from '@lingui/core/macro';
import { i18n } from '@lingui/core';
import { formatList, type Partnership } from '@mentoring/shared';

export function partnershipLabel(p: Pick<Partnership, 'kind' | 'members'>, myId: string): string {
  const others = p.members.filter((m) => m.personId !== myId && m.invitation !== 'declined').map((m) => m.name);
  const names = others.length ? formatList(others, i18n.locale) : t`no partner yet`;
  if (p.kind === 'collegial') return t`Collegial coaching with ${names}`;
  return p.members.find((m) => m.personId === myId)?.role === 'mentor'
    ? t`Mentoring ${names}`
    : t`Mentored by ${names}`;
}
