import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { RpcEnvelope } from '../../src-shared/bridge';
import type { RpcResult } from '../../src-shared/errors';
import { theme } from '../../src-renderer/app/theme';

export function renderUi(ui: ReactElement) {
  return render(<MantineProvider theme={theme}>{ui}</MantineProvider>);
}

/** Stands in for the Electron preload: every call the renderer makes goes through this function. */
export function fakeBridge(answer: (envelope: RpcEnvelope) => RpcResult<unknown>) {
  const call = vi.fn(async (envelope: RpcEnvelope) => answer(envelope));
  window.cedre = { call };
  return call;
}
