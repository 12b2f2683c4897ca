/**
 * Labelled text fields. Errors sit under the field they are about, and the field keeps what was
 * typed whatever the tool answered. Validation happens with the shared schemas, so the browser's
 * own required-field bubbles are turned off (`validationBehavior="aria"`).
 */
import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { Trans } from '@lingui/react/macro';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  className?: string;
  /** Whether to say "(optional)" after the label of a field that is not required. */
  markOptional?: boolean;
}

/** The label, description and error every text field has, around its input. */
function LabelledField({ p, type, children }: { p: FieldProps; type?: string; children: ReactNode }) {
  return (
    <TextField
      className={`field ${p.className ?? ''}`}
      value={p.value}
      onChange={p.onChange}
      type={type}
      isInvalid={!!p.error}
      isRequired={p.isRequired}
      isDisabled={p.isDisabled}
      autoFocus={p.autoFocus}
      validationBehavior="aria"
    >
      <Label>
        {p.label}
        {p.isRequired || p.markOptional === false ? null : (
          <span className="optional">
            {' '}
            <Trans>(optional)</Trans>
          </span>
        )}
      </Label>
      {children}
      {p.description && <Text slot="description">{p.description}</Text>}
      <FieldError>{p.error}</FieldError>
    </TextField>
  );
}

export function TextInput({
  type = 'text',
  ...p
}: FieldProps & { type?: 'text' | 'url' | 'email' | 'date' | 'datetime-local' }) {
  return (
    <LabelledField p={p} type={type}>
      <Input placeholder={p.placeholder} />
    </LabelledField>
  );
}

export function TextAreaField({ rows = 3, ...p }: FieldProps & { rows?: number }) {
  return (
    <LabelledField p={p}>
      <TextArea rows={rows} placeholder={p.placeholder} />
    </LabelledField>
  );
}
