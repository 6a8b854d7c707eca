import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../electron/contract/api.js';
import { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { RecentFiles, recentIdFor } from '../../../../electron/services/documents/recent-files.js';
import { sha256, WorkspaceStore } from '../../../../electron/services/store/workspace-store.js';
import { createDesktopFiles, type DesktopFiles } from '../../../../electron/hosts/desktop/desktop-files.js';
import { dialog, FakeBrowserWindow, shell } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

let root: string;
let docsDir: string;
let store: WorkspaceStore;
let service: AnnotatorService;
let recent: RecentFiles;
let files: DesktopFiles;
let win: FakeBrowserWindow;

const ARTICLE = 'The mayor said: "We will open the bridge in May." Critics disagreed.\n';

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-desktop-'));
  docsDir = path.join(root, 'My Documents');
  await fs.mkdir(docsDir);
  store = await WorkspaceStore.open(path.join(root, 'workspace'));
  service = new AnnotatorService(store, 'electron', { nativeOpenDialog: true, recentFiles: true });
  recent = await RecentFiles.open(path.join(root, 'user-data', 'recent-files.json'));
  win = new FakeBrowserWindow({});
  files = createDesktopFiles({ service, recent, window: () => win as unknown as BrowserWindow });
  dialog.showOpenDialog.mockReset();
  dialog.showMessageBox.mockClear();
});

afterEach(async () => {
  await store.flush();
  await recent.flush();
  await fs.rm(root, { recursive: true, force: true });
});

async function writeDoc(name: string, content: string | Uint8Array = ARTICLE): Promise<string> {
  const filePath = path.join(docsDir, name);
  await fs.writeFile(filePath, content);
  return filePath;
}

function chooseInDialog(...filePaths: string[]): void {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: filePaths.length === 0, filePaths });
}

async function recentOnDisk(): Promise<string[]> {
  try {
    const data = JSON.parse(await fs.readFile(recent.filePath, 'utf8'));
    return data.files.map((entry: { path: string }) => entry.path);
  } catch {
    return [];
  }
}

describe('openFilesWithDialog', () => {
  it('returns [] and changes nothing when the dialog is cancelled', async () => {
    chooseInDialog();
    await expect(files.openFilesWithDialog()).resolves.toEqual([]);
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    expect(store.data.documents).toEqual([]);
    expect(await fs.readdir(path.join(store.dir, 'texts'))).toEqual([]);
    expect(recent.list()).toEqual([]);
    expect(await recentOnDisk()).toEqual([]);
  });

  it('ignores any paths that come with a cancelled dialog', async () => {
    const filePath = await writeDoc('not-chosen.txt');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [filePath] });
    await expect(files.openFilesWithDialog()).resolves.toEqual([]);
    expect(store.data.documents).toEqual([]);
    expect(recent.list()).toEqual([]);
  });

  it('asks for every document type it reads, several at once, attached to the window', async () => {
    chooseInDialog();
    await files.openFilesWithDialog();
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]! as [unknown, { properties: string[]; filters: { extensions: string[] }[] }];
    expect(parent).toBe(win);
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(options.filters.flatMap((filter) => filter.extensions).sort()).toEqual(['docx', 'htm', 'html', 'markdown', 'md', 'pdf', 'srt', 'text', 'txt', 'vtt']);
  });

  it('imports the chosen file into the workspace and remembers it', async () => {
    const filePath = await writeDoc('bridge story.txt');
    chooseInDialog(filePath);
    const opened = await files.openFilesWithDialog();

    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ title: 'bridge story', fileName: 'bridge story.txt', length: ARTICLE.length, textHash: sha256(ARTICLE) });
    // The text snapshot is on disk, named by its SHA-256.
    expect(await fs.readFile(path.join(store.dir, 'texts', `${sha256(ARTICLE)}.txt`), 'utf8')).toBe(ARTICLE);
    await store.flush();
    const workspace = JSON.parse(await fs.readFile(path.join(store.dir, 'workspace.json'), 'utf8'));
    expect(workspace.documents.map((doc: { id: string }) => doc.id)).toEqual([opened[0]!.id]);
    expect(workspace.settings.lastDocumentId).toBe(opened[0]!.id);
    // And it is on top of the recent list, on disk.
    expect(await recentOnDisk()).toEqual([filePath]);
  });

  it('imports several files, in order', async () => {
    const a = await writeDoc('a.txt', 'first story\n');
    const b = await writeDoc('b.md', '# second story\n');
    chooseInDialog(a, b);
    const opened = await files.openFilesWithDialog();
    expect(opened.map((doc) => doc.fileName)).toEqual(['a.txt', 'b.md']);
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['b.md', 'a.txt']);
  });

  it('gives the reader’s own message when the only chosen file cannot be opened', async () => {
    const binary = await writeDoc('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    chooseInDialog(binary);
    const failure = files.openFilesWithDialog();
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'binary-file' });
    expect(store.data.documents).toEqual([]);
    expect(recent.list()).toEqual([]);
  });

  it('opens the good files and reports the bad ones when the choice is mixed', async () => {
    const good = await writeDoc('good.txt');
    const empty = await writeDoc('empty.txt', '');
    chooseInDialog(good, empty);
    const opened = await files.openFilesWithDialog();
    expect(opened.map((doc) => doc.fileName)).toEqual(['good.txt']);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(dialog.showMessageBox.mock.calls[0])).toContain('empty.txt');
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['good.txt']);
  });
});

describe('openDroppedPaths', () => {
  it('opens dropped documents by their paths and lists them in Open Recent', async () => {
    const story = await writeDoc('dropped.txt', 'The mayor said "The bridge opens in May".');
    const result = await files.openDroppedPaths([story]);
    expect(result.failures).toEqual([]);
    expect(result.documents).toHaveLength(1);
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['dropped.txt']);
    expect(store.data.documents.map((doc) => doc.filePath)).toEqual([story]);
  });

  it('never reads a path that is not a document the app reads, whatever the drop claims', async () => {
    const secret = await writeDoc('id_rsa', 'PRIVATE KEY');
    const picture = await writeDoc('photo.png', 'not a picture really');
    const readFile = vi.spyOn(fs, 'readFile');
    const result = await files.openDroppedPaths([secret, picture, '/etc/hostname']);
    expect(readFile).not.toHaveBeenCalled();
    readFile.mockRestore();
    expect(result.documents).toEqual([]);
    expect(result.failures).toEqual([
      expect.stringMatching(/^"id_rsa" is not a kind of document this version can open\. Open a \.txt, .* file instead\.$/),
      expect.stringMatching(/^"photo\.png" is not a kind of document/),
      expect.stringMatching(/^"hostname" is not a kind of document/),
    ]);
    expect(store.data.documents).toEqual([]);
    expect(recent.list()).toEqual([]);
  });

  it('says which dropped files could not be opened and opens the rest', async () => {
    const story = await writeDoc('kept.md', '# Council\n\nThe vote is on Friday.');
    const folder = path.join(docsDir, 'folder.txt');
    await fs.mkdir(folder);
    const result = await files.openDroppedPaths([folder, story, path.join(docsDir, 'gone.txt')]);
    expect(result.documents).toHaveLength(1);
    expect(result.failures).toEqual([expect.stringMatching(/folder\.txt is a folder, not a file/), expect.stringMatching(/gone\.txt does not exist/)]);
  });
});

describe('listRecentFiles', () => {
  it('gives ids, file names and times, never a path', async () => {
    const a = await writeDoc('a.txt');
    const b = await writeDoc('b.md', '# b\n');
    await recent.add(a);
    await recent.add(b);
    const listed = await files.listRecentFiles();
    expect(listed.map((entry) => entry.fileName)).toEqual(['b.md', 'a.txt']);
    for (const entry of listed) {
      expect(Object.keys(entry).sort()).toEqual(['fileName', 'id', 'openedAt']);
      expect(entry.id).toMatch(/^[0-9a-f]{16}$/);
    }
    const serialized = JSON.stringify(listed);
    expect(serialized).not.toContain(docsDir);
    expect(serialized).not.toContain(root);
    expect(serialized).not.toContain('My Documents');
    expect(serialized).not.toMatch(/[\\/]/);
  });
});

describe('openRecentFile', () => {
  it('reads the file the main process remembered for that id', async () => {
    const filePath = await writeDoc('remembered.txt');
    const other = await writeDoc('other.txt', 'another story\n');
    await recent.add(filePath);
    await recent.add(other);
    const document = await files.openRecentFile(recentIdFor(filePath));
    expect(document).toMatchObject({ fileName: 'remembered.txt', textHash: sha256(ARTICLE) });
    expect(store.findDocument(document.id)).toBeDefined();
    // Opening it again moves it back to the top.
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['remembered.txt', 'other.txt']);
    expect(await recentOnDisk()).toEqual([filePath, other]);
  });

  it('drops a document’s file from the list when the document is removed from the workspace', async () => {
    const filePath = await writeDoc('test-file.txt');
    const other = await writeDoc('other.txt', 'another story\n');
    const [opened] = await files.openPaths([filePath, other]);
    const handlers = createApiHandlers(service, files);
    expect((await handlers.applyChanges({ changes: [{ kind: 'removeDocument', documentId: opened!.document!.id }] })).refused).toEqual([]);
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['other.txt']);
    expect(await recentOnDisk()).toEqual([other]);
  });

  it('answers not-found for an id it never gave out', async () => {
    const failure = files.openRecentFile('0123456789abcdef');
    await expect(failure).rejects.toMatchObject({ code: 'not-found' });
    await expect(failure).rejects.toThrow(/no longer in the recent list/);
    expect(store.data.documents).toEqual([]);
  });

  it('answers not-found for a file that was deleted, and drops it from the list', async () => {
    const filePath = await writeDoc('gone.txt');
    const kept = await writeDoc('kept.txt', 'kept story\n');
    await recent.add(kept);
    await recent.add(filePath);
    await fs.rm(filePath);

    const failure = files.openRecentFile(recentIdFor(filePath));
    await expect(failure).rejects.toMatchObject({ code: 'not-found' });
    await expect(failure).rejects.toThrow(/"gone\.txt" is no longer where it was opened from/);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).not.toContain(docsDir);

    expect(recent.get(recentIdFor(filePath))).toBeUndefined();
    expect((await files.listRecentFiles()).map((entry) => entry.fileName)).toEqual(['kept.txt']);
    expect(await recentOnDisk()).toEqual([kept]);
    expect(store.data.documents).toEqual([]);
  });

  it('keeps a file in the list when it exists but cannot be read as text', async () => {
    const filePath = await writeDoc('now-binary.txt');
    await recent.add(filePath);
    await fs.writeFile(filePath, new Uint8Array([0, 1, 2, 3]));
    await expect(files.openRecentFile(recentIdFor(filePath))).rejects.toMatchObject({ code: 'binary-file' });
    expect(recent.get(recentIdFor(filePath))).toBeDefined();
  });
});

describe('openPaths (command line, second instance, Open With)', () => {
  it('imports the files and adds the ones that opened to the recent list', async () => {
    const good = await writeDoc('cli.txt');
    const missing = path.join(docsDir, 'missing.txt');
    const outcomes = await files.openPaths([good, missing]);
    expect(outcomes[0]!.document?.fileName).toBe('cli.txt');
    expect(outcomes[1]!.error).toMatch(/does not exist/);
    expect(await recentOnDisk()).toEqual([good]);
  });
});

describe('openExternalLink', () => {
  it('opens a vetted https link in the system browser', async () => {
    shell.openExternal.mockClear();
    expect(await files.openExternalLink('https://example.org/budget-2024')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/budget-2024');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.org/', 'ftp://example.org/x', ''])('refuses %j without opening anything', async (url) => {
    shell.openExternal.mockClear();
    await expect(files.openExternalLink(url)).rejects.toThrow(/Only http:\/\/ and https:\/\/ links/);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

// The host chooses where (its dialogs); the handlers write what the window would otherwise download.
describe('exportDataset through the dialogs', () => {
  /** What the browser host hands the window, a zip (brat) opened into its files. */
  const downloaded = async (format: 'jsonl' | 'brat') => {
    const { files } = await createApiHandlers(service, browserHostOnlyMethods).exportDataset({ format });
    if (files[0]?.encoding !== 'base64') return files;
    const zip = await JSZip.loadAsync(Buffer.from(files[0].content, 'base64'));
    return Promise.all(Object.values(zip.files).map(async (entry) => ({ name: entry.name, content: await entry.async('string') })));
  };

  beforeEach(async () => {
    const doc = await service.importBytes('story.txt', Buffer.from(ARTICLE));
    await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', start: 0, end: 9 }]);
  });

  it('saves a file where the user chooses in the save dialog, and hands back no contents', async () => {
    const target = path.join(root, 'chosen.jsonl');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const saved = await createApiHandlersFor(files).exportDataset({ format: 'jsonl' });
    expect(saved).toEqual({ files: [], savedTo: target, warnings: [] });
    expect((dialog.showSaveDialog.mock.calls.at(-1)![1] as { defaultPath: string }).defaultPath).toBe('doccano.jsonl');
    expect(await fs.readFile(target, 'utf8')).toBe((await downloaded('jsonl'))[0]!.content);
  });

  it('saves brat into the folder the user chooses, and nothing when the dialog is cancelled', async () => {
    const folder = path.join(root, 'brat');
    await fs.mkdir(folder);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    expect(await createApiHandlersFor(files).exportDataset({ format: 'brat' })).toEqual({ files: [], savedTo: folder, warnings: [] });
    const brat = await downloaded('brat');
    expect((await fs.readdir(folder)).sort()).toEqual(brat.map((f) => f.name).sort());
    for (const file of brat) expect(await fs.readFile(path.join(folder, file.name), 'utf8')).toBe(file.content);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const before = await fs.readdir(root);
    expect(await createApiHandlersFor(files).exportDataset({ format: 'csv' })).toEqual({ files: [], savedTo: null, warnings: [] });
    expect(await fs.readdir(root)).toEqual(before);
  });
});

describe('mergeWorkspaceWithDialog', () => {
  it('merges the folder chosen in the dialog, and nothing when it is cancelled', async () => {
    const colleague = path.join(root, 'colleague');
    const theirs = new AnnotatorService(await WorkspaceStore.open(colleague), 'browser');
    const doc = await theirs.importBytes('shared.txt', Buffer.from('A shared story.'));
    await theirs.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'c1', labelId: 'claim', start: 0, end: 8 }]);
    await theirs.store.flush();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await createApiHandlersFor(files).mergeWorkspaceWithDialog()).toBeNull();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [colleague] });
    expect(await createApiHandlersFor(files).mergeWorkspaceWithDialog()).toMatchObject({ documentsAdded: 1, highlightsAdded: 1 });
    expect(store.data.documents.map((d) => d.title)).toEqual(['shared']);
  });
});

describe('a document linked to its file', () => {
  it('keeps the path a document was opened from, so changes to the file are noticed', async () => {
    const filePath = await writeDoc('story.txt');
    chooseInDialog(filePath);
    const [doc] = await files.openFilesWithDialog();
    expect(store.findDocument(doc!.id)).toMatchObject({ filePath, fileName: 'story.txt' });
  });

  it('asks where a moved file is now, relinks it and re-anchors its highlights', async () => {
    const filePath = await writeDoc('story.txt');
    chooseInDialog(filePath);
    const [doc] = await files.openFilesWithDialog();
    const start = ARTICLE.indexOf('We will open the bridge in May.');
    await service.applyChanges([{ kind: 'createAnnotation', documentId: doc!.id, annotationId: 'ann-1', labelId: 'quote', start, end: start + 31 }]);
    const movedPath = await writeDoc('story-final.txt', 'Updated on Monday.\n\n' + ARTICLE);
    await fs.rm(filePath);
    chooseInDialog(movedPath);
    const result = await createApiHandlersFor(files).locateDocumentFile({ documentId: doc!.id });
    const box = dialog.showOpenDialog.mock.calls.at(-1)![1] as { title: string };
    expect(box.title).toBe('Where is "story.txt" now?');
    expect(result).toMatchObject({ document: { filePath: movedPath, fileName: 'story-final.txt' }, report: { moved: 1, fuzzy: 0, orphaned: 0 } });
    const [annotation] = await store.annotations(store.findDocument(doc!.id)!);
    expect(annotation).toMatchObject({ start: start + 'Updated on Monday.\n\n'.length, text: 'We will open the bridge in May.' });
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const filePath = await writeDoc('story.txt');
    chooseInDialog(filePath);
    const [doc] = await files.openFilesWithDialog();
    chooseInDialog();
    await expect(createApiHandlersFor(files).locateDocumentFile({ documentId: doc!.id })).resolves.toBeNull();
    expect(store.findDocument(doc!.id)!.filePath).toBe(filePath);
  });
});

function createApiHandlersFor(hostOnly: DesktopFiles) {
  return createApiHandlers(service, hostOnly);
}

describe('saveReportPdf', () => {
  it('prints the window to PDF and saves it where the user chooses', async () => {
    const target = path.join(docsDir, 'report.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(createApiHandlersFor(files).saveReportPdf({ suggestedName: 'Council: claims/verdicts' })).resolves.toEqual({ savedTo: target });
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true }));
    const box = dialog.showSaveDialog.mock.calls.at(-1)![1] as { defaultPath: string };
    expect(box.defaultPath).toBe('Council claims verdicts.pdf');
    expect((await fs.readFile(target)).toString()).toBe('%PDF-1.4 report');
  });

  it('suggests one .pdf ending when the window already named the file .pdf', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    await createApiHandlersFor(files).saveReportPdf({ suggestedName: 'story — claims.pdf' });
    const box = dialog.showSaveDialog.mock.calls.at(-1)![1] as { defaultPath: string };
    expect(box.defaultPath).toBe('story — claims.pdf');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    await expect(createApiHandlersFor(files).saveReportPdf({ suggestedName: 'report' })).resolves.toBeNull();
    expect(await fs.readdir(docsDir)).toEqual([]);
  });
});
