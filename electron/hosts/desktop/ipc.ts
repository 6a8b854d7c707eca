// The Electron end of the AnnotatorApi: one ipcMain.handle per contract method. Every call is
// checked to come from our own page in our own window before its arguments are even parsed.
import path from 'node:path';
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import { API_METHOD_NAMES, DROPPED_FILES_CHANNEL, DROPPED_FILES_PER_CALL, HOST_EVENT_CHANNEL, ipcChannelFor, type DroppedFilesResult, type HostEvent } from '../../contract/channels.js';
import { toApiError } from '../../services/api-errors.js';
import { dispatchApiCall, type ApiHandlerMap, type ApiResponse } from '../../services/handlers/api-dispatcher.js';
import { isAppPageUrl } from './security.js';

export interface SenderPolicy {
  /** The app page's URL (app://annotator/index.html). */
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

/** Paths of dropped files, as the preload read them from Chromium: absolute, and not too many. */
const droppedFilesSchema = z.object({
  paths: z
    .array(z.string().min(1).max(4096).refine((value) => path.isAbsolute(value) && !value.includes('\0'), 'not an absolute path'))
    .min(1)
    .max(DROPPED_FILES_PER_CALL),
});

/** Opens dropped files by their paths; the shell's openPaths, which also watches them. */
export type OpenDroppedPaths = (paths: string[]) => Promise<DroppedFilesResult>;

async function answerDrop(openDroppedPaths: OpenDroppedPaths, args: unknown): Promise<ApiResponse> {
  const parsed = droppedFilesSchema.safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad-request', message: 'The dropped files could not be opened: their places on disk did not arrive intact. Open them with File › Open… instead.' } };
  }
  try {
    return { ok: true, result: await openDroppedPaths(parsed.data.paths) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

/** Registers a handler for every contract method, and for dropped files when given a way to open them. */
export function registerApiIpc(handlers: ApiHandlerMap, policy: SenderPolicy, openDroppedPaths?: OpenDroppedPaths): ApiIpc {
  const channels: string[] = [];
  const inFlight = new Set<Promise<ApiResponse>>();
  const handle = (channel: string, name: string, answer: (args: unknown, caller: unknown) => Promise<ApiResponse>) => {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, args: unknown, caller?: unknown): Promise<ApiResponse> => {
      const problem = senderProblem(event, policy);
      if (problem) {
        console.warn(`[annotator] refused IPC ${name}: ${problem}`);
        return Promise.resolve(refused(name, problem));
      }
      // Answers never reject: every failure becomes an { ok: false } envelope.
      const call = answer(args, caller);
      inFlight.add(call);
      const done = () => inFlight.delete(call);
      call.then(done, done);
      return call;
    });
    channels.push(channel);
  };
  for (const method of API_METHOD_NAMES) handle(ipcChannelFor(method), method, (args, caller) => dispatchApiCall(handlers, method, args, caller));
  if (openDroppedPaths) handle(DROPPED_FILES_CHANNEL, 'openDroppedFiles', (args) => answerDrop(openDroppedPaths, args));
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
