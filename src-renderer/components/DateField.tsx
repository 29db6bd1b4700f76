import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef } from 'react';

/**
 * A calendar date as ISO text (yyyy-MM-dd): the browser's own date input, typed with the keyboard in the French
 * order (jj/mm/aaaa) and shown in the user's locale.
 */
export const DateField = forwardRef<HTMLInputElement, TextInputProps>(function DateField(props, ref) {
  return <TextInput ref={ref} type="date" min="1900-01-01" max="2100-12-31" {...props} />;
});
