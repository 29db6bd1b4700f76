import { Button, Group, List, Modal, Text } from '@mantine/core';
import { useConfirmStore } from '../stores/confirm-store';

/** Shows the question asked through askToConfirm(); the safe answer has the focus. */
export function ConfirmDialog() {
  const { question, answer } = useConfirmStore();
  return (
    <Modal opened={question !== null} onClose={() => answer?.(false)} title={question?.title} centered size="lg">
      {question && question.points.length === 1 && <Text size="sm">{question.points[0]}</Text>}
      {question && question.points.length > 1 && (
        <>
          <Text size="sm" mb="xs">
            {question.points[0]}
          </Text>
          <List size="sm" spacing={4}>
            {question.points.slice(1).map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => answer?.(false)} data-autofocus>
          {question?.cancelLabel ?? 'Annuler'}
        </Button>
        <Button color={question?.color} onClick={() => answer?.(true)}>
          {question?.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
