/**
 * The command line's view of a long job: on a terminal, one line rewritten in place (« Écriture des lignes — 12 000
 * sur 100 000 lignes (12 %) »); in a log or a pipe, one line per step only. Ctrl+C needs nothing of its own: it ends
 * the process and SQLite rolls the open transaction back.
 */
import { describeProgress } from '../../src-shared/jobs';
import { jobControl, type JobControl } from './job-control';

export function terminalProgress(stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr, now?: () => number): JobControl & { end(): void } {
  let lastStep = '';
  let written = false;
  const control = jobControl({
    publish: (p) => {
      if (stream.isTTY) {
        stream.write(`\r\u001b[2K${describeProgress(p)}`);
        written = true;
      } else if (p.step !== lastStep) stream.write(`${p.step}…\n`);
      lastStep = p.step;
    },
    cancelRequested: () => false,
  }, now);
  return {
    ...control,
    end: () => {
      if (written) stream.write('\r\u001b[2K');
    },
  };
}

/**
 * The long steps of a start (encrypting a base made before encryption existed), one line each on the terminal of
 * the command line or of browser mode's launcher: minutes of silence on a large base would look like a hang.
 */
export function startupStepPrinter(stream: { write(text: string): unknown } = process.stderr): (label: string, done: number, total: number) => void {
  return (label, done, total) => {
    stream.write(`${label}${total > 1 ? ` (${Math.min(done + 1, total)} sur ${total})` : ''}…\n`);
  };
}
