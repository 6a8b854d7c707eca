// The desktop transport: the preload's bridge, one function per contract method.
import type { ApiMethod } from '../../../electron/contract/api';
import type { AnnotatorBridge } from '../../../electron/contract/channels';
import { clientFromCaller, type AnnotatorClient } from './client';

declare global {
  interface Window {
    annotatorBridge?: AnnotatorBridge;
  }
}

export function createElectronClient(bridge: AnnotatorBridge): AnnotatorClient {
  return clientFromCaller(
    (method: ApiMethod, args: unknown) => bridge[method](args) as ReturnType<Parameters<typeof clientFromCaller>[0]>,
    {
      onHostEvent: (listener) => bridge.onHostEvent(listener),
      // IPC messages already sent reach the main process even if the window closes.
      sendOnUnload: (method, args) => void bridge[method](args),
    },
  );
}
