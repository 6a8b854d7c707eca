import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../../../electron/contract/api.js';
import { API_METHOD_NAMES, DROPPED_FILES_CHANNEL, HOST_EVENT_CHANNEL, ipcChannelFor, type AnnotatorBridge, type HostEvent } from '../../../../electron/contract/channels.js';
import { contextBridge, ipcRenderer, webUtils } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

let bridge: AnnotatorBridge;

beforeAll(async () => {
  await import('../../../../electron/hosts/desktop/preload.js');
  bridge = contextBridge.exposed.get('annotatorBridge') as AnnotatorBridge;
});

describe('preload', () => {
  it('exposes one object, annotatorBridge, and nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['annotatorBridge']);
  });

  it('has exactly the contract methods plus onHostEvent and openDroppedFiles, all plain functions', () => {
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods, 'onHostEvent', 'openDroppedFiles'].sort());
    expect(Object.keys(bridge).sort()).toEqual([...API_METHOD_NAMES, 'onHostEvent', 'openDroppedFiles'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    // Nothing of Electron leaks through.
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
    expect(Object.values(bridge)).not.toContain(ipcRenderer.invoke);
  });

  it.each(API_METHOD_NAMES.map((name) => [name]))('%s invokes its own channel with the arguments and the caller only, and returns the envelope', async (name) => {
    const envelope = { ok: true, result: { method: name } };
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce(envelope);
    const args = { probe: name };
    const call = bridge[name] as (args: unknown, ...extra: unknown[]) => Promise<unknown>;
    const caller = { person: { id: 'p-ana', name: 'Ana' } };
    // The caller (the window's person) crosses over beside the arguments, checked by main; nothing more does.
    await expect(call(args, caller, '/etc/passwd')).resolves.toBe(envelope);
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannelFor(name), args, caller);
    expect(ipcRenderer.invoke.mock.calls[0]![0]).toBe(`annotator:${name}`);
  });

  it('onHostEvent delivers the payload only and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onHostEvent((...args: unknown[]) => received.push(args));
    expect(ipcRenderer.on).toHaveBeenCalledWith(HOST_EVENT_CHANNEL, expect.any(Function));

    const payload: HostEvent = { type: 'menu', command: 'open' };
    const rawEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emitter.emit(HOST_EVENT_CHANNEL, rawEvent, payload);
    expect(received).toEqual([[payload]]);

    unsubscribe();
    expect(ipcRenderer.emitter.listenerCount(HOST_EVENT_CHANNEL)).toBe(0);
    ipcRenderer.emitter.emit(HOST_EVENT_CHANNEL, rawEvent, { type: 'documents-opened', documentId: 'doc-1' });
    expect(received).toHaveLength(1);
  });

  it('openDroppedFiles sends the paths Chromium knows for the dropped files, and names the files it knows none for', async () => {
    const onDisk = new File(['a'], 'story.txt');
    const fromAWebPage = new File(['b'], 'clip.txt');
    webUtils.getPathForFile.mockImplementation((file: unknown) => (file === onDisk ? '/home/ann/story.txt' : ''));
    const envelope = { ok: true, result: { documents: [], failures: [] } };
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce(envelope);
    await expect(bridge.openDroppedFiles([fromAWebPage, onDisk])).resolves.toEqual({ response: envelope, withoutPath: [0] });
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(DROPPED_FILES_CHANNEL, { paths: ['/home/ann/story.txt'] });

    // Nothing with a path: nothing crosses over.
    ipcRenderer.invoke.mockClear();
    const { withoutPath } = await bridge.openDroppedFiles([fromAWebPage]);
    expect(withoutPath).toEqual([0]);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('openDroppedFiles sends a large drop in batches the main process accepts, and gathers the answers', async () => {
    const dropped = Array.from({ length: 450 }, (_, index) => new File(['x'], `story-${index}.txt`));
    webUtils.getPathForFile.mockImplementation((file: unknown) => `/home/ann/${(file as File).name}`);
    ipcRenderer.invoke.mockReset();
    ipcRenderer.invoke.mockImplementation(async (_channel: string, ...args: unknown[]) => {
      const { paths } = args[0] as { paths: string[] };
      if (paths[0] === '/home/ann/story-400.txt') return { ok: false, error: { message: 'The disk is full.' } };
      return { ok: true, result: { documents: paths.map((p) => ({ id: p })), failures: [`${paths.length} in this batch`] } };
    });
    const { response, withoutPath } = await bridge.openDroppedFiles(dropped);
    expect(withoutPath).toEqual([]);
    expect(ipcRenderer.invoke.mock.calls.map((call) => (call[1] as { paths: string[] }).paths.length)).toEqual([200, 200, 50]);
    expect(ipcRenderer.invoke.mock.calls.every((call) => call[0] === DROPPED_FILES_CHANNEL)).toBe(true);
    const result = (response as { ok: true; result: { documents: unknown[]; failures: string[] } }).result;
    expect(result.documents).toHaveLength(400);
    expect(result.failures).toEqual(['200 in this batch', '200 in this batch', 'The disk is full.']);
    ipcRenderer.invoke.mockReset();
    ipcRenderer.invoke.mockImplementation(async () => ({ ok: true, result: null }));
  });

  it('onHostEvent refuses a non-function', () => {
    expect(() => bridge.onHostEvent('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });

  it('bundles to CommonJS that requires nothing but electron (a sandboxed preload can load no other module)', async () => {
    const out = await build({
      entryPoints: [fileURLToPath(new URL('../../../../electron/hosts/desktop/preload.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bzod\b/);
    expect(code.length).toBeLessThan(4000);
  });
});
