/**
 * Every text of a notice, in one place: one function per kind, taking the notice's data and a
 * locale, so a translation changes this module and nothing that sends. The data holds names,
 * dates and counts only, so no text here can carry coaching content.
 */
import type { Delivery, NotificationData, NotificationKind } from '../notifications.ts';
import type { Locale } from '../domain.ts';

export interface NoticeText {
  /** The e-mail subject and the in-app entry's title. */
  title: string;
  /** One or two sentences saying what waits. */
  body: string;
}

const names = (list: string[] | undefined, locale: Locale) =>
  new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(list?.length ? list : ['your partner']);

export function formatWhen(iso: string | undefined, locale: Locale): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const who = (d: NotificationData) => d.actorName ?? 'Your partner';

export const noticeTexts: Record<NotificationKind, (d: NotificationData, locale: Locale) => NoticeText> = {
  invitation: (d) => ({
    title: `${who(d)} invites you to a mentoring partnership`,
    body: `${who(d)} has invited you to work together. Open the workspace to accept or decline.`,
  }),
  'conversation-scheduled': (d, l) => ({
    title: `Conversation scheduled for ${formatWhen(d.when, l)}`,
    body: `${who(d)} scheduled your next conversation for ${formatWhen(d.when, l)} (UTC).`,
  }),
  'conversation-moved': (d, l) => ({
    title: `Conversation moved to ${formatWhen(d.when, l)}`,
    body: `${who(d)} moved your conversation to ${formatWhen(d.when, l)} (UTC).`,
  }),
  'conversation-cancelled': (d, l) => ({
    title: `Conversation of ${formatWhen(d.when, l)} cancelled`,
    body: `${who(d)} cancelled the conversation of ${formatWhen(d.when, l)} (UTC).`,
  }),
  'conversation-reminder': (d, l) => ({
    title: `Reminder: conversation with ${names(d.partnerNames, l)} on ${formatWhen(d.when, l)}`,
    body: `Your conversation with ${names(d.partnerNames, l)} is on ${formatWhen(d.when, l)} (UTC).`,
  }),
  'review-waiting': (d, l) => ({
    title: `${plural(d.count ?? 1, 'item waits', 'items wait')} for your review`,
    body: `${names(d.partnerNames, l)} added ${plural(d.count ?? 1, 'clip or answer', 'clips and answers')} since you last looked.`,
  }),
  'request-asked': (d) => ({
    title: `${who(d)} asked for a resource`,
    body: `${who(d)} asked you for a resource. Open the workspace to read and answer the request.`,
  }),
  'request-answered': (d) => ({
    title: `${who(d)} answered your resource request`,
    body: `${who(d)} answered your request. Open the workspace to read the answer.`,
  }),
  'commitments-due': (d, l) => ({
    title: `${plural(d.count ?? 1, 'commitment is', 'commitments are')} coming due`,
    body: `In your partnership with ${names(d.partnerNames, l)}, ${plural(d.count ?? 1, 'commitment is', 'commitments are')} due within a day.`,
  }),
  'evaluation-completed': (d) => ({
    title: `${who(d)} completed a checkpoint evaluation`,
    body: `${who(d)} completed the evaluation${d.checkpointName ? ` at ${d.checkpointName}` : ''}. Open the workspace to read it.`,
  }),
  'partnership-quiet': (d, l) => ({
    title: `Time to plan your next conversation with ${names(d.partnerNames, l)}`,
    body: `Your partnership with ${names(d.partnerNames, l)} has no conversation planned. Schedule the next one when it suits you both.`,
  }),
};

export function noticeText(kind: NotificationKind, data: NotificationData, locale: Locale = 'en'): NoticeText {
  return noticeTexts[kind](data, locale);
}

/** What each kind is called where people choose how they hear of it. */
export const noticeKindLabels: Record<NotificationKind, (l: Locale) => string> = {
  invitation: () => 'Invitations to a partnership',
  'conversation-scheduled': () => 'A conversation is scheduled',
  'conversation-moved': () => 'A conversation is moved',
  'conversation-cancelled': () => 'A conversation is cancelled',
  'conversation-reminder': () => 'Reminder before a conversation',
  'review-waiting': () => 'Clips and answers waiting for your review',
  'request-asked': () => 'A resource request for you',
  'request-answered': () => 'An answer to your resource request',
  'commitments-due': () => 'Commitments coming due',
  'evaluation-completed': () => 'A checkpoint evaluation is completed',
  'partnership-quiet': () => 'No conversation planned for a while',
};

export const deliveryLabels: Record<Delivery, (l: Locale) => string> = {
  now: () => 'At once',
  digest: () => 'Daily digest',
  off: () => 'Off',
};

/** The frame around e-mails: the greeting, the way in, the digest's heading, the footer. */
export const mailTexts = {
  greeting: (name: string, _l: Locale) => `Hello ${name},`,
  open: (platformName: string | null, _l: Locale) =>
    `Open the mentoring workspace from your course${platformName ? ` in ${platformName}` : ''}`,
  digestTitle: (count: number, _l: Locale) => `Your daily mentoring digest: ${plural(count, 'notice', 'notices')}`,
  why: (programTitle: string, _l: Locale) =>
    `You receive this because you take part in ${programTitle}. The message holds no workspace content; read it in the tool.`,
  unsubscribe: (_l: Locale) => 'Stop these e-mails',
};
