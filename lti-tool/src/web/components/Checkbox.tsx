import type { ReactNode } from 'react';
import { CheckboxButton, CheckboxField, CheckboxGroup, Label, Text } from 'react-aria-components';
import { Trans } from '@lingui/react/macro';

function Box() {
  return (
    <span className="checkbox-box" aria-hidden="true">
      <svg viewBox="0 0 18 18">
        <polyline points="3.5 9.5 7.5 13 14.5 5" />
      </svg>
    </span>
  );
}

/** A single checkbox with its label. */
export function Checkbox({
  isSelected,
  onChange,
  children,
  isDisabled,
  className,
}: {
  isSelected: boolean;
  onChange: (v: boolean) => void;
  children: ReactNode;
  isDisabled?: boolean;
  className?: string;
}) {
  return (
    <CheckboxField
      className={`checkbox ${className ?? ''}`}
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
    >
      <CheckboxButton>
        <Box />
        <span className="checkbox-label">{children}</span>
      </CheckboxButton>
    </CheckboxField>
  );
}

/** A labelled group of checkboxes choosing several of a few things (goals to link, clips to share). */
export function CheckboxList({
  label,
  description,
  options,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  options: { id: string; label: ReactNode }[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <CheckboxGroup className="field checkbox-list" value={value} onChange={onChange}>
      <Label>
        {label}{' '}
        <span className="optional">
          <Trans>(optional)</Trans>
        </span>
      </Label>
      {description && <Text slot="description">{description}</Text>}
      <div className="checkbox-list-options">
        {options.map((o) => (
          <CheckboxField key={o.id} value={o.id} className="checkbox">
            <CheckboxButton>
              <Box />
              <span className="checkbox-label">{o.label}</span>
            </CheckboxButton>
          </CheckboxField>
        ))}
      </div>
    </CheckboxGroup>
  );
}
