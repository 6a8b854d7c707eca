// The desktop transport: the preload's bridge, one function per contract method.
import type { ApiMethod, DocumentSummary } from '../../../electron/contract/window-api';
import type { AnnotatorBridge, DroppedFilesResult } from '../../../electron/contract/channels';
import { clientFromCaller, currentWindowPerson, unwrap, type AnnotatorClient } from './client';

declare global {
  interface Window {
    annotatorBridge?: AnnotatorBridge;
  }
}

export function createElectronClient(bridge: AnnotatorBridge): AnnotatorClient {
  return clientFromCaller(
    (method: ApiMethod, args: unknown, caller) => bridge[method](args, caller) as ReturnType<Parameters<typeof clientFromCaller>[0]>,
    {
      onHostEvent: (listener) => bridge.onHostEvent(listener),
      // IPC messages already sent reach the main process even if the window closes.
      sendOnUnload: (method, args) => void bridge[method](args, { person: currentWindowPerson() }),
      openDroppedFiles: async (files) => {
        const { response, withoutPath } = await bridge.openDroppedFiles(files);
        const result = unwrap<DroppedFilesResult>(response as Parameters<typeof unwrap>[0]);
        return {
          documents: result.documents as DocumentSummary[],
          failures: result.failures,
          withoutPath: withoutPath.flatMap((index) => (files[index] ? [files[index]] : [])),
        };
      },
    },
  );
}
