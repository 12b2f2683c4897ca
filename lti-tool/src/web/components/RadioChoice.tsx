import { FieldError, Label, RadioButton, RadioField, RadioGroup } from 'react-aria-components';
import type { Option } from './SelectField.tsx';

/** A labelled choice of one among a few options, all visible at once. */
export function RadioChoice<T extends string>({
  label,
  value,
  onChange,
  options,
  error,
  orientation = 'horizontal',
}: {
  label: string;
  value: T;
  onChange: (v: T) => void;
  options: (Option & { id: T })[];
  error?: string | undefined;
  orientation?: 'horizontal' | 'vertical';
}) {
  return (
    <RadioGroup
      className="field radio-group"
      value={value}
      onChange={(v) => onChange(v as T)}
      orientation={orientation}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <div className="radio-options" data-orientation={orientation}>
        {options.map((o) => (
          <RadioField key={o.id} value={o.id} className="radio">
            <RadioButton>
              <span className="radio-dot" aria-hidden="true" />
              <span className="radio-text">
                <span className="radio-label">{o.label}</span>
                {o.description && <span className="radio-description">{o.description}</span>}
              </span>
            </RadioButton>
          </RadioField>
        ))}
      </div>
      <FieldError>{error}</FieldError>
    </RadioGroup>
  );
}
