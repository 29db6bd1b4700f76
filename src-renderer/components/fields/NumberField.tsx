import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef, useState } from 'react';
import { formatTypedNumber, readNumberText } from '../../../src-shared/format/french-number';

export interface NumberFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type' | 'min' | 'max'> {
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  /** Whole numbers only (months, days, a count). */
  integer?: boolean;
  allowNegative?: boolean;
}

/**
 * The one field where a number is typed (issue 14). It keeps what the person typed while it is partial (`151,`
 * stays `151,` and is 151 until the decimals come), accepts `151,67`, `151.67` and `1 234,5`, refuses letters with
 * a message (the keystroke is not taken), and never rounds: the value is rounded once, when it is saved.
 */
export const NumberField = forwardRef<HTMLInputElement, NumberFieldProps>(function NumberField(
  { value: given, onChange, min, max, integer = false, allowNegative = false, error, onBlur, ...props },
  ref,
) {
  // A parent may hold NaN for "nothing valid typed" (so that its schema refuses it): shown as empty.
  const value = given !== null && Number.isFinite(given) ? given : null;
  const [text, setText] = useState(value === null ? '' : formatTypedNumber(value));
  const [refusal, setRefusal] = useState<string | null>(null);
  const reading = readNumberText(text, allowNegative);
  const typed = reading.kind === 'number' ? reading.value : null;
  // The parent changed the value (a reset, a reload): show it, unless it is what is being typed.
  if (typed !== value && !(reading.kind === 'empty' && value === null)) setText(value === null ? '' : formatTypedNumber(value));

  const range =
    typed === null ? null : min !== undefined && typed < min ? `Au moins ${formatTypedNumber(min)}.` : max !== undefined && typed > max ? `Au plus ${formatTypedNumber(max)}.` : null;
  return (
    <TextInput
      ref={ref}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      {...props}
      value={text}
      error={error || refusal || range}
      onChange={(event) => {
        const next = event.currentTarget.value;
        const read = readNumberText(next, allowNegative);
        if (read.kind === 'invalid' || (integer && /[.,]/.test(next))) {
          setRefusal(read.kind === 'invalid' ? read.message : 'Un nombre entier, sans virgule.');
          return;
        }
        setRefusal(null);
        setText(next);
        onChange(read.kind === 'number' ? read.value : null);
      }}
      onBlur={(event) => {
        setRefusal(null);
        if (typed !== null) setText(formatTypedNumber(typed));
        onBlur?.(event);
      }}
    />
  );
});
