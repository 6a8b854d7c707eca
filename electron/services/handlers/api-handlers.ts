// The contract's methods, each mapped onto the service (and onto what only a desktop shell can do).
import { ApiError, parseArgs, type ApiMethod, type ApiResult, type DocumentSummary, type ExportFormat } from '../../contract/api.js';
import type { AnnotatorService } from '../annotator-service.js';
import { decodeBase64 } from '../documents/base64.js';
import { measureAgreement } from '../exports/agreement.js';
import type { ExportFile } from '../exports/brat.js';
import { collectDataset } from '../exports/dataset.js';
import { runExport, type ExportResult } from '../exports/formats.js';
import { exportSplit } from '../exports/split-export.js';
import { applyImport } from '../imports/apply.js';
import { planFiles } from '../imports/plan-files.js';
import type { MergeReport } from '../imports/merge-workspaces.js';

/** train/, dev/ and test/ parts of an export, as one set of files to save in a folder. */
async function splitExport(service: AnnotatorService, format: ExportFormat, documentIds: string[] | undefined, ratios: [number, number, number], seed: number): Promise<ExportResult> {
  const chosen = documentIds?.length ? service.store.data.documents.filter((d) => documentIds.includes(d.id)) : service.store.data.documents;
  const { parts } = await exportSplit(service.store, format, chosen, ratios, seed);
  return { files: parts.flatMap((p) => p.files), folder: true, warnings: parts.flatMap((p) => p.warnings) };
}

/** The methods only a desktop shell can offer; the browser host answers them with a clear refusal. */
export interface HostOnlyMethods {
  openFilesWithDialog(): Promise<DocumentSummary[]>;
  listRecentFiles(): Promise<{ id: string; fileName: string; openedAt: string }[]>;
  openRecentFile(recentId: string): Promise<DocumentSummary>;
  /** Opens a vetted http(s) link in the system browser; false where the host cannot. */
  openExternalLink(url: string): Promise<boolean>;
  /** Merges the workspace folder the user chooses into this one; null when the dialog is cancelled. */
  mergeWorkspaceWithDialog(): Promise<MergeReport | null>;
  /** Saves an export where the user chooses (the desktop app), or hands the files back (browser). */
  saveExport(format: ExportFormat, result: ExportResult): Promise<{ files: ExportFile[]; savedTo: string | null }>;
  /** Asks where a document's file is now; null when the dialog is cancelled. */
  chooseDocumentFile(document: DocumentSummary): Promise<{ filePath: string; bytes: Uint8Array } | null>;
  /** Prints the window (showing a report) to a PDF where the user chooses; null when cancelled. */
  saveReportPdf(suggestedName: string): Promise<{ savedTo: string } | null>;
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
  async mergeWorkspaceWithDialog() {
    throw new ApiError(
      'unsupported',
      'The browser version cannot choose a folder on this computer. Merge from the desktop app, or run `npx annotator merge --store DIR OTHER_DIR`.',
    );
  },
  // The page saves the files itself (as downloads).
  async saveExport(_format, result) {
    return { files: result.files, savedTo: null };
  },
  async chooseDocumentFile() {
    throw new ApiError('unsupported', 'The browser version asks for the file in the window: use "Locate file…" there.');
  },
  async saveReportPdf() {
    throw new ApiError('unsupported', 'The browser version prints with your browser: use Print, and choose "Save as PDF" there.');
  },
};

/** A method's arguments as the contract hands them over: parsed, defaults filled in. */
export type HandlerArgs<M extends ApiMethod> = ReturnType<typeof parseArgs<M>>;

/** One function per contract method, taking already-validated arguments: the compiler checks each against the contract. */
export type ApiHandlers = {
  // A method without arguments can be called without any (the CLI and tests do).
  [M in ApiMethod]: {} extends HandlerArgs<M> ? (args?: HandlerArgs<M>) => Promise<ApiResult<M>> : (args: HandlerArgs<M>) => Promise<ApiResult<M>>;
};

export function createApiHandlers(service: AnnotatorService, hostOnly: HostOnlyMethods): ApiHandlers {
  return {
    getSession: async () => service.getSession(),
    openDocument: async (args) => service.openDocument(args.documentId, args.annotationsBefore),
    listAnnotations: async (args) => service.listAnnotations(args.documentId, args.startingFrom),
    importFile: async (args) => service.importBase64(args.fileName, args.contentBase64, args.options),
    openFilesWithDialog: async () => hostOnly.openFilesWithDialog(),
    listRecentFiles: async () => hostOnly.listRecentFiles(),
    openRecentFile: async (args) => hostOnly.openRecentFile(args.recentId),
    openExternalLink: async (args) => ({ opened: await hostOnly.openExternalLink(args.url) }),
    listSpeakerAppearances: async (args) => service.listSpeakerAppearances(args.speakerId),
    exportDataset: async (args) => {
      await service.store.flush();
      const result = args.split
        ? await splitExport(service, args.format, args.documentIds, args.split.ratios, args.split.seed)
        : runExport(args.format, await collectDataset(service.store, args.documentIds));
      return { ...(await hostOnly.saveExport(args.format, result)), warnings: result.warnings };
    },
    measureAgreement: async () => measureAgreement(await collectDataset(service.store)),
    mergeWorkspaceWithDialog: async () => hostOnly.mergeWorkspaceWithDialog(),
    importAnnotationFiles: async (args) => {
      const plans = await planFiles(
        args.files.map((f) => ({ name: f.fileName, bytes: decodeBase64(f.contentBase64) })),
        service.store,
      );
      return applyImport(service, plans);
    },
    applyChanges: async (args) => service.applyChanges(args.changes),
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
    tagTranscriptLines: async (args) => service.tagTranscriptLines(args.documentId),
    restoreBackup: async () => service.exclusive(() => service.store.restoreBackup()),
    listClaims: async () => service.listClaims(),
    listClaimHistory: async (args) => service.claimHistoryOf(args.documentId, args.annotationId),
    saveReportPdf: async (args) => hostOnly.saveReportPdf(args.suggestedName),
  };
}
