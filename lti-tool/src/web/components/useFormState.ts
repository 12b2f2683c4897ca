import { useState } from 'react';
import { NO_ERRORS, type FormErrors } from '../lib/formErrors.ts';

/**
 * A form's values and errors. Editing a field clears that field's error; values stay until the
 * form is reset after a success, so nothing typed is lost when the tool says no.
 */
export function useFormState<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const set = <K extends keyof T & string>(name: K, value: T[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!(name in e.fields)) return e;
      const fields = { ...e.fields };
      delete fields[name];
      return { ...e, fields };
    });
  };

  /** Props for a field bound to `name`. */
  const field = <K extends keyof T & string>(name: K) => ({
    value: values[name],
    onChange: (value: T[K]) => set(name, value),
    error: errors.fields[name],
  });

  const reset = (next: T = initial) => {
    setValues(next);
    setErrors(NO_ERRORS);
  };

  return { values, set, field, errors, setErrors, reset };
}
