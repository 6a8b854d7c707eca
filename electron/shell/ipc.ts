// The Electron end of the AnnotatorApi: one ipcMain.handle per contract method. Every call is
// checked to come from our own page in our own window before its arguments are even parsed.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_METHOD_NAMES, HOST_EVENT_CHANNEL, ipcChannelFor, type HostEvent } from '../contract/channels.js';
import { dispatchApiCall, type ApiHandlerMap, type ApiResponse } from '../services/api-dispatcher.js';
import { isAppPageUrl } from './security.js';

export interface SenderPolicy {
  /** file:// URL of dist/renderer/index.html. */
  appUrl: string;
  /** The main window's webContents, or null while there is none. */
  mainWebContents(): WebContents | null;
}

/** Why a call is refused, or null when it comes from the app's page in the main window. */
export function senderProblem(event: IpcMainInvokeEvent, policy: SenderPolicy): string | null {
  const main = policy.mainWebContents();
  if (!main || main.isDestroyed()) return 'there is no app window';
  const sender = event.sender as WebContents | undefined;
  if (!sender || sender.id !== main.id) return 'it came from another window';
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    frame = null;
  }
  if (!frame) return 'its frame is gone';
  // Only the top frame: the page itself, not anything embedded in it.
  if (frame.parent) return 'it came from an embedded frame';
  if (!isAppPageUrl(frame.url, policy.appUrl)) return `it came from ${JSON.stringify(frame.url)}`;
  return null;
}

const refused = (method: string, why: string): ApiResponse => ({
  ok: false,
  error: {
    code: 'bad-request',
    message: `The request ${method} was refused because ${why}; only the Newsroom Annotator window may call the app.`,
  },
});

export interface ApiIpc {
  /** Resolves once every call that has arrived so far has been answered (used before quitting). */
  settled(): Promise<void>;
  /** Removes the handlers. */
  dispose(): void;
}

/** Registers a handler for every contract method. */
export function registerApiIpc(handlers: ApiHandlerMap, policy: SenderPolicy): ApiIpc {
  const channels: string[] = [];
  const inFlight = new Set<Promise<ApiResponse>>();
  for (const method of API_METHOD_NAMES) {
    const channel = ipcChannelFor(method);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, args: unknown): Promise<ApiResponse> => {
      const problem = senderProblem(event, policy);
      if (problem) {
        console.warn(`[annotator] refused IPC ${method}: ${problem}`);
        return Promise.resolve(refused(method, problem));
      }
      // dispatchApiCall never rejects: every failure becomes an { ok: false } envelope.
      const call = dispatchApiCall(handlers, method, args);
      inFlight.add(call);
      const done = () => inFlight.delete(call);
      call.then(done, done);
      return call;
    });
    channels.push(channel);
  }
  return {
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    dispose() {
      for (const channel of channels) ipcMain.removeHandler(channel);
    },
  };
}

/** Main -> renderer: a menu command or news of a document opened from outside the window. */
export function sendHostEvent(contents: WebContents | null | undefined, event: HostEvent): boolean {
  if (!contents || contents.isDestroyed()) return false;
  contents.send(HOST_EVENT_CHANNEL, event);
  return true;
}
