// Files reach the desktop app from a native dialog, the recent list the main process keeps,
// the command line, the OS ("Open With") or a drop. Page script never names a path: a drop's
// paths come from Chromium through the preload, and only documents are ever read from them.
import path from 'node:path';
import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { isSafeExternalUrl } from './security.js';
import { ApiError, type DocumentSummary, type RecentFile } from '../../contract/api.js';
import type { DroppedFilesResult } from '../../contract/channels.js';
import type { AnnotatorService } from '../../services/annotator-service.js';
import type { HostOnlyMethods } from '../../services/handlers/api-handlers.js';
import { toApiError } from '../../services/api-errors.js';
import { DOCUMENT_EXTENSIONS, unsupportedDocumentMessage } from '../../services/documents/index.js';
import { openFilesFromPaths, readUserFile, type OpenFileOutcome } from '../../services/documents/open-files.js';
import { recentIdFor, type RecentFiles } from '../../services/documents/recent-files.js';

export const OPEN_DIALOG_OPTIONS: OpenDialogOptions = {
  title: 'Open documents',
  buttonLabel: 'Open',
  properties: ['openFile', 'multiSelections'],
  filters: [{ name: 'Documents (text, Markdown, web pages, Word, PDF, subtitles)', extensions: DOCUMENT_EXTENSIONS.map((ext) => ext.slice(1)) }],
};

export interface DesktopFilesOptions {
  service: AnnotatorService;
  recent: RecentFiles;
  /** The window dialogs belong to; null shows them on their own. */
  window(): BrowserWindow | null;
}

export interface DesktopFiles extends HostOnlyMethods {
  /** Files from the command line, a second instance or the OS: imported and added to the recent list. */
  openPaths(filePaths: string[]): Promise<OpenFileOutcome[]>;
  /**
   * Files dropped on the window, by the paths the preload read from Chromium. Only documents the
   * app reads are opened: nothing else is even read, whatever path arrives.
   */
  openDroppedPaths(filePaths: string[]): Promise<DroppedFilesResult>;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Imports one file the user chose, keeping the service's error codes (binary, not UTF-8, too large...). */
async function importPath(service: AnnotatorService, filePath: string): Promise<DocumentSummary> {
  let bytes: Uint8Array;
  try {
    bytes = await readUserFile(filePath);
  } catch (error) {
    if (isMissing(error)) {
      throw new ApiError('not-found', `"${path.basename(filePath)}" no longer exists. It may have been moved, renamed or deleted.`);
    }
    if (error instanceof ApiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'you do not have permission to read it' : (error as Error).message;
    throw new ApiError('bad-request', `"${path.basename(filePath)}" could not be read: ${why}.`);
  }
  return service.importBytes(path.basename(filePath), bytes, { filePath });
}

export function createDesktopFiles(options: DesktopFilesOptions): DesktopFiles {
  const { service, recent } = options;

  /** The recent list is a convenience: failing to save it must not fail an import that worked. */
  async function remember(filePath: string): Promise<void> {
    try {
      await recent.add(filePath);
    } catch (error) {
      console.error('[annotator] could not update the recent list:', error);
    }
  }

  async function openPaths(filePaths: string[]): Promise<OpenFileOutcome[]> {
    const outcomes = await openFilesFromPaths(service, filePaths);
    for (const outcome of outcomes) {
      if (outcome.document) await remember(outcome.filePath);
    }
    return outcomes;
  }

  async function rememberLast(documents: DocumentSummary[]): Promise<void> {
    const last = documents[documents.length - 1];
    if (last) await service.applyChanges([{ kind: 'setLastDocument', documentId: last.id }]);
  }

  return {
    async openFilesWithDialog(): Promise<DocumentSummary[]> {
      const win = options.window();
      const choice = win ? await dialog.showOpenDialog(win, OPEN_DIALOG_OPTIONS) : await dialog.showOpenDialog(OPEN_DIALOG_OPTIONS);
      if (choice.canceled || choice.filePaths.length === 0) return [];
      const opened: DocumentSummary[] = [];
      const failures: { code: ApiError['code']; message: string }[] = [];
      for (const filePath of choice.filePaths) {
        try {
          opened.push(await importPath(service, filePath));
          await remember(filePath);
        } catch (error) {
          failures.push(toApiError(error));
        }
      }
      await rememberLast(opened);
      const first = failures[0];
      if (first && opened.length === 0) {
        // Nothing opened: the renderer shows this message.
        const more = failures.length > 1 ? ` (${failures.length - 1} more file(s) could not be opened either.)` : '';
        throw new ApiError(first.code, first.message + more);
      }
      if (first) {
        // Some opened: tell the user about the rest without holding up the ones that worked.
        const detail = failures.map((failure) => failure.message).join('\n\n');
        const box = { type: 'warning' as const, message: 'Some files were not opened', detail, buttons: ['OK'] };
        void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box)).catch(() => undefined);
      }
      return opened;
    },

    async chooseWorkspaceToMerge() {
      const win = options.window();
      const box: OpenDialogOptions = { title: 'Merge a colleague’s workspace: choose its folder', properties: ['openDirectory'] };
      const chosen = win ? await dialog.showOpenDialog(win, box) : await dialog.showOpenDialog(box);
      return (chosen.canceled ? undefined : chosen.filePaths[0]) ?? null;
    },

    async chooseDocumentFile(document) {
      const win = options.window();
      const extension = path.extname(document.fileName).slice(1);
      const box: OpenDialogOptions = {
        title: `Where is "${document.fileName}" now?`,
        buttonLabel: 'Use this file',
        properties: ['openFile'],
        ...(extension && { filters: [{ name: document.fileName, extensions: [extension] }, { name: 'All documents', extensions: DOCUMENT_EXTENSIONS.map((ext) => ext.slice(1)) }] }),
      };
      const chosen = win ? await dialog.showOpenDialog(win, box) : await dialog.showOpenDialog(box);
      const filePath = chosen.canceled ? undefined : chosen.filePaths[0];
      if (!filePath) return null;
      const bytes = await readUserFile(filePath);
      await remember(filePath);
      return { filePath, bytes };
    },

    // Electron's own print path: the window, showing the report with its print styles, as a PDF.
    async printReportToPdf(suggestedName: string) {
      const win = options.window();
      if (!win) throw new ApiError('unsupported', 'There is no window to print.');
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      const base = suggestedName.replace(/\.pdf$/i, '').replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'report';
      const box = { title: 'Save the report as PDF', defaultPath: `${base}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const chosen = await dialog.showSaveDialog(win, box);
      if (chosen.canceled || !chosen.filePath) return null;
      return { filePath: chosen.filePath, pdf };
    },

    // The user chooses where in a dialog; the renderer never names the path.
    async chooseExportDestination(format, { folder, fileName }) {
      const win = options.window();
      if (folder) {
        const box: OpenDialogOptions = { title: `Export ${format}: choose a folder`, properties: ['openDirectory', 'createDirectory'] };
        const chosen = win ? await dialog.showOpenDialog(win, box) : await dialog.showOpenDialog(box);
        const path = chosen.canceled ? undefined : chosen.filePaths[0];
        return path ? { path } : 'cancelled';
      }
      const box = { title: `Export ${format}`, defaultPath: fileName };
      const chosen = win ? await dialog.showSaveDialog(win, box) : await dialog.showSaveDialog(box);
      return chosen.canceled || !chosen.filePath ? 'cancelled' : { path: chosen.filePath };
    },

    async openExternalLink(url: string): Promise<boolean> {
      // The renderer asked the user first; the main process still vets what it was given.
      if (!isSafeExternalUrl(url)) {
        throw new ApiError('bad-request', 'Only http:// and https:// links to a web site can be opened.');
      }
      await shell.openExternal(url);
      return true;
    },

    async listRecentFiles(): Promise<RecentFile[]> {
      // File names only: full paths stay in the main process.
      return recent.list().map(({ id, fileName, openedAt }) => ({ id, fileName, openedAt }));
    },

    async forgetRecentFile(filePath: string): Promise<void> {
      await recent.remove(recentIdFor(filePath)).catch((error: unknown) => console.error('[annotator] could not update the recent list:', error));
    },

    async openRecentFile(recentId: string): Promise<DocumentSummary> {
      const entry = recent.get(recentId);
      if (!entry) {
        throw new ApiError('not-found', 'That file is no longer in the recent list. Open it with File › Open… instead.');
      }
      let document: DocumentSummary;
      try {
        document = await importPath(service, entry.filePath);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not-found') {
          await recent.remove(entry.id).catch((removeError: unknown) => console.error('[annotator] could not update the recent list:', removeError));
          throw new ApiError(
            'not-found',
            `"${entry.fileName}" is no longer where it was opened from; it may have been moved, renamed or deleted. ` +
              'It was removed from Open Recent. Open it again with File › Open… from its new place.',
          );
        }
        throw error;
      }
      await remember(entry.filePath);
      await rememberLast([document]);
      return document;
    },

    openPaths,

    async openDroppedPaths(filePaths: string[]): Promise<DroppedFilesResult> {
      const documents = filePaths.filter((filePath) => DOCUMENT_EXTENSIONS.includes(path.extname(filePath).toLowerCase()));
      const failures = filePaths.filter((filePath) => !documents.includes(filePath)).map((filePath) => unsupportedDocumentMessage(path.basename(filePath)));
      const outcomes = documents.length > 0 ? await openPaths(documents) : [];
      return {
        documents: outcomes.flatMap((outcome) => (outcome.document ? [outcome.document] : [])),
        failures: [...outcomes.flatMap((outcome) => (outcome.error ? [outcome.error] : [])), ...failures],
      };
    },
  };
}
