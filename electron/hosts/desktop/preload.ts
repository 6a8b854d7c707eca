// Runs sandboxed, before the renderer's own scripts. It hands the page one small function per
// contract method and a way to hear host events; ipcRenderer itself never leaves this file.
// Imports only 'electron' and the name list (no zod): sandboxed preloads cannot load modules.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  API_METHOD_NAMES,
  DROPPED_FILES_CHANNEL,
  DROPPED_FILES_PER_CALL,
  HOST_EVENT_CHANNEL,
  ipcChannelFor,
  type AnnotatorBridge,
  type DroppedFilesResult,
  type HostEvent,
} from '../../contract/channels.js';

type MethodName = (typeof API_METHOD_NAMES)[number];

function buildBridge(): AnnotatorBridge {
  const methods = {} as Record<MethodName, (args: unknown, caller?: unknown) => Promise<unknown>>;
  for (const name of API_METHOD_NAMES) {
    const channel = ipcChannelFor(name);
    // The arguments and the window's person cross over; the main process validates both.
    methods[name] = (args: unknown, caller?: unknown) => ipcRenderer.invoke(channel, args, caller);
  }
  const onHostEvent = (listener: (event: HostEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onHostEvent needs a function.');
    // The page gets the payload only, never Electron's event object (it carries `sender`).
    const forward = (_event: IpcRendererEvent, payload: HostEvent) => listener(payload);
    ipcRenderer.on(HOST_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(HOST_EVENT_CHANNEL, forward);
    };
  };
  const openDroppedFiles = async (files: readonly File[]) => {
    const paths: string[] = [];
    const withoutPath: number[] = [];
    Array.from(files ?? []).forEach((file, index) => {
      let filePath = '';
      try {
        // Empty for a File the page made itself: a page cannot invent a path this way.
        filePath = webUtils.getPathForFile(file);
      } catch {
        filePath = '';
      }
      if (filePath) paths.push(filePath);
      else withoutPath.push(index);
    });
    // In batches the main process accepts, so a drop of a thousand files opens them all.
    const documents: unknown[] = [];
    const failures: string[] = [];
    for (let start = 0; start < paths.length; start += DROPPED_FILES_PER_CALL) {
      const answer = (await ipcRenderer.invoke(DROPPED_FILES_CHANNEL, { paths: paths.slice(start, start + DROPPED_FILES_PER_CALL) })) as
        | { ok: true; result: DroppedFilesResult }
        | { ok: false; error: { message: string } };
      if (answer.ok) {
        documents.push(...answer.result.documents);
        failures.push(...answer.result.failures);
      } else {
        failures.push(answer.error.message);
      }
    }
    return { response: { ok: true, result: { documents, failures } }, withoutPath };
  };
  return Object.freeze({ ...methods, onHostEvent, openDroppedFiles });
}

contextBridge.exposeInMainWorld('annotatorBridge', buildBridge());
