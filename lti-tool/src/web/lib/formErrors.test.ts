import { describe, expect, it } from 'vitest';
import { ApiError, CreateGoal, UpdatePartnership } from '@mentoring/shared';
import { check, errorsFrom } from './formErrors.ts';

describe('form errors', () => {
  it('puts an API error next to the field it names, even as a path', () => {
    const e = new ApiError(400, 'invalid_input', 'must not be empty', 'agreement.purpose');
    expect(errorsFrom(e, ['purpose', 'confidentiality'])).toEqual({
      fields: { purpose: 'Must not be empty' },
      form: null,
    });
  });
  it('drops the field name the tool puts in front of its message', () => {
    const e = new ApiError(400, 'invalid_input', 'agreement.purpose: must not be empty', 'agreement.purpose');
    expect(errorsFrom(e, ['purpose']).fields.purpose).toBe('Must not be empty');
  });
  it('puts other errors above the form', () => {
    expect(errorsFrom(new ApiError(403, 'forbidden', 'Only the mentee sets the agenda.'), ['title']).form).toBe(
      'Only the mentee sets the agenda.',
    );
    expect(errorsFrom(new ApiError(400, 'invalid_input', 'bad', 'unknown'), ['title']).form).toBe('Bad');
    expect(errorsFrom(null, ['title'])).toEqual({ fields: {}, form: null });
  });
  it('checks input with the shared schemas before sending', () => {
    const r = check(CreateGoal, { title: '   ' }, ['title', 'why']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.fields.title).toBe('Must not be empty');
    const ok = check(UpdatePartnership, { agreement: { purpose: ' Grow ' } }, ['purpose']);
    expect(ok).toEqual({ ok: true, value: { agreement: { purpose: 'Grow' } } });
  });
});
