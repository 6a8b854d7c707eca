// The AnnotatorApi held in memory: for component tests and demos, where there is no disk and
// no host. It follows the same rules as the services (text order, idempotent creates,
// labels and speakers must exist) so a component behaves here as it does in the app.
// Tests only: it brings zod's contract along, which the app's own bundle leaves out.
import { claimRow, isClaim, newAnnotation, updatedAnnotation } from '../../electron/contract/annotation-rules';
import { DEFAULT_STATUSES, byAnnotator, parseChange, type Annotation, type Change, type ChangeRefusal, type DocumentSummary, type Label, type OpenedDocument, type ReviewSettings, type Session, type Speaker, type Status } from '../../electron/contract/api';
import { ApiError } from '../../electron/contract/errors';
import { findSpeakerByName } from '../../electron/contract/speaker-names';
import { mergedSpeakerFields } from '../../electron/contract/speaker-rules';
import { compareSpans, sortedIndex, toAnnotationColumns } from '../../electron/contract/spans';
import type { AnnotatorClient } from '../../renderer/src/api/client';

interface MemoryDocument {
  summary: DocumentSummary;
  text: string;
  annotations: Annotation[];
}

export interface MemoryClient extends AnnotatorClient {
  /** Every batch applyChanges received, for tests to inspect. */
  readonly batches: Change[][];
  documents(): Map<string, MemoryDocument>;
}

export function createMemoryClient(seed: { labels: Label[]; documents: { id: string; title: string; text: string }[]; annotatorName?: string }): MemoryClient {
  const documents = new Map<string, MemoryDocument>();
  const speakers: Speaker[] = [];
  const batches: Change[][] = [];
  /** A speaker id whose creation found the name already there stands for that speaker. */
  const sameSpeaker = new Map<string, string>();
  const mergedAway = new Set<string>();
  const speakerIdOf = <T extends string | null | undefined>(id: T): T | string => (id && sameSpeaker.get(id)) || id;
  /** The change with the speaker ids it names as the speakers they stand for. */
  const resolved = (change: Change): Change => {
    switch (change.kind) {
      case 'createAnnotation':
      case 'updateAnnotation':
        return change.speakerId ? { ...change, speakerId: speakerIdOf(change.speakerId) } : change;
      case 'updateSpeaker':
        return { ...change, speakerId: speakerIdOf(change.speakerId) };
      case 'mergeSpeakers':
        return { ...change, survivorId: speakerIdOf(change.survivorId), mergedId: speakerIdOf(change.mergedId) };
      default:
        return change;
    }
  };
  let lastDocumentId: string | null = null;
  let annotatorName: string | null = seed.annotatorName ?? null;
  let statuses: Status[] = DEFAULT_STATUSES;
  let reviewSettings: ReviewSettings = { organisation: '', claimReviewUrl: '' };
  const now = () => new Date().toISOString();
  const unsupported = async (): Promise<never> => {
    throw new ApiError('unsupported', 'The in-memory workspace has no files.');
  };

  for (const { id, title, text } of seed.documents) {
    const summary = { id, title, fileName: `${title}.txt`, textHash: '0'.repeat(64), length: text.length, addedAt: now(), annotationCount: 0, format: 'text' as const, encoding: 'utf-8' as const, encodingDetected: false, sourceUrl: null, filePath: null };
    documents.set(id, { summary, text, annotations: [] });
  }

  const requireDocument = (id: string) => {
    const doc = documents.get(id);
    if (!doc) throw new ApiError('not-found', `No document with id ${id} is in this workspace.`);
    return doc;
  };

  // The checks the service makes against the workspace before a change.
  const requireSpeaker = (speakerId: string | null | undefined) => {
    if (speakerId && !speakers.some((s) => s.id === speakerId)) throw new ApiError('bad-request', `There is no speaker "${speakerId}" in this workspace.`);
  };
  const requireStatus = (statusId: string) => {
    if (!statuses.some((s) => s.id === statusId)) throw new ApiError('bad-request', `There is no status "${statusId}" in this workspace's scale.`);
  };

  function apply(change: Change): void {
    if (change.kind === 'createSpeaker') {
      // One speaker per name, by the contract's rule, as the service keeps it.
      const became = sameSpeaker.get(change.speakerId);
      if (speakers.some((s) => s.id === change.speakerId || s.id === became)) return;
      const known = mergedAway.delete(change.speakerId) ? undefined : findSpeakerByName(speakers, change.name, change.aliases);
      if (known) {
        sameSpeaker.set(change.speakerId, known.id);
        return;
      }
      sameSpeaker.delete(change.speakerId);
      const { kind: _kind, speakerId: id, ...fields } = change;
      speakers.push({ aliases: [], role: '', organisation: '', notes: '', ...fields, name: change.name.trim(), id, createdAt: change.createdAt ?? now() });
      return;
    }
    if (change.kind === 'saveLabel' || change.kind === 'deleteLabel') {
      throw new ApiError('unsupported', 'The in-memory workspace keeps its labels as given.');
    }
    if (change.kind === 'updateSpeaker') {
      const speaker = speakers.find((s) => s.id === change.speakerId);
      if (!speaker) throw new ApiError('not-found', 'That speaker no longer exists.');
      const { kind: _kind, speakerId: _id, ...fields } = change;
      Object.assign(speaker, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
      return;
    }
    if (change.kind === 'mergeSpeakers') {
      const survivor = speakers.find((s) => s.id === change.survivorId);
      const merged = speakers.find((s) => s.id === change.mergedId);
      if (!survivor || !merged || survivor === merged) throw new ApiError('bad-request', 'Those speakers cannot be merged.');
      const fields = mergedSpeakerFields(survivor, merged);
      // Brought back by an undo, it is itself again, not the survivor that now has its name.
      mergedAway.add(merged.id);
      for (const doc of documents.values()) doc.annotations = doc.annotations.map((a) => (a.speakerId === merged.id ? { ...a, speakerId: survivor.id } : a));
      Object.assign(survivor, fields);
      speakers.splice(speakers.indexOf(merged), 1);
      return;
    }
    if (change.kind === 'deleteSpeaker') {
      const index = speakers.findIndex((s) => s.id === change.speakerId);
      if (index >= 0) speakers.splice(index, 1);
      return;
    }
    if (change.kind === 'setAnnotatorName') {
      annotatorName = change.name.trim();
      return;
    }
    if (change.kind === 'saveStatuses') {
      statuses = change.statuses;
      return;
    }
    if (change.kind === 'setReviewSettings') {
      reviewSettings = change.settings;
      return;
    }
    const doc = requireDocument(change.documentId);
    if (change.kind === 'setLastDocument') {
      lastDocumentId = change.documentId;
    } else if (change.kind === 'createAnnotation') {
      if (!(change.start < change.end && change.end <= doc.text.length)) throw new ApiError('bad-request', `The range ${change.start}–${change.end} is outside the document.`);
      if (!seed.labels.some((l) => l.id === change.labelId)) throw new ApiError('bad-request', `There is no label "${change.labelId}".`);
      requireSpeaker(change.speakerId);
      if (change.claim) requireStatus(change.claim.status);
      if (doc.annotations.some((a) => a.id === change.annotationId)) return;
      // Built by the contract's rule, as the service builds it.
      const annotation = newAnnotation(change, doc.text, { author: annotatorName ?? '', now: now(), firstStatusId: statuses[0]!.id });
      doc.annotations.splice(sortedIndex(doc.annotations, annotation), 0, annotation);
    } else if (change.kind === 'updateAnnotation') {
      const index = doc.annotations.findIndex((a) => a.id === change.annotationId);
      if (index < 0) throw new ApiError('not-found', 'That highlight no longer exists.');
      if (change.labelId !== undefined && !seed.labels.some((l) => l.id === change.labelId)) throw new ApiError('bad-request', `There is no label "${change.labelId}".`);
      if (change.speakerId !== undefined) requireSpeaker(change.speakerId);
      if (change.claim?.status !== undefined) requireStatus(change.claim.status);
      doc.annotations[index] = updatedAnnotation(doc.annotations[index]!, change, now(), statuses[0]!.id, doc.text, annotatorName ?? '');
      doc.annotations.sort(compareSpans);
    } else {
      doc.annotations = doc.annotations.filter((a) => a.id !== change.annotationId);
    }
    doc.summary.annotationCount = doc.annotations.length;
  }

  const session = (): Session => ({
    host: 'memory',
    workspaceDir: '(in memory)',
    capabilities: { nativeOpenDialog: false, recentFiles: false },
    labels: seed.labels,
    statuses,
    reviewSettings,
    speakers: [...speakers],
    documents: [...documents.values()].map((d) => ({ ...d.summary })),
    lastDocumentId,
    annotatorName,
    storeProblem: null,
  });

  const opened = (doc: MemoryDocument, before?: number): OpenedDocument => {
    const sent = before === undefined ? doc.annotations : doc.annotations.filter((a) => a.start < before);
    return { document: { ...doc.summary }, text: doc.text, annotations: toAnnotationColumns(sent), annotationsComplete: sent.length === doc.annotations.length, orphans: [], source: { state: 'unlinked', report: null, problem: null } };
  };

  return {
    batches,
    documents: () => documents,
    getSession: async () => session(),
    openDocument: async ({ documentId, annotationsBefore }) => opened(requireDocument(documentId), annotationsBefore),
    listAnnotations: async ({ documentId, startingFrom }) =>
      toAnnotationColumns(requireDocument(documentId).annotations.filter((a) => a.start >= startingFrom).sort(compareSpans)),
    importFile: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace cannot open files.');
    },
    openFilesWithDialog: async () => [],
    listRecentFiles: async () => [],
    openExternalLink: async () => ({ opened: false }),
    exportDataset: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace has no exports.');
    },
    measureAgreement: async () => ({ annotators: [], pairs: [], alpha: null }),
    listAnnotators: async () => {
      const counts = new Map<string, number>();
      for (const doc of documents.values()) for (const a of doc.annotations) counts.set(a.author, (counts.get(a.author) ?? 0) + 1);
      return [...counts].map(([name, highlights]) => ({ name, highlights })).sort(byAnnotator);
    },
    // Component tests have no files behind their documents.
    checkDocumentSource: async () => ({ state: 'unlinked', report: null, problem: null }),
    locateDocumentFile: async () => null,
    relinkDocumentFile: unsupported,
    rereadDocument: unsupported,
    tagTranscriptLines: unsupported,
    restoreBackup: unsupported,
    listClaims: async () => [...documents.values()].flatMap((doc) => doc.annotations.filter(isClaim).map((a) => claimRow(doc.summary, a))),
    // The history is the service's (see claim-history.ts); the in-memory workspace keeps none.
    listClaimHistory: async () => [],
    saveReportPdf: unsupported,
    mergeWorkspaceWithDialog: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace merges nothing.');
    },
    importAnnotationFiles: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace imports nothing.');
    },
    listSpeakerAppearances: async ({ speakerId }) =>
      [...documents.values()].flatMap((doc) =>
        doc.annotations
          .filter((a) => a.speakerId === speakerId)
          .map((a) => ({ documentId: doc.summary.id, documentTitle: doc.summary.title, annotationId: a.id, labelId: a.labelId, start: a.start, excerpt: a.text })),
      ),
    openRecentFile: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace keeps no recent files.');
    },
    applyChanges: async ({ changes }) => {
      batches.push(changes as Change[]);
      // Checked one by one against the contract, as the services do.
      const refused: ChangeRefusal[] = [];
      for (const [index, raw] of changes.entries()) {
        try {
          apply(resolved(parseChange(raw)));
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          refused.push({ index, code: error.code, message: error.message });
        }
      }
      return { applied: changes.length - refused.length, refused };
    },
    onHostEvent: () => () => undefined,
  };
}
