/**
 * Sandboxed preload: exposes two functions, `window.cedre.call` and `window.cedre.job`, and nothing else (never raw ipcRenderer).
 * It may import only `electron`; the bridge file is imported for its types and one constant.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, IPC_JOB_CHANNEL, type CedreBridge, type RpcEnvelope } from '../../src-shared/bridge';

const bridge: CedreBridge = {
  call: (envelope: RpcEnvelope) => ipcRenderer.invoke(IPC_CHANNEL, { route: envelope.route, input: envelope.input, session: envelope.session, job: envelope.job ?? null }),
  job: (request) => ipcRenderer.invoke(IPC_JOB_CHANNEL, { job: request.job, action: request.action, session: request.session }),
};

contextBridge.exposeInMainWorld('cedre', bridge);
