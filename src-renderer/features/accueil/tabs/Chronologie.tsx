import { Paper, Text, Timeline, Title } from '@mantine/core';
import { chronologie } from '../../../../src-shared/rules/chronologie';
import type { ParcoursView } from '../../../../src-shared/views-insertion';
import { formatDate } from '../../../lib/format';

/** Everything that happened in the parcours, in order. */
export function Chronologie({ parcours }: { parcours: ParcoursView }) {
  const events = chronologie(parcours);
  if (events.length === 0) return null;
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={4} size="h5" mb="sm">
        Chronologie du parcours
      </Title>
      <Timeline active={events.length} bulletSize={14} lineWidth={2} color="teal">
        {events.map((e, i) => (
          <Timeline.Item key={i} title={<Text size="sm">{e.libelle}</Text>}>
            <Text size="xs" c="dimmed">
              {formatDate(e.date)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
