import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_PAGE_URL } from '../../../../electron/hosts/desktop/app-protocol.js';
import { apiMethods } from '../../../../electron/contract/api.js';
import { DROPPED_FILES_CHANNEL, HOST_EVENT_CHANNEL, ipcChannelFor } from '../../../../electron/contract/channels.js';
import { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import type { ApiResponse } from '../../../../electron/services/handlers/api-dispatcher.js';
import { WorkspaceStore } from '../../../../electron/services/store/workspace-store.js';
import { registerApiIpc, sendHostEvent, type ApiIpc } from '../../../../electron/hosts/desktop/ipc.js';
import { FakeWebContents, ipcMain } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

const APP_URL = APP_PAGE_URL;

let dir: string;
let store: WorkspaceStore;
let service: AnnotatorService;
let mainContents: FakeWebContents;
let registered: ApiIpc;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-ipc-'));
  store = await WorkspaceStore.open(dir);
  // workspace.json on disk from the start, so the tests can check nothing was added to it.
  await store.saveWorkspace();
  service = new AnnotatorService(store, 'electron', { nativeOpenDialog: true, recentFiles: true });
  mainContents = new FakeWebContents();
  registered = registerApiIpc(createApiHandlers(service, browserHostOnlyMethods), {
    appUrl: APP_URL,
    mainWebContents: () => mainContents as unknown as WebContents,
  });
});

afterEach(async () => {
  registered.dispose();
  await store.flush();
  await fs.rm(dir, { recursive: true, force: true });
});

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function invoke(method: string, args: unknown, sender: { sender?: unknown; senderFrame?: FakeFrame | null } = {}): Promise<ApiResponse> {
  const handler = ipcMain.handlers.get(ipcChannelFor(method));
  if (!handler) throw new Error(`no handler for ${method}`);
  const event = {
    sender: 'sender' in sender ? sender.sender : mainContents,
    senderFrame: 'senderFrame' in sender ? sender.senderFrame : { url: APP_URL, parent: null },
    frameId: 1,
    processId: 1,
  };
  return handler(event, args) as Promise<ApiResponse>;
}

describe('IPC handlers', () => {
  it('registers one handler per contract method, and removes them on dispose', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(apiMethods.map((m) => ipcChannelFor(m)).sort());
    registered.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    // So afterEach's dispose has something to remove.
    registered = registerApiIpc(createApiHandlers(service, browserHostOnlyMethods), { appUrl: APP_URL, mainWebContents: () => null });
  });

  it('answers a good call from the app page with the result envelope', async () => {
    const response = await invoke('getSession', {});
    expect(response.ok).toBe(true);
    expect(response).toMatchObject({ ok: true, result: { host: 'electron', workspaceDir: store.dir, capabilities: { nativeOpenDialog: true, recentFiles: true } } });
  });

  it('accepts the app page with a #fragment or ?query', async () => {
    expect((await invoke('getSession', {}, { senderFrame: { url: `${APP_URL}#/doc/1`, parent: null } })).ok).toBe(true);
    expect((await invoke('getSession', {}, { senderFrame: { url: `${APP_URL}?x=1`, parent: null } })).ok).toBe(true);
  });

  it('writes to the workspace for a good applyChanges call', async () => {
    const response = await invoke('applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 'sp-1', name: 'Ada Lovelace' }] });
    expect(response).toEqual({ ok: true, result: { applied: 1, refused: [] } });
    await store.flush();
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'workspace.json'), 'utf8'));
    expect(onDisk.speakers.map((s: { name: string }) => s.name)).toEqual(['Ada Lovelace']);
  });

  const foreign: [string, { sender?: unknown; senderFrame?: FakeFrame | null }][] = [
    ['a web page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['another local file', { senderFrame: { url: pathToFileURL('/tmp/evil/index.html').href, parent: null } }],
    ['a look-alike path', { senderFrame: { url: `${APP_URL}.evil.html`, parent: null } }],
    ['a data: URL', { senderFrame: { url: 'data:text/html,<script>1</script>', parent: null } }],
    ['a frame inside the app page', { senderFrame: { url: APP_URL, parent: { url: APP_URL, parent: null } } }],
    ['a destroyed frame', { senderFrame: null }],
    ['a different webContents', { sender: new FakeWebContents() }],
    ['no webContents', { sender: undefined }],
  ];

  it.each(foreign)('refuses a call from %s without touching the service', async (_label, sender) => {
    const spies = [
      vi.spyOn(service, 'getSession'),
      vi.spyOn(service, 'applyChanges'),
      vi.spyOn(service, 'openDocument'),
      vi.spyOn(service, 'importBase64'),
    ];
    const calls: [string, unknown][] = [
      ['getSession', {}],
      ['applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 'sp-evil', name: 'Mallory' }] }],
      ['importFile', { fileName: 'x.txt', contentBase64: Buffer.from('planted').toString('base64') }],
    ];
    for (const [method, args] of calls) {
      const response = await invoke(method, args, sender);
      expect(response.ok).toBe(false);
      expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!response.ok) expect(response.error.message).toMatch(/refused/);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    await store.flush();
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'workspace.json'), 'utf8'));
    expect(onDisk.speakers).toEqual([]);
    expect(onDisk.documents).toEqual([]);
  });

  describe('dropped files', () => {
    const opened: string[][] = [];
    let drops: ApiIpc;
    const drop = (args: unknown, sender: { senderFrame?: FakeFrame } = {}) =>
      ipcMain.handlers.get(DROPPED_FILES_CHANNEL)!(
        { sender: mainContents, senderFrame: sender.senderFrame ?? { url: APP_URL, parent: null } },
        args,
      ) as Promise<ApiResponse>;
    beforeEach(() => {
      registered.dispose();
      opened.length = 0;
      drops = registerApiIpc(createApiHandlers(service, browserHostOnlyMethods), { appUrl: APP_URL, mainWebContents: () => mainContents as unknown as WebContents }, async (paths) => {
        opened.push(paths);
        return { documents: [], failures: [`${path.basename(paths[0]!)} was refused`] };
      });
      registered = drops;
    });

    it('hands the paths the preload read to the shell, and answers what it said', async () => {
      const file = path.join(dir, 'story.txt');
      expect(await drop({ paths: [file] })).toEqual({ ok: true, result: { documents: [], failures: ['story.txt was refused'] } });
      expect(opened).toEqual([[file]]);
    });

    it.each([
      ['a relative path', { paths: ['story.txt'] }],
      ['no paths', { paths: [] }],
      ['a path with a NUL', { paths: [`${dir}/a\0.txt`] }],
      ['not a list', { paths: '/etc/passwd' }],
      ['nothing', undefined],
    ])('refuses %s with a message, opening nothing', async (_label, args) => {
      const response = await drop(args);
      expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!response.ok) expect(response.error.message).toMatch(/File › Open/);
      expect(opened).toEqual([]);
    });

    it('refuses a drop from a page that is not the app', async () => {
      const response = await drop({ paths: ['/etc/passwd'] }, { senderFrame: { url: 'https://evil.example/', parent: null } });
      expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(opened).toEqual([]);
    });
  });

  it('refuses every call once the main window is gone', async () => {
    mainContents.destroyed = true;
    const spy = vi.spyOn(service, 'getSession');
    expect(await invoke('getSession', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    ['openDocument', { documentId: '../../etc/passwd' }],
    ['openDocument', {}],
    ['openDocument', 'doc-1'],
    ['getSession', { extra: true }],
    ['openRecentFile', { recentId: '/home/user/secret.txt' }],
    ['applyChanges', { changes: [] }],
    ['importFile', { fileName: '', contentBase64: '' }],
  ])('rejects malformed arguments for %s (%j) with bad-request before the service runs', async (method, args) => {
    const spies = [vi.spyOn(service, 'openDocument'), vi.spyOn(service, 'applyChanges'), vi.spyOn(service, 'getSession'), vi.spyOn(service, 'importBase64')];
    const response = await invoke(method, args);
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!response.ok) expect(response.error.message).toContain(`Invalid arguments for ${method}`);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a malformed change in words, without touching the workspace', async () => {
    const response = await invoke('applyChanges', { changes: [{ kind: 'rmrf', path: '/' }] });
    expect(response).toMatchObject({ ok: true, result: { applied: 0, refused: [{ index: 0, code: 'bad-request' }] } });
  });

  it('turns a service failure into an error envelope, not a rejected invoke', async () => {
    const response = await invoke('openDocument', { documentId: 'doc-missing' });
    expect(response).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('settled() waits for calls still being answered', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = service.applyChanges.bind(service);
    vi.spyOn(service, 'applyChanges').mockImplementationOnce(async (changes) => {
      await gate;
      return original(changes);
    });
    const pending = invoke('applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 'sp-2', name: 'Grace' }] });
    let settled = false;
    const waiting = registered.settled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await waiting;
    expect(settled).toBe(true);
    expect(await pending).toEqual({ ok: true, result: { applied: 1, refused: [] } });
  });
});

describe('sendHostEvent', () => {
  it('sends on the host-event channel, and not to a destroyed window', () => {
    const contents = new FakeWebContents();
    expect(sendHostEvent(contents as unknown as WebContents, { type: 'menu', command: 'undo' })).toBe(true);
    expect(contents.send).toHaveBeenCalledWith(HOST_EVENT_CHANNEL, { type: 'menu', command: 'undo' });
    contents.destroyed = true;
    expect(sendHostEvent(contents as unknown as WebContents, { type: 'menu', command: 'open' })).toBe(false);
    expect(sendHostEvent(null, { type: 'menu', command: 'open' })).toBe(false);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
