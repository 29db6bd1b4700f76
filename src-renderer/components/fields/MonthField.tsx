import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { MonthPicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { formatShortMonth, readMonthText } from '../../../src-shared/format/french-date';

interface MonthFieldProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** `yyyy-MM`. */
  value: string;
  /** Called only with a whole, real month. */
  onChange: (month: string) => void;
}

/** A month typed `MM/AAAA` or picked in a calendar, whatever the browser's language (issue 14). */
export function MonthField({ value, onChange, ...props }: MonthFieldProps) {
  const [text, setText] = useState(formatShortMonth(value));
  const [open, setOpen] = useState(false);
  const [touched, setTouched] = useState(false);
  const [shown, setShown] = useState(value);
  // The month changed from outside (the arrows beside the field): show it.
  if (shown !== value) {
    setShown(value);
    setText(formatShortMonth(value));
  }
  const reading = readMonthText(text);
  const message = reading.kind === 'invalid' || (reading.kind === 'partial' && touched) ? reading.message : null;
  return (
    <TextInput
      placeholder="MM/AAAA"
      inputMode="numeric"
      autoComplete="off"
      maxLength={7}
      {...props}
      value={text}
      error={message}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        const next = typed.length > text.length && /^\d{3}$/.test(typed) ? `${typed.slice(0, 2)}/${typed.slice(2)}` : typed;
        setText(next);
        setTouched(false);
        const read = readMonthText(next);
        if (read.kind === 'month') {
          setShown(read.month);
          onChange(read.month);
        }
      }}
      onBlur={() => {
        setTouched(true);
        if (readMonthText(text).kind === 'empty') setText(formatShortMonth(value));
      }}
      rightSection={
        <Popover opened={open} onChange={setOpen} position="bottom-end" withinPortal trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label="Ouvrir le calendrier des mois" onClick={() => setOpen((o) => !o)}>
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <MonthPicker
              locale="fr"
              value={`${value}-01`}
              defaultDate={`${value}-01`}
              onChange={(picked) => {
                if (picked) {
                  onChange(picked.slice(0, 7));
                  setText(formatShortMonth(picked.slice(0, 7)));
                }
                setOpen(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
