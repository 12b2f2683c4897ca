import type { Key } from 'react-aria-components';
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Header,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';
import { t } from '@lingui/core/macro';

export interface Option {
  id: string;
  label: string;
  /** The label is a person's words (a goal, a name): isolated as in a bdi, shown in its own direction. */
  own?: boolean;
  description?: string;
}

export interface OptionSection {
  title: string;
  options: Option[];
}

interface SelectFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  options?: Option[];
  /** Grouped options, shown under headings (goals, clips, prompts). */
  sections?: OptionSection[];
  placeholder?: string;
  description?: string;
  error?: string | undefined;
  isDisabled?: boolean;
  className?: string;
}

function Item({ o }: { o: Option }) {
  return (
    <ListBoxItem id={o.id} textValue={o.label} className="listbox-item">
      <Text slot="label">{o.own ? <bdi>{o.label}</bdi> : o.label}</Text>
      {o.description && <Text slot="description">{o.description}</Text>}
    </ListBoxItem>
  );
}

/** A labelled choice of one from a list. */
export function SelectField({
  label,
  value,
  onChange,
  options = [],
  sections,
  placeholder,
  description,
  error,
  isDisabled,
  className,
}: SelectFieldProps) {
  return (
    <Select
      className={`field select ${className ?? ''}`}
      value={value}
      onChange={(k: Key | null) => onChange(k === null ? null : String(k))}
      placeholder={placeholder ?? t`Choose…`}
      isInvalid={!!error}
      isDisabled={isDisabled}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </Button>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {sections
            ? sections
                .filter((s) => s.options.length > 0)
                .map((s) => (
                  <ListBoxSection key={s.title} className="listbox-section">
                    <Header>{s.title}</Header>
                    {s.options.map((o) => (
                      <Item key={o.id} o={o} />
                    ))}
                  </ListBoxSection>
                ))
            : options.map((o) => <Item key={o.id} o={o} />)}
        </ListBox>
      </Popover>
    </Select>
  );
}
