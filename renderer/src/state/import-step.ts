// An import of annotation files, in words and as one step of the history: what the preview
// says it will do, and what one undo takes back. Pure functions, so the dialog, the message
// and the step say the same thing and are tested without a window.
import type { Change, ImportReport } from '../../../electron/contract/window-api';
import type { ClaimConflict } from './claim-conflicts';
import type { Step } from './history';
import { counted as plural } from '../../../electron/contract/counted';


/** Whether the import wrote anything one undo could take back. */
export function wroteAnything(report: ImportReport): boolean {
  const { undo } = report;
  return report.conflicts.length > 0 || undo.annotations.length + undo.speakerIds.length + undo.labelIds.length + undo.documentIds.length > 0;
}

/**
 * What takes an import back: each claim's conflicts as they were before it, then its highlights,
 * then its speakers and labels (no highlight uses them any more), then its documents.
 * `conflictsBefore` holds, by `documentId/annotationId`, the conflicts of each claim the import
 * gave a conflict to, as they were before it.
 */
export function importUndoChanges(report: ImportReport, conflictsBefore: ReadonlyMap<string, ClaimConflict[]>): Change[] {
  const claims = new Map(report.conflicts.map((c) => [`${c.documentId}/${c.annotationId}`, c]));
  return [
    ...[...claims.values()].map(
      (c): Change => ({ kind: 'updateAnnotation', documentId: c.documentId, annotationId: c.annotationId, claim: { conflicts: conflictsBefore.get(`${c.documentId}/${c.annotationId}`) ?? [] } }),
    ),
    ...report.undo.annotations.map((a): Change => ({ kind: 'deleteAnnotation', documentId: a.documentId, annotationId: a.annotationId })),
    ...report.undo.speakerIds.map((speakerId): Change => ({ kind: 'deleteSpeaker', speakerId })),
    ...report.undo.labelIds.map((labelId): Change => ({ kind: 'deleteLabel', labelId })),
    ...report.undo.documentIds.map((documentId): Change => ({ kind: 'removeDocument', documentId })),
  ];
}

/**
 * The import as one step of the history. Undo sends `importUndoChanges`; redo brings the
 * documents back (restoreDocument) and then `reimport` imports the same files again (an import
 * is idempotent), whose report becomes what the next undo takes back.
 */
export function importStep(
  report: ImportReport,
  conflictsBefore: ReadonlyMap<string, ClaimConflict[]>,
  hooks: { undone(): void; reimport(): Promise<ImportReport | null> },
  at = Date.now(),
): Step {
  // The history keeps copies of a step: the lists are changed in place, so every copy follows.
  const unsend = importUndoChanges(report, conflictsBefore);
  const send: Change[] = [];
  const replace = (list: Change[], by: Change[]) => void list.splice(0, list.length, ...by);
  /** The documents this import brought: an undo removes them, a redo restores them before importing again. */
  let documentIds = report.undo.documentIds;
  replace(send, documentIds.map((documentId): Change => ({ kind: 'restoreDocument', documentId })));
  return {
    forward: [],
    backward: [],
    send,
    unsend,
    oneBatch: true,
    after: {
      undone: hooks.undone,
      redone: () =>
        void hooks.reimport().then((again) => {
          if (!again) return;
          // Restored before the import ran, they are still this import's to take back.
          documentIds = [...new Set([...documentIds, ...again.undo.documentIds])];
          replace(unsend, importUndoChanges({ ...again, undo: { ...again.undo, documentIds } }, conflictsBefore));
          replace(send, documentIds.map((documentId): Change => ({ kind: 'restoreDocument', documentId })));
        }),
    },
    at,
  };
}

/** "Imported 4 highlights in 3 documents; new speakers: 田中花子 — Ctrl+Z undoes it." */
export function importedMessage(report: ImportReport, undoKey: string): string {
  const speakers = report.speakersAdded.length ? `; new speakers: ${report.speakersAdded.join(', ')}` : '';
  const labels = report.labelsAdded.length ? `; new labels: ${report.labelsAdded.join(', ')}` : '';
  const conflicts = report.conflicts.length ? `; ${plural(report.conflicts.length, 'verdict')} in conflict, to settle on the review desk` : '';
  return `Imported ${plural(report.highlights, 'highlight')} in ${plural(report.documents, 'document')}${labels}${speakers}${conflicts} — ${undoKey} undoes it.`;
}
