import { Button, Group, Progress, Text } from '@mantine/core';
import { describeProgress, percentDone, type JobProgress } from '../../src-shared/jobs';

/**
 * Where a long operation stands, as its worker reports it (issue 18 §4): the step, a bar filled by the rows or
 * steps done (moving stripes while the total is not known yet), and « Annuler » while stopping is still safe.
 */
export function JobProgressView({ label, progress, onCancel }: { label: string; progress: JobProgress | null; onCancel?: () => void }) {
  const known = progress ? percentDone(progress) : null;
  return (
    <div role="status" aria-live="polite">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text size="sm">
          {progress?.step ? describeProgress(progress) : label}
        </Text>
        {onCancel && progress?.cancellable && (
          <Button size="xs" variant="default" color="red" onClick={onCancel} disabled={progress.cancelRequested}>
            {progress.cancelRequested ? 'Annulation demandée…' : 'Annuler'}
          </Button>
        )}
      </Group>
      <Progress value={known ?? 100} animated={known === null} striped={known === null} aria-label={label} />
    </div>
  );
}
