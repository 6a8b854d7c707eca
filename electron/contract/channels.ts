// Names only, no zod: the sandboxed preload imports this and must stay tiny.
export const API_METHOD_NAMES = [
  'getSession',
  'openDocument',
  'listAnnotations',
  'importFile',
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
  'importAnnotationFiles',
  'mergeWorkspaceWithDialog',
  'measureAgreement',
  'applyChanges',
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
        | 'agreement';
    }
  | { type: 'documents-opened'; documentId: string };

/** What the preload puts on window.annotatorBridge. */
export type AnnotatorBridge = {
  [M in (typeof API_METHOD_NAMES)[number]]: (args: unknown) => Promise<unknown>;
} & {
  onHostEvent(listener: (event: HostEvent) => void): () => void;
};
