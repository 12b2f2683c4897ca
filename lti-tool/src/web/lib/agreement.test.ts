import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGREEMENT } from '@mentoring/shared';
import { shownAgreement } from './agreement.ts';
import { speakEnglish } from '../i18n/testing.ts';

beforeAll(speakEnglish);

describe('the agreement as shown', () => {
  it('shows the default terms through the catalog, and partners’ own words as written', () => {
    expect(shownAgreement(DEFAULT_AGREEMENT)).toEqual(DEFAULT_AGREEMENT);
    const own = { purpose: 'Grow', meetingCadence: 'Monthly', confidentiality: 'Ours' };
    expect(shownAgreement(own)).toEqual(own);
  });
});
