import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { FormErrors } from '../lib/formErrors.ts';

/**
 * A form that shows errors not tied to a field above its fields, and moves focus to the first
 * field in error so keyboard and screen-reader users land where the fix is needed.
 */
export function Form({
  onSubmit,
  errors,
  children,
  className,
  label,
}: {
  onSubmit: () => void;
  errors: FormErrors;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const invalid = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (errors.form) ref.current?.querySelector<HTMLElement>('.form-error')?.focus();
  }, [errors]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form ref={ref} noValidate onSubmit={submit} className={`form ${className ?? ''}`} aria-label={label}>
      {errors.form && (
        <p className="form-error" role="alert" tabIndex={-1}>
          {errors.form}
        </p>
      )}
      {children}
    </form>
  );
}
