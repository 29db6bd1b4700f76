import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateField, type DateFieldProps } from './DateField';

/** A DateField bound to a react-hook-form field: its value, its error, and focus on error. */
export function FormDateField<T extends FieldValues>({ control, name, ...props }: Omit<DateFieldProps, 'value' | 'onChange'> & { control: Control<T>; name: FieldPath<T> }) {
  const { field, fieldState } = useController({ control, name });
  const { ref: focusTarget, value, onChange, onBlur } = field;
  return <DateField {...props} ref={focusTarget} name={name} value={(value as string | null | undefined) ?? ''} onChange={onChange} onBlur={onBlur} error={props.error ?? fieldState.error?.message} />;
}
