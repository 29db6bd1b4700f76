import { Text } from '@mantine/core';

/** A small caption over its value: the figures of a card, the facts of a record. */
export function LabelledValue({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {strong ? <Text fw={600}>{value}</Text> : <Text size="sm">{value}</Text>}
    </div>
  );
}
