/** The progress of a long call as the screen shows it (issue 18 §4), and what the followed call sends. */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RpcResult } from '../../src-shared/errors';
import type { JobProgress } from '../../src-shared/jobs';
import { followedApi } from '../../src-renderer/api';
import { JobProgressView } from '../../src-renderer/components/JobProgressView';
import { fakeBridge, renderUi } from './render';

const writing: JobProgress = { step: 'Écriture des lignes', done: 1200, total: 10_000, unit: 'lignes', cancellable: true, cancelRequested: false };

describe('job progress', () => {
  it('shows the step, the rows in French and the share done, and offers to cancel while it is safe', async () => {
    const onCancel = vi.fn();
    const { rerender } = renderUi(<JobProgressView label="Import…" progress={writing} onCancel={onCancel} />);
    expect(screen.getByRole('status').textContent).toContain('Écriture des lignes — 1\u00a0200 sur 10\u00a0000 lignes (12\u00a0%)');
    expect(screen.getByRole('progressbar', { name: 'Import…' }).getAttribute('aria-valuenow')).toBe('12');
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<JobProgressView label="Import…" progress={{ ...writing, cancelRequested: true }} onCancel={onCancel} />);
    expect((screen.getByRole('button', { name: 'Annulation demandée…' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<JobProgressView label="Import…" progress={{ ...writing, step: 'Enregistrement', done: null, total: null, unit: null, cancellable: false }} onCancel={onCancel} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Enregistrement');
    rerender(<JobProgressView label="Lecture et vérification de chaque cellule…" progress={null} />);
    expect(screen.getByRole('status').textContent).toBe('Lecture et vérification de chaque cellule…');
  });

  it('gives the call a job id, asks its progress while it runs, and stops asking once answered', async () => {
    let finish: (value: RpcResult<unknown>) => void = () => {};
    const call = fakeBridge(() => ({ ok: true, data: null }));
    call.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const job = vi.fn(async () => ({ ok: true, progress: writing }));
    window.cedre!.job = job;
    const seen: JobProgress[] = [];
    const followed = followedApi('import.run', { files: [], simulation: true }, (p) => seen.push(p));
    const jobId = (call.mock.calls[0]![0] as { job: string }).job;
    expect(jobId).toMatch(/^job-[0-9a-f-]{36}$/);
    await waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 2000 });
    expect(job).toHaveBeenCalledWith({ job: jobId, action: 'progress', session: null });
    await followed.cancel();
    expect(job).toHaveBeenCalledWith({ job: jobId, action: 'cancel', session: null });
    finish({ ok: true, data: { ok: true } });
    await expect(followed.result).resolves.toEqual({ ok: true });
    const asked = job.mock.calls.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(job.mock.calls.length).toBe(asked);
  });
});
