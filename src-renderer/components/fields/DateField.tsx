import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { forwardRef, useState } from 'react';
import { formatShortDate, readDateText, withDateSlashes, type DateText } from '../../../src-shared/format/french-date';
import { isIsoDate } from '../../../src-shared/rules/dates';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type' | 'min' | 'max'> {
  /** ISO `yyyy-MM-dd`, `''` when empty, or the text as typed while it is not a date (never ISO-shaped then). */
  value: string | null | undefined;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
}

/** What the parent holds for a reading: ISO for a date, '' for nothing, the raw text otherwise. */
function valueOf(reading: DateText, text: string): string {
  return reading.kind === 'date' ? reading.iso : reading.kind === 'empty' ? '' : text;
}

function textOf(value: string): string {
  return isIsoDate(value) ? formatShortDate(value) : value;
}

/**
 * The one field where a date is typed (issue 14): `JJ/MM/AAAA` whatever the browser's language, the slashes added
 * while typing digits, a calendar to pick from, `31/02` refused with « Cette date n’existe pas ». The parent receives
 * ISO only for a whole, real date; while the date is partial it receives the text as typed, which no computation
 * takes for a date and which every schema refuses.
 */
export const DateField = forwardRef<HTMLInputElement, DateFieldProps>(function DateField({ value, onChange, min, max, error, onBlur, readOnly, disabled, ...props }, ref) {
  const current = value ?? '';
  const [text, setText] = useState(textOf(current));
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  const reading = readDateText(text, { min, max });
  if (valueOf(reading, text) !== current) setText(textOf(current));
  const own = reading.kind === 'invalid' || (reading.kind === 'partial' && touched) ? reading.message : null;
  const change = (next: string) => {
    setText(next);
    setTouched(false);
    onChange(valueOf(readDateText(next, { min, max }), next));
  };
  return (
    <TextInput
      ref={ref}
      placeholder="JJ/MM/AAAA"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      readOnly={readOnly}
      disabled={disabled}
      {...props}
      value={text}
      error={own || error}
      onChange={(event) => change(withDateSlashes(text, event.currentTarget.value))}
      onBlur={(event) => {
        setTouched(true);
        onBlur?.(event);
      }}
      rightSection={
        readOnly || disabled ? null : (
          // The calendar hangs on its button, so that the input keeps the id its form gives it.
          <Popover opened={open} onChange={setOpen} position="bottom-end" withinPortal trapFocus returnFocus>
            <Popover.Target>
              <ActionIcon variant="subtle" color="gray" aria-label="Ouvrir le calendrier" onClick={() => setOpen((o) => !o)}>
                <IconCalendar size={16} />
              </ActionIcon>
            </Popover.Target>
            <Popover.Dropdown>
              <DatePicker
                locale="fr"
                firstDayOfWeek={1}
                value={reading.kind === 'date' ? reading.iso : null}
                defaultDate={reading.kind === 'date' ? reading.iso : undefined}
                minDate={min}
                maxDate={max}
                onChange={(picked) => {
                  if (picked) change(formatShortDate(picked));
                  setOpen(false);
                }}
              />
            </Popover.Dropdown>
          </Popover>
        )
      }
    />
  );
});
