/**
 * Sandboxed preload: exposes one function, `window.cedre.call`, and nothing else (never raw ipcRenderer).
 * It may import only `electron`; the bridge file is imported for its types and one constant.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type CedreBridge, type RpcEnvelope } from '../../src-shared/bridge';

const bridge: CedreBridge = {
  call: (envelope: RpcEnvelope) => ipcRenderer.invoke(IPC_CHANNEL, { route: envelope.route, input: envelope.input, session: envelope.session }),
};

contextBridge.exposeInMainWorld('cedre', bridge);
