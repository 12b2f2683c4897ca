/**
 * Every text of a notice — the e-mail's subject and body, the app's entry, the frame around an
 * e-mail — as ICU messages of the server's catalogs (src/locales), so plurals follow each language
 * (Arabic's six forms). The data holds names, dates and counts only, so no text can carry coaching
 * content; names lists go through `formatList`, moments through `formatMoment` (zone named).
 */
import type { I18n } from '@lingui/core';
import { formatList, formatMoment, type Locale, type NotificationData, type NotificationKind } from '@mentoring/shared';
import { serverI18n } from './server.ts';

export interface NoticeText {
  /** The e-mail subject and the in-app entry's title. */
  title: string;
  /** One or two sentences saying what waits. */
  body: string;
}

const namesList = (list: string[] | undefined, locale: Locale, fallback: string) =>
  formatList(list?.length ? list : [fallback], locale);

/** The words a notice is made of, in the reader's language. */
function wordsOf(i18n: I18n, locale: Locale, d: NotificationData, timeZone: string) {
  const actor = (fallback: string) => d.actorName ?? fallback;
  return {
    /** Who acted, else a word for them (the partner in most notices). */
    who: actor(i18n._({ id: 'notice.someone.partner', message: 'Your partner' })),
    inviter: actor(i18n._({ id: 'notice.someone.inviter', message: 'Your partner' })),
    mentor: actor(i18n._({ id: 'notice.someone.mentor', message: 'Your partner' })),
    names: namesList(d.partnerNames, locale, i18n._({ id: 'notice.someone.partners', message: 'your partner' })),
    when: formatMoment(d.when, locale, timeZone),
    count: d.count ?? 1,
  };
}

/** `timeZone`: the reader's (an IANA name); times say it. */
export function noticeText(
  kind: NotificationKind,
  data: NotificationData,
  locale: Locale = 'en',
  timeZone = 'UTC',
): NoticeText {
  const i18n = serverI18n(locale);
  const { who, inviter, mentor, names, when, count } = wordsOf(i18n, locale, data, timeZone);
  switch (kind) {
    case 'invitation':
      return {
        title: i18n._({
          id: 'notice.invitation.title',
          message: '{who} invites you to a mentoring partnership',
          values: { who: inviter },
        }),
        body: i18n._({
          id: 'notice.invitation.body',
          message: '{who} has invited you to work together. Open the workspace to accept or decline.',
          values: { who: inviter },
        }),
      };
    case 'conversation-scheduled':
      return {
        title: i18n._({
          id: 'notice.conversation-scheduled.title',
          message: 'Conversation scheduled for {when}',
          values: { when },
        }),
        body: i18n._({
          id: 'notice.conversation-scheduled.body',
          message: '{who} scheduled your next conversation for {when}.',
          values: { who, when },
        }),
      };
    case 'conversation-moved':
      return {
        title: i18n._({
          id: 'notice.conversation-moved.title',
          message: 'Conversation moved to {when}',
          values: { when },
        }),
        body: i18n._({
          id: 'notice.conversation-moved.body',
          message: '{who} moved your conversation to {when}.',
          values: { who, when },
        }),
      };
    case 'conversation-cancelled':
      return {
        title: i18n._({
          id: 'notice.conversation-cancelled.title',
          message: 'Conversation of {when} cancelled',
          values: { when },
        }),
        body: i18n._({
          id: 'notice.conversation-cancelled.body',
          message: '{who} cancelled the conversation of {when}.',
          values: { who, when },
        }),
      };
    case 'conversation-reminder':
      return {
        title: i18n._({
          id: 'notice.conversation-reminder.title',
          message: 'Reminder: conversation with {names} on {when}',
          values: { names, when },
        }),
        body: i18n._({
          id: 'notice.conversation-reminder.body',
          message: 'Your conversation with {names} is on {when}.',
          values: { names, when },
        }),
      };
    case 'review-waiting':
      return {
        title: i18n._({
          id: 'notice.review-waiting.title',
          message: '{count, plural, one {# item waits} other {# items wait}} for your review',
          values: { count },
        }),
        body: i18n._({
          id: 'notice.review-waiting.body',
          message:
            '{names} added {count, plural, one {# clip or answer} other {# clips and answers}} since you last looked.',
          values: { names, count },
        }),
      };
    case 'request-asked':
      return {
        title: i18n._({ id: 'notice.request-asked.title', message: '{who} asked for a resource', values: { who } }),
        body: i18n._({
          id: 'notice.request-asked.body',
          message: '{who} asked you for a resource. Open the workspace to read and answer the request.',
          values: { who },
        }),
      };
    case 'request-answered':
      return {
        title: i18n._({
          id: 'notice.request-answered.title',
          message: '{who} answered your resource request',
          values: { who },
        }),
        body: i18n._({
          id: 'notice.request-answered.body',
          message: '{who} answered your request. Open the workspace to read the answer.',
          values: { who },
        }),
      };
    case 'commitments-due':
      return {
        title: i18n._({
          id: 'notice.commitments-due.title',
          message: '{count, plural, one {# commitment is} other {# commitments are}} coming due',
          values: { count },
        }),
        body: i18n._({
          id: 'notice.commitments-due.body',
          message:
            'In your partnership with {names}, {count, plural, one {# commitment is} other {# commitments are}} due within a day.',
          values: { names, count },
        }),
      };
    case 'evaluation-completed':
      return {
        title: i18n._({
          id: 'notice.evaluation-completed.title',
          message: '{who} completed a checkpoint evaluation',
          values: { who: mentor },
        }),
        body: data.checkpointName
          ? i18n._({
              id: 'notice.evaluation-completed.body-at',
              message: '{who} completed the evaluation at {checkpoint}. Open the workspace to read it.',
              values: { who: mentor, checkpoint: data.checkpointName },
            })
          : i18n._({
              id: 'notice.evaluation-completed.body',
              message: '{who} completed the evaluation. Open the workspace to read it.',
              values: { who: mentor },
            }),
      };
    case 'partnership-quiet':
      return {
        title: i18n._({
          id: 'notice.partnership-quiet.title',
          message: 'Time to plan your next conversation with {names}',
          values: { names },
        }),
        body: i18n._({
          id: 'notice.partnership-quiet.body',
          message:
            'Your partnership with {names} has no conversation planned. Schedule the next one when it suits you both.',
          values: { names },
        }),
      };
    case 'nudge':
      return {
        title: i18n._({
          id: 'notice.nudge.title',
          message: '{program} would like you to meet',
          values: { program: data.programName ?? i18n._({ id: 'notice.someone.program', message: 'Your program' }) },
        }),
        body: i18n._({
          id: 'notice.nudge.body',
          message: 'The program’s staff would like you and {names} to plan your next conversation.',
          values: { names },
        }),
      };
  }
}

/** The frame around e-mails: the greeting, the way in, the digest's heading, the footer. */
export function mailTexts(locale: Locale) {
  const i18n = serverI18n(locale);
  return {
    greeting: (name: string) => i18n._({ id: 'mail.greeting', message: 'Hello {name},', values: { name } }),
    open: (platformName: string | null) =>
      platformName
        ? i18n._({
            id: 'mail.open-in',
            message: 'Open the mentoring workspace from your course in {platform}',
            values: { platform: platformName },
          })
        : i18n._({ id: 'mail.open', message: 'Open the mentoring workspace from your course' }),
    digestTitle: (count: number) =>
      i18n._({
        id: 'mail.digest-title',
        message: 'Your daily mentoring digest: {count, plural, one {# notice} other {# notices}}',
        values: { count },
      }),
    why: (programTitle: string) =>
      i18n._({
        id: 'mail.why',
        message:
          'You receive this because you take part in {program}. The message holds no workspace content; read it in the tool.',
        values: { program: programTitle },
      }),
    unsubscribe: () => i18n._({ id: 'mail.unsubscribe', message: 'Stop these e-mails' }),
  };
}
