/** How people in a partnership are named on screen. */
import { i18n } from '@lingui/core';
import { plural, t } from '@lingui/core/macro';
import { formatList, memberOf, type Member, type Partnership } from '@mentoring/shared';

type PartnershipPeople = Pick<Partnership, 'kind' | 'members'>;

export function nameOf(p: PartnershipPeople, personId: string | null | undefined): string {
  if (!personId) return t`Someone`;
  return p.members.find((m) => m.personId === personId)?.name ?? t`A former member`;
}

/** The other members, the ones a person thinks of as "my mentor", "my mentee", "my colleague". */
export function partnersOf(p: PartnershipPeople, meId: string): Member[] {
  return p.members.filter((m) => m.personId !== meId && m.invitation !== 'declined');
}

/** In collegial partnerships roles switch goal by goal, so they are shown as partners. */
export function roleLabel(p: Pick<Partnership, 'kind'>, role: Member['role']): string {
  if (p.kind === 'collegial' || role === 'partner') return t`Partner`;
  return role === 'mentor' ? t`Mentor` : t`Mentee`;
}

/** "You mentor Ana Ruiz", "Ben Okafor mentors you", "Collegial coaching with …". */
export function partnershipHeadline(p: Pick<Partnership, 'kind' | 'members' | 'status'>, meId: string): string {
  const me = memberOf({ ...p }, meId);
  const others = partnersOf(p, meId).map((m) => m.name);
  const names = joinNames(others);
  if (p.kind === 'collegial') return t`Collegial coaching with ${names}`;
  if (me?.role === 'mentor') return t`You mentor ${names}`;
  const count = others.length;
  return t({ message: plural(count, { one: `${names} mentors you`, other: `${names} mentor you` }) });
}

/** A list of names as the reader's language writes one ("A, B and C", "A، B و C", "A、B和C"). */
export function joinNames(names: readonly string[]): string {
  if (names.length === 0) return t`nobody yet`;
  return formatList(names, i18n.locale);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The people the reader turns to for answers: mentors, or the collegial partner. */
export function mentorsNames(p: PartnershipPeople, meId: string): string[] {
  const others = partnersOf(p, meId);
  const mentors = p.kind === 'collegial' ? others : others.filter((m) => m.role === 'mentor');
  return (mentors.length ? mentors : others).map((m) => m.name);
}

/** "A, B or C", as the reader's language writes a choice. */
export function joinNamesOr(names: readonly string[]): string {
  return formatList(names, i18n.locale, 'disjunction');
}

// Whole sentences with the name inside, so each language places it where its grammar wants it.
export const goalOf = (name: string) => t`${name}’s goal`;
export const coachedBy = (name: string) => t`coached by ${name}`;
export const askedBy = (name: string, date: string) => t`Asked by ${name} on ${date}`;
export const answerFrom = (name: string, date: string) => t`Answer from ${name}, ${date}`;
export const evaluatedBy = (name: string, date: string) => t`· by ${name}, ${date}`;

/** Who is to answer a prompt: "For you to answer", "For you or Ana to answer", "For Ana or Ben to answer". */
export function whoAnswers(p: PartnershipPeople, ids: readonly string[], meId: string): string {
  const others = joinNamesOr(ids.filter((id) => id !== meId).map((id) => nameOf(p, id)));
  if (!ids.includes(meId)) return t`For ${others} to answer`;
  return ids.length === 1 ? t`For you to answer` : t`For you or ${others} to answer`;
}

/** An LMS course role as the LMS names it in the reader's language (an unknown one as sent). */
export function lmsRoleLabel(name: string): string {
  const words: Record<string, string> = {
    Learner: t`Learner`,
    Instructor: t`Instructor`,
    TeachingAssistant: t`Teaching assistant`,
    ContentDeveloper: t`Content developer`,
    Mentor: t`Course mentor`,
    Administrator: t`Administrator`,
    Manager: t`Manager`,
    Member: t`Member`,
    Officer: t`Officer`,
  };
  return words[name] ?? name;
}
