// An AnnotatorClient whose applyChanges calls wait until the test answers them.
import type { Change, ChangeRefusal } from '../../electron/contract/api.js';
import type { AnnotatorClient } from '../../renderer/src/api/client.js';

export interface PendingBatch {
  changes: Change[];
  /** Answers the batch, refusing the changes named. */
  resolve(refused?: ChangeRefusal[]): void;
  reject(error: unknown): void;
}

export interface FakeClient {
  client: AnnotatorClient;
  /** Every applyChanges call, in order; answered ones stay in the list. */
  batches: PendingBatch[];
  /** Calls to sendOnUnload. */
  unloads: { method: string; args: unknown }[];
}

export function fakeClient(options: { withUnload?: boolean } = {}): FakeClient {
  const batches: PendingBatch[] = [];
  const unloads: { method: string; args: unknown }[] = [];
  const unexpected = (name: string) => async () => {
    throw new Error(`${name} was not expected in this test`);
  };
  const client: AnnotatorClient = {
    getSession: unexpected('getSession'),
    openDocument: unexpected('openDocument'),
    listAnnotations: unexpected('listAnnotations'),
    importFile: unexpected('importFile'),
    addPastedDocument: unexpected('addPastedDocument'),
    compactWorkspace: unexpected('compactWorkspace'),
    openFilesWithDialog: unexpected('openFilesWithDialog'),
    listRecentFiles: unexpected('listRecentFiles'),
    openRecentFile: unexpected('openRecentFile'),
    openExternalLink: unexpected('openExternalLink'),
    listSpeakerAppearances: unexpected('listSpeakerAppearances'),
    suggestAnnotations: unexpected('suggestAnnotations'),
    rejectSuggestions: unexpected('rejectSuggestions'),
    cancelSuggestions: unexpected('cancelSuggestions'),
    exportDataset: unexpected('exportDataset'),
    importAnnotationFiles: unexpected('importAnnotationFiles'),
    mergeWorkspaceWithDialog: unexpected('mergeWorkspaceWithDialog'),
    measureAgreement: unexpected('measureAgreement'),
    listDisagreements: unexpected('listDisagreements'),
    listAnnotators: unexpected('listAnnotators'),
    checkDocumentSource: unexpected('checkDocumentSource'),
    locateDocumentFile: unexpected('locateDocumentFile'),
    relinkDocumentFile: unexpected('relinkDocumentFile'),
    rereadDocument: unexpected('rereadDocument'),
    tagTranscriptLines: unexpected('tagTranscriptLines'),
    restoreBackup: unexpected('restoreBackup'),
    listClaims: unexpected('listClaims'),
    listClaimHistory: unexpected('listClaimHistory'),
    saveReportPdf: unexpected('saveReportPdf'),
    // The window asks for the team status as it starts: a host without team sync.
    getTeamStatus: async () => ({ state: 'unlinked', url: null, username: null, lastSyncedAt: null, waiting: 0, conflicts: 0, quarantined: 0, progress: null, message: null, passwordKept: null, version: 0 }),
    waitTeamArrivals: async () => ({ version: 0, documentIds: [] }),
    linkTeam: unexpected('linkTeam'),
    unlinkTeam: unexpected('unlinkTeam'),
    syncTeamNow: unexpected('syncTeamNow'),
    listSyncConflicts: unexpected('listSyncConflicts'),
    resolveSyncConflict: unexpected('resolveSyncConflict'),
    listQuarantined: unexpected('listQuarantined'),
    applyChanges: (args) =>
      new Promise((resolve, reject) => {
        const changes = structuredClone(args.changes) as Change[];
        batches.push({ changes, resolve: (refused = []) => resolve({ applied: changes.length - refused.length, refused }), reject });
      }),
    onHostEvent: () => () => undefined,
  };
  if (options.withUnload !== false) client.sendOnUnload = (method, args) => void unloads.push({ method, args: structuredClone(args) });
  return { client, batches, unloads };
}

/** Lets every pending promise callback run (microtasks and one macrotask turn). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
