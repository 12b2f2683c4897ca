import { useState } from 'react';
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  useFilter,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { t } from '@lingui/core/macro';

export interface PersonOption {
  id: string;
  name: string;
  detail?: string | null;
}

interface PersonPickerProps {
  label: string;
  people: readonly PersonOption[];
  value: string | null;
  onChange: (id: string | null) => void;
  description?: string;
  error?: string | undefined;
  autoFocus?: boolean;
  emptyText?: string;
}

/**
 * Finds one person by typing part of their name (or email), from a roster or directory. The list
 * of people can change while the picker is shown, so it filters them itself.
 */
export function PersonPicker({
  label,
  people,
  value,
  onChange,
  description,
  error,
  autoFocus,
  emptyText,
}: PersonPickerProps) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const chosenName = people.find((p) => p.id === value)?.name ?? '';
  const [input, setInput] = useState(chosenName);
  // Showing the chosen name is not a search: the whole list stays available.
  const query = input === chosenName ? '' : input;
  const shown = query ? people.filter((p) => contains(`${p.name} ${p.detail ?? ''}`, query)) : people;
  return (
    <ComboBox
      className="field combobox"
      items={shown}
      inputValue={input}
      onInputChange={setInput}
      value={value}
      onChange={(k: Key | null) => {
        onChange(k === null ? null : String(k));
        setInput(people.find((p) => p.id === k)?.name ?? '');
      }}
      isInvalid={!!error}
      validationBehavior="aria"
      autoFocus={autoFocus}
    >
      <Label>{label}</Label>
      <div className="combobox-input">
        <Input placeholder={t`Type a name`} />
        <Button className="combobox-button" aria-label={t`Show everyone`}>
          ▾
        </Button>
      </div>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{error}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => <p className="listbox-empty">{emptyText ?? t`Nobody by that name`}</p>}
        >
          {(p: PersonOption) => (
            <ListBoxItem id={p.id} textValue={`${p.name} ${p.detail ?? ''}`} className="listbox-item">
              <Text slot="label">
                <bdi>{p.name}</bdi>
              </Text>
              {p.detail && <Text slot="description">{p.detail}</Text>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/**
 * Several people, added one at a time with the same search and shown as removable chips, for
 * "one or more mentees". Each added person leaves the list of choices.
 */
export function PeoplePicker({
  label,
  people,
  value,
  onChange,
  description,
  error,
}: {
  label: string;
  people: readonly PersonOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  description?: string;
  error?: string | undefined;
}) {
  const [pickerKey, setPickerKey] = useState(0);
  const chosen = value.map((id) => people.find((p) => p.id === id)).filter((p): p is PersonOption => !!p);
  const remaining = people.filter((p) => !value.includes(p.id));
  return (
    <div className="people-picker">
      <PersonPicker
        key={pickerKey}
        label={label}
        people={remaining}
        value={null}
        description={description}
        error={error}
        onChange={(id) => {
          if (!id) return;
          onChange([...value, id]);
          // A fresh picker: empty input, ready for the next name.
          setPickerKey((k) => k + 1);
        }}
        autoFocus={pickerKey > 0}
      />
      {chosen.length > 0 && (
        <ul className="chips" aria-label={t`${label}: chosen`}>
          {chosen.map((p) => (
            <li key={p.id} className="chip">
              <bdi>{p.name}</bdi>
              <Button
                className="chip-remove"
                aria-label={t`Remove ${p.name}`}
                onPress={() => onChange(value.filter((v) => v !== p.id))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
