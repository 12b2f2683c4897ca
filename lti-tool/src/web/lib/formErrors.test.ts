import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CreateGoal, UpdatePartnership } from '@mentoring/shared';
import { speakEnglish } from '../i18n/testing.ts';
import { check, errorsFrom } from './formErrors.ts';

beforeAll(speakEnglish);

describe('form errors', () => {
  it('puts an API error next to the field it names, even as a path', () => {
    const e = new ApiError(400, 'invalid_input', 'must not be empty', 'agreement.purpose', true);
    expect(errorsFrom(e, ['purpose', 'confidentiality'])).toEqual({
      fields: { purpose: 'Must not be empty' },
      form: null,
    });
  });
  it('drops the field name the tool puts in front of its message', () => {
    const e = new ApiError(400, 'invalid_input', 'agreement.purpose: must not be empty', 'agreement.purpose', true);
    expect(errorsFrom(e, ['purpose']).fields.purpose).toBe('Must not be empty');
  });
  it('puts other errors above the form', () => {
    expect(
      errorsFrom(new ApiError(403, 'forbidden', 'Only the mentee sets the agenda.', undefined, true), ['title']).form,
    ).toBe('Only the mentee sets the agenda.');
    expect(errorsFrom(new ApiError(400, 'invalid_input', 'bad', 'unknown', true), ['title']).form).toBe('Bad');
    expect(errorsFrom(null, ['title'])).toEqual({ fields: {}, form: null });
  });
  it('words what the tool did not say itself: an outage, another server, a slip of the app', () => {
    expect(
      errorsFrom(new ApiError(0, 'network', 'The mentoring tool could not be reached (Failed to fetch).'), []).form,
    ).toMatch(/^The tool could not be reached\./);
    expect(errorsFrom(new ApiError(502, 'internal', 'Bad Gateway'), ['title']).form).toMatch(/having trouble/);
    expect(errorsFrom(new TypeError('x is undefined'), []).form).toBe('Something went wrong.');
  });
  it('checks input with the shared schemas before sending', () => {
    const r = check(CreateGoal, { title: '   ' }, ['title', 'why']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.fields.title).toBe('This cannot be empty.');
    const missing = check(CreateGoal, {}, ['title']);
    if (!missing.ok) expect(missing.errors.fields.title).toBe('This is needed.');
    const long = check(CreateGoal, { title: 'x'.repeat(201) }, ['title']);
    if (!long.ok) expect(long.errors.fields.title).toBe('Keep this to 200 characters or fewer.');
    const ok = check(UpdatePartnership, { agreement: { purpose: ' Grow ' } }, ['purpose']);
    expect(ok).toEqual({ ok: true, value: { agreement: { purpose: 'Grow' } } });
  });
});
