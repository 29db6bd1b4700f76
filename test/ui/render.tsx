import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { RpcEnvelope } from '../../src-shared/bridge';
import type { RpcResult } from '../../src-shared/errors';
import { theme } from '../../src-renderer/app/theme';

export function renderUi(ui: ReactElement) {
  const rendered = render(<MantineProvider theme={theme}>{ui}</MantineProvider>);
  // Re-rendering keeps the provider around the new element.
  return { ...rendered, rerender: (next: ReactElement) => rendered.rerender(<MantineProvider theme={theme}>{next}</MantineProvider>) };
}

/** Stands in for the Electron preload: every call the renderer makes goes through this function. */
export function fakeBridge(answer: (envelope: RpcEnvelope) => RpcResult<unknown>) {
  const call = vi.fn(async (envelope: RpcEnvelope) => answer(envelope));
  window.cedre = { call, job: vi.fn(async () => ({ ok: true, progress: null })) };
  return call;
}
