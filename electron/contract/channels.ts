// Names only, no zod: the sandboxed preload imports this and must stay tiny.
export const API_METHOD_NAMES = [
  'getSession',
  'openDocument',
  'listAnnotations',
  'importFile',
  'addPastedDocument',
  'compactWorkspace',
  'checkDocumentSource',
  'locateDocumentFile',
  'relinkDocumentFile',
  'rereadDocument',
  'tagTranscriptLines',
  'restoreBackup',
  'listClaims',
  'listClaimHistory',
  'saveReportPdf',
  'openFilesWithDialog',
  'listRecentFiles',
  'openRecentFile',
  'openExternalLink',
  'listSpeakerAppearances',
  'exportDataset',
  'listAnnotators',
  'importAnnotationFiles',
  'mergeWorkspaceWithDialog',
  'measureAgreement',
  'listDisagreements',
  'applyChanges',
  'getTeamStatus',
  'waitTeamArrivals',
  'linkTeam',
  'unlinkTeam',
  'syncTeamNow',
  'listSyncConflicts',
  'resolveSyncConflict',
  'listQuarantined',
  'suggestAnnotations',
  'rejectSuggestions',
  'cancelSuggestions',
] as const;

export const ipcChannelFor = (method: string) => `annotator:${method}`;

/** Main -> renderer: menu commands and files opened from outside the window. */
export const HOST_EVENT_CHANNEL = 'annotator:host-event';

export type HostEvent =
  | {
      type: 'menu';
      command:
        | 'open'
        | 'undo'
        | 'redo'
        | 'delete'
        | 'review-desk'
        | 'import-annotations'
        | 'export-dataset'
        | 'merge-workspace'
        | 'print-report'
        | 'save-report-pdf'
        | 'agreement'
        | 'new-from-clipboard'
        | 'compact-workspace'
        | 'team';
    }
  | { type: 'documents-opened'; documentId: string }
  /** File › New from Clipboard: the desktop reads the clipboard itself (the page has no permission to). */
  | { type: 'clipboard-text'; text: string };

/**
 * Renderer -> main, desktop only: files dropped on the window, as the paths Chromium gave the
 * preload (webUtils.getPathForFile). The page never names these paths; it hands over File objects.
 */
export const DROPPED_FILES_CHANNEL = 'annotator:open-dropped-files';
/** The most paths one call may carry; the preload sends a larger drop in several calls. */
export const DROPPED_FILES_PER_CALL = 200;

/** What the main process answers for dropped files (inside the usual { ok, result } envelope). */
export interface DroppedFilesResult {
  /** DocumentSummary of each file opened, in drop order. */
  documents: unknown[];
  /** One message per file that could not be opened. */
  failures: string[];
}

/** What the preload puts on window.annotatorBridge. */
/** The browser host's header for the window's person (URI-encoded JSON; see schemas/people.ts). */
export const PERSON_HEADER = 'x-annotator-person';

export type AnnotatorBridge = {
  /** The second argument is the caller: the window's person, checked by the main process. */
  [M in (typeof API_METHOD_NAMES)[number]]: (args: unknown, caller?: unknown) => Promise<unknown>;
} & {
  onHostEvent(listener: (event: HostEvent) => void): () => void;
  /**
   * Opens dropped files by their place on disk, so they are watched and kept in Open Recent.
   * Files with no place on disk (dragged from a web page) come back by index, to be read as bytes.
   */
  openDroppedFiles(files: readonly File[]): Promise<{ response: unknown; withoutPath: number[] }>;
};
