/**
 * The agreement a partnership starts with is kept in English (`DEFAULT_AGREEMENT`, also in rows
 * written before this): a term still word for word the default is shown in the reader's language.
 * Once partners write their own, their words are shown as written.
 */
import { t } from '@lingui/core/macro';
import { DEFAULT_AGREEMENT, type Agreement } from '@mentoring/shared';

export function shownAgreement(a: Agreement): Agreement {
  return {
    purpose: a.purpose,
    meetingCadence: a.meetingCadence === DEFAULT_AGREEMENT.meetingCadence ? t`Every two weeks` : a.meetingCadence,
    confidentiality:
      a.confidentiality === DEFAULT_AGREEMENT.confidentiality
        ? t`What we discuss stays between us. It is the mentee’s work: the mentee sets the agenda, and the mentor asks questions and shares experience when asked. Program staff see only whether we meet, never what we write.`
        : a.confidentiality,
  };
}
