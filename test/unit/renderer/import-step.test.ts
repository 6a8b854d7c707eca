// An import in words (the preview's line, shared with `annotator import --dry-run`) and as one
// step of the history: what one undo sends, in an order the service can apply, and what a redo
// leaves for the next undo.
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../electron/contract/api.js';
import { importSummary, nothingNew } from '../../../electron/contract/import-words.js';
import { importStep, importUndoChanges, wroteAnything } from '../../../renderer/src/state/import-step.js';

const EMPTY: ImportReport = {
  written: false,
  leftOut: [],
  documents: 0,
  documentsAdded: 0,
  highlights: 0,
  alreadyPresent: 0,
  conflicts: [],
  labelsAdded: [],
  speakersAdded: [],
  undo: { annotations: [], speakerIds: [], labelIds: [], documentIds: [] },
};
const CONFLICT = { documentId: 'd1', documentTitle: 'Budget', annotationId: 'c1', text: 'crime fell', here: 'false', incoming: 'true', incomingBy: 'Bo' };

describe('the preview line', () => {
  it('reads as the issue asks, with counts in words and only what applies', () => {
    expect(importSummary({ ...EMPTY, documents: 3, documentsAdded: 1, highlights: 4, alreadyPresent: 26, conflicts: [CONFLICT], speakersAdded: ['田中花子', '山田太郎'] })).toBe(
      '3 documents (1 new) · 4 new highlights · 26 already present · 1 conflict · 2 new speakers',
    );
    expect(importSummary({ ...EMPTY, documents: 1, highlights: 1, alreadyPresent: 1200, labelsAdded: ['Statistic'] })).toBe('1 document · 1 new highlight · 1,200 already present · 1 new label');
  });

  it('knows when nothing is new', () => {
    expect(nothingNew({ ...EMPTY, documents: 2, alreadyPresent: 30 })).toBe(true);
    expect(nothingNew({ ...EMPTY, documents: 2, alreadyPresent: 30, conflicts: [CONFLICT] })).toBe(false);
    expect(nothingNew({ ...EMPTY, speakersAdded: ['Ana'] })).toBe(false);
  });
});

describe('one undo', () => {
  const imported: ImportReport = {
    ...EMPTY,
    written: true,
    conflicts: [CONFLICT],
    undo: { annotations: [{ documentId: 'd2', annotationId: 'a1' }], speakerIds: ['s1'], labelIds: ['l1'], documentIds: ['d2'] },
  };
  const before = new Map([['d1/c1', [{ status: 'mostly-true', by: 'Cy', at: '2026-11-01T00:00:00.000Z', from: 'older.json' }]]]);

  it('puts conflicts back as they were, then removes highlights, then speakers and labels, then documents', () => {
    expect(importUndoChanges(imported, before)).toEqual([
      { kind: 'updateAnnotation', documentId: 'd1', annotationId: 'c1', claim: { conflicts: before.get('d1/c1') } },
      { kind: 'deleteAnnotation', documentId: 'd2', annotationId: 'a1' },
      { kind: 'deleteSpeaker', speakerId: 's1' },
      { kind: 'deleteLabel', labelId: 'l1' },
      { kind: 'removeDocument', documentId: 'd2' },
    ]);
    expect(wroteAnything(imported)).toBe(true);
    expect(wroteAnything({ ...EMPTY, written: true })).toBe(false);
  });

  it('after a redo, the next undo still removes the documents the redo restored', async () => {
    // Imported again after restoreDocument, the service finds the document there: not in its undo list.
    const again: ImportReport = { ...imported, undo: { ...imported.undo, documentIds: [] } };
    let redone!: Promise<void>;
    const step = importStep(imported, before, { undone: () => undefined, reimport: () => (redone = Promise.resolve()).then(() => again) });
    expect(step.send).toEqual([{ kind: 'restoreDocument', documentId: 'd2' }]);
    step.after!.redone!();
    await redone;
    await Promise.resolve();
    expect(step.unsend.at(-1)).toEqual({ kind: 'removeDocument', documentId: 'd2' });
    expect(step.send).toEqual([{ kind: 'restoreDocument', documentId: 'd2' }]);
    expect(step.oneBatch).toBe(true);
  });
});
