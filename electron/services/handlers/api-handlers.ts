// The contract's methods, each mapped onto the service and onto what only a host can do. Every
// host (desktop, browser, CLI) calls these, so none repeats a sequence of service calls.
import { ApiError, parseArgs, type ApiMethod, type Caller, type ApiResult, type DocumentSummary, type ExportFormat } from '../../contract/api.js';
import type { AnnotatorService } from '../annotator-service.js';
import { lensFor } from '../blind-lens.js';
import { decodeBase64 } from '../documents/base64.js';
import { measureAgreement } from '../exports/agreement.js';
import { collectDataset, layerAuthors, listAnnotators } from '../exports/dataset.js';
import { listDisagreements } from '../exports/disagreements.js';
import { writeExport } from '../exports/write-export.js';
import { zipExport, zipName } from '../exports/zip-export.js';
import { mergeWorkspaces } from '../imports/merge-workspaces.js';
import { compactWorkspace } from '../store/compaction.js';
import { writeFileDurably } from '../store/durable-json-file.js';
import type { TeamSyncEngine } from '../sync/team-sync-api.js';
import { createTeamHandlers, type TeamOptions } from './team-handlers.js';
import { exportDataset, exportSplitParts, importFiles, type ExportStep } from './workspace-tasks.js';

/** Where an export goes: a path the user chose, nowhere (cancelled), or back to the page that saves it itself. */
export type ExportDestination = { path: string } | 'cancelled' | 'download';

/**
 * What only a host can do: dialogs, the recent list, the system browser, printing. Hosts choose
 * (a file, a folder); the handlers then read or write what was chosen. The browser host answers
 * with a clear refusal where it has no such thing.
 */
export interface HostOnlyMethods {
  openFilesWithDialog(): Promise<DocumentSummary[]>;
  listRecentFiles(): Promise<{ id: string; fileName: string; openedAt: string }[]>;
  openRecentFile(recentId: string): Promise<DocumentSummary>;
  /** Opens a vetted http(s) link in the system browser; false where the host cannot. */
  openExternalLink(url: string): Promise<boolean>;
  /** The workspace folder to merge into this one; null when the dialog is cancelled. */
  chooseWorkspaceToMerge(): Promise<string | null>;
  /** Where to save an export: a folder for folder formats, else a file (its name suggested). */
  chooseExportDestination(format: ExportFormat, what: { folder: boolean; fileName: string }): Promise<ExportDestination>;
  /** Told how far an export is, where the host can show it (the CLI on a terminal). */
  exportProgress?(step: ExportStep): void;
  /** Asks where a document's file is now; null when the dialog is cancelled. */
  chooseDocumentFile(document: DocumentSummary): Promise<{ filePath: string; bytes: Uint8Array } | null>;
  /** Prints the window (showing a report) to a PDF, and asks where to save it; null when cancelled. */
  printReportToPdf(suggestedName: string): Promise<{ filePath: string; pdf: Uint8Array } | null>;
  /** A removed document's file leaves the recent list, where the host keeps one (the desktop). */
  forgetRecentFile?(filePath: string): Promise<void>;
}

/** The files of the listed documents a batch removes (checked loosely: the service parses each change). */
function filesRemovedBy(service: AnnotatorService, changes: readonly unknown[]): { documentId: string; filePath: string }[] {
  const removed: { documentId: string; filePath: string }[] = [];
  for (const change of changes) {
    const { kind, documentId } = (change ?? {}) as { kind?: unknown; documentId?: unknown };
    if (kind !== 'removeDocument' || typeof documentId !== 'string') continue;
    const filePath = service.store.findDocument(documentId)?.filePath;
    if (filePath) removed.push({ documentId, filePath });
  }
  return removed;
}

export const browserHostOnlyMethods: HostOnlyMethods = {
  async openFilesWithDialog() {
    throw new ApiError('unsupported', 'The browser version opens files with the Open button or by dropping them on the window.');
  },
  async listRecentFiles() {
    return [];
  },
  async openRecentFile() {
    throw new ApiError('unsupported', 'Recent files are kept by the desktop app only.');
  },
  // The page itself opens the link in a new tab; a server has no browser to open it in.
  async openExternalLink() {
    return false;
  },
  async chooseWorkspaceToMerge() {
    throw new ApiError(
      'unsupported',
      'The browser version cannot choose a folder on this computer. Merge from the desktop app, or run `npx annotator merge --store DIR OTHER_DIR`.',
    );
  },
  // The page saves the files itself, as one download (a folder export comes zipped).
  async chooseExportDestination() {
    return 'download';
  },
  async chooseDocumentFile() {
    throw new ApiError('unsupported', 'The browser version asks for the file in the window: use "Locate file…" there.');
  },
  async printReportToPdf() {
    throw new ApiError('unsupported', 'The browser version prints with your browser: use Print, and choose "Save as PDF" there.');
  },
};

/** A method's arguments as the contract hands them over: parsed, defaults filled in. */
export type HandlerArgs<M extends ApiMethod> = ReturnType<typeof parseArgs<M>>;

/** One function per contract method, taking already-validated arguments: the compiler checks each against the contract. */
export type ApiHandlers = {
  // A method without arguments can be called without any (the CLI and tests do).
  // The caller (the window's person) is optional too: the CLI and older tests call without one.
  [M in ApiMethod]: {} extends HandlerArgs<M> ? (args?: HandlerArgs<M>, caller?: Caller) => Promise<ApiResult<M>> : (args: HandlerArgs<M>, caller?: Caller) => Promise<ApiResult<M>>;
};

/** `team`: the host's team sync engine; without one, the team methods say this host has none. */
export function createApiHandlers(service: AnnotatorService, hostOnly: HostOnlyMethods, team?: TeamSyncEngine, teamOptions?: TeamOptions): ApiHandlers {
  return {
    ...createTeamHandlers(team, teamOptions),
    getSession: async (_args, caller) => service.getSession(caller),
    openDocument: async (args, caller) => service.openDocument(args.documentId, args.annotationsBefore, caller),
    listAnnotations: async (args, caller) => service.listAnnotations(args.documentId, args.startingFrom, caller),
    importFile: async (args) => service.importBase64(args.fileName, args.contentBase64, args.options),
    addPastedDocument: async (args) => service.addPastedDocument(args.title, args.text, args.sourceUrl),
    compactWorkspace: async (args) => service.exclusive(async () => {
      if (!args?.dryRun) service.requireWritable();
      // What is scheduled reaches the disk first: a removed document's last write is done.
      await service.store.flush();
      return compactWorkspace(service.store, { dryRun: args?.dryRun });
    }),
    openFilesWithDialog: async () => hostOnly.openFilesWithDialog(),
    listRecentFiles: async () => hostOnly.listRecentFiles(),
    openRecentFile: async (args) => hostOnly.openRecentFile(args.recentId),
    openExternalLink: async (args) => ({ opened: await hostOnly.openExternalLink(args.url) }),
    listSpeakerAppearances: async (args, caller) => service.listSpeakerAppearances(args.speakerId, caller),
    // Blind annotation narrows an export made from a window to what its person sees.
    exportDataset: async (args, caller) => {
      const lens = lensFor(service.store, caller);
      const authors = layerAuthors(args.layer, args.authors);
      const result = args.split
        ? (await exportSplitParts(service, args.format, args.documentIds, args.split.ratios, args.split.seed, authors, lens)).result
        : await exportDataset(service, args.format, args.documentIds, hostOnly.exportProgress?.bind(hostOnly), authors, lens);
      const where = await hostOnly.chooseExportDestination(args.format, { folder: result.folder, fileName: result.files[0]?.name ?? '' });
      if (where === 'download') {
        // Zipped here, where the files are made: the window just saves what it is handed.
        const files = result.folder
          ? [{ name: zipName(args.format, Boolean(args.split)), content: await zipExport(result.files), encoding: 'base64' as const }]
          : result.files.map((file) => (file.bytes ? { name: file.name, content: Buffer.from(file.bytes).toString('base64'), encoding: 'base64' as const } : { name: file.name, content: file.content }));
        return { files, savedTo: null, warnings: result.warnings };
      }
      if (where === 'cancelled') return { files: [], savedTo: null, warnings: result.warnings };
      await writeExport(result, where.path);
      return { files: [], savedTo: where.path, warnings: result.warnings };
    },
    listAnnotators: async (_args, caller) => {
      // As an export reads them: what has been written.
      await service.store.flush();
      return listAnnotators(service.store, lensFor(service.store, caller));
    },
    // Agreement is measured on what the window's person sees: under blind annotation, the
    // documents they marked done (its disagreements would show the others' spans).
    measureAgreement: async (args, caller) => measureAgreement(await collectDataset(service.store, undefined, undefined, args?.authors, lensFor(service.store, caller))),
    listDisagreements: async (args = {}, caller) =>
      listDisagreements(await collectDataset(service.store, args.documentIds, undefined, args.authors, lensFor(service.store, caller)), { kinds: args.kinds, limit: args.limit }),
    mergeWorkspaceWithDialog: async () => {
      const folder = await hostOnly.chooseWorkspaceToMerge();
      return folder === null ? null : mergeWorkspaces(service.store, folder);
    },
    importAnnotationFiles: async (args, caller) =>
      importFiles(service, args.files.map((f) => ({ name: f.fileName, bytes: decodeBase64(f.contentBase64) })), undefined, { dryRun: args.dryRun, person: caller?.person ?? null }),
    applyChanges: async (args, caller) => {
      const removing = hostOnly.forgetRecentFile ? filesRemovedBy(service, args.changes) : [];
      const result = await service.applyChanges(args.changes, caller);
      for (const { documentId, filePath } of removing) {
        // Out of the list for real (not refused, not restored later in the same batch).
        if (!service.store.findDocument(documentId)) await hostOnly.forgetRecentFile!(filePath).catch(() => undefined);
      }
      return result;
    },
    checkDocumentSource: async (args) => service.sources.check(service.requireDocument(args.documentId)),
    locateDocumentFile: async (args) => {
      const doc = service.requireDocument(args.documentId);
      const chosen = await hostOnly.chooseDocumentFile(doc);
      return chosen && service.sources.relink(doc, chosen.filePath, chosen.bytes, chosen.filePath);
    },
    relinkDocumentFile: async (args) =>
      service.sources.relink(service.requireDocument(args.documentId), args.fileName, decodeBase64(args.contentBase64), null),
    rereadDocument: async (args) =>
      service.sources.reread(
        service.requireDocument(args.documentId),
        args.encoding,
        args.contentBase64 === undefined ? undefined : decodeBase64(args.contentBase64),
      ),
    tagTranscriptLines: async (args, caller) => service.tagTranscriptLines(args.documentId, caller),
    restoreBackup: async () => service.exclusive(() => service.store.restoreBackup()),
    listClaims: async () => service.listClaims(),
    suggestAnnotations: async (args, caller) => service.suggestAnnotations(args.documentId, args.fresh, caller, args.runId),
    cancelSuggestions: async (args) => service.cancelSuggestions(args.runId),
    rejectSuggestions: async (args) => service.rejectSuggestions(args.documentId, args.keys),
    listClaimHistory: async (args) => service.claimHistoryOf(args.documentId, args.annotationId),
    saveReportPdf: async (args) => {
      const printed = await hostOnly.printReportToPdf(args.suggestedName);
      if (!printed) return null;
      await writeFileDurably(printed.filePath, printed.pdf);
      return { savedTo: printed.filePath };
    },
  };
}
