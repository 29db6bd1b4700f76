/**
 * The first screen while the data worker starts (issue 18 §4): encrypting a base made before encryption takes minutes
 * on a large base, and the window is open meanwhile. Its first call (system.status) is followed like a long job, and
 * the steps the worker reports are shown until the answer arrives.
 */
import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RpcResult } from '../../src-shared/errors';
import type { JobProgress } from '../../src-shared/jobs';
import { App } from '../../src-renderer/app/App';
import { useSessionStore } from '../../src-renderer/stores/session-store';
import { fakeBridge, renderUi } from './render';

beforeEach(() => act(() => useSessionStore.setState({ status: null, session: null, notice: null })));

describe('the start-up screen', () => {
  it('shows the encryption steps of an old base while the first call waits, then the screen of the state found', async () => {
    let answer: (value: RpcResult<unknown>) => void = () => {};
    const call = fakeBridge(() => ({ ok: true, data: null }));
    call.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    let step: JobProgress | null = null;
    const job = vi.fn(async () => ({ ok: true, progress: step }));
    window.cedre!.job = job;

    renderUi(<App />);
    expect(call).toHaveBeenCalledWith(expect.objectContaining({ route: 'system.status', job: expect.stringMatching(/^job-/) }));
    // An ordinary start reports no step: the short « opening » message.
    expect(screen.getByText('Ouverture de la base de données…')).toBeTruthy();

    step = { step: 'Chiffrement des données : les copies en clair', done: 1, total: 3, unit: 'étapes', cancellable: false, cancelRequested: false };
    expect(await screen.findByText('Préparation de vos données', undefined, { timeout: 2000 })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Chiffrement des données : les copies en clair — 1 sur 3 étapes (33\u00a0%)');
    // Encrypting cannot be stopped halfway: no cancel button.
    expect(screen.queryByRole('button')).toBeNull();

    await act(async () => answer({ ok: true, data: { state: 'locked', appVersion: '0.1.0', message: 'Les données sont verrouillées.', canUnlock: true } }));
    expect(await screen.findByText('Les données sont verrouillées.')).toBeTruthy();
    expect(screen.queryByText('Préparation de vos données')).toBeNull();
    const asked = job.mock.calls.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(job.mock.calls.length).toBe(asked);
  });
});
