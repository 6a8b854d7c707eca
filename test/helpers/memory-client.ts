// The AnnotatorApi held in memory: for component tests and demos, where there is no disk and
// no host. It follows the same rules as the services (text order, idempotent creates,
// labels and speakers must exist) so a component behaves here as it does in the app.
// Tests only: it brings zod's contract along, which the app's own bundle leaves out.
import { claimRow, isClaim, newAnnotation, updatedAnnotation } from '../../electron/contract/annotation-rules';
import { DEFAULT_STATUSES, byAnnotator, parseChange, type Annotation, type Change, type ChangeRefusal, type ClaimFields, type DocumentSummary, type ImportReport, type Label, type OpenedDocument, type ReviewSettings, type Session, type Speaker, type Status } from '../../electron/contract/api';
import { ApiError } from '../../electron/contract/errors';
import { NO_PERSON_DONE_PROBLEM, isDoneBy } from '../../electron/contract/blind-rules';
import { findSpeakerByName } from '../../electron/contract/speaker-names';
import { mergedSpeakerFields } from '../../electron/contract/speaker-rules';
import { compareSpans, sortedIndex, toAnnotationColumns } from '../../electron/contract/spans';
import { currentWindowPerson, type AnnotatorClient } from '../../renderer/src/api/client';
import type { Dataset } from '../../electron/services/exports/dataset';
import { listDisagreements } from '../../electron/services/exports/disagreements';
import type { TeamSyncEngine } from '../../electron/services/sync/team-sync-api';
import { teamClientMethods } from './fake-team-sync';
import { suggest } from '../../electron/services/suggestions/suggest';
import { toRows } from '../../electron/services/suggestions/suggestion-rows';
import { notCovered } from '../../electron/contract/suggestion-rules';

interface MemoryDocument {
  summary: DocumentSummary;
  text: string;
  annotations: Annotation[];
}

/**
 * What importAnnotationFiles finds in the files, for a test to set: the service's import is
 * faked from it (a dry run counts and writes nothing; the import writes and says what one undo
 * takes back), so the window's preview and undo can be tested without the service.
 */
export interface ImportPlan {
  documents?: { id: string; title: string; text: string }[];
  speakers?: { id: string; name: string }[];
  labels?: Label[];
  /** Highlights in the files: already present when a highlight with that id is there. */
  highlights?: Extract<Change, { kind: 'createAnnotation' }>[];
  /** Verdicts in the files for claims the workspace has. */
  verdicts?: { documentId: string; annotationId: string; status: string; by: string; from: string }[];
  /** The files are bad: the import (dry run or not) is refused with this message. */
  refusal?: string;
  /** What the files hold that is not imported (Label Studio's predictions), in words. */
  leftOut?: string[];
}

export interface MemoryClient extends AnnotatorClient {
  /** Every batch applyChanges received, for tests to inspect. */
  readonly batches: Change[][];
  /** Every addPastedDocument call. */
  readonly pasted: { title: string; text: string; sourceUrl: string | null }[];
  /** Every importAnnotationFiles call, with whether it was a dry run. */
  readonly imports: { dryRun: boolean; fileNames: string[] }[];
  documents(): Map<string, MemoryDocument>;
  /** The files' contents, as the next importAnnotationFiles calls will find them. */
  planImport(plan: ImportPlan): void;
}

/** `team`: a team sync engine (test/helpers/fake-team-sync.ts) behind the team methods, as a host has. */
export function createMemoryClient(seed: { labels: Label[]; documents: { id: string; title: string; text: string }[]; annotatorName?: string; team?: TeamSyncEngine; passwordKept?: string }): MemoryClient {
  const documents = new Map<string, MemoryDocument>();
  const speakers: Speaker[] = [];
  const batches: Change[][] = [];
  const imports: { dryRun: boolean; fileNames: string[] }[] = [];
  const pasted: { title: string; text: string; sourceUrl: string | null }[] = [];
  let importPlan: ImportPlan = {};
  const labels: Label[] = [...seed.labels];
  const rejectedSuggestions = new Map<string, Set<string>>();
  /** Documents an undone import removed: out of the list until restored. */
  const removed = new Map<string, MemoryDocument>();
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
    if (change.kind === 'deleteLabel' && !seed.labels.some((l) => l.id === change.labelId)) {
      // A label an import brought, taken back by its undo.
      const index = labels.findIndex((l) => l.id === change.labelId);
      if (index >= 0) labels.splice(index, 1);
      return;
    }
    if (change.kind === 'saveLabel' || change.kind === 'deleteLabel') {
      throw new ApiError('unsupported', 'The in-memory workspace keeps its labels as given.');
    }
    if (change.kind === 'removeDocument') {
      const doc = requireDocument(change.documentId);
      documents.delete(change.documentId);
      removed.set(change.documentId, doc);
      return;
    }
    if (change.kind === 'restoreDocument') {
      const doc = removed.get(change.documentId);
      if (!doc) throw new ApiError('not-found', `No removed document with id ${change.documentId} is in this workspace.`);
      removed.delete(change.documentId);
      documents.set(change.documentId, doc);
      return;
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
      if (!labels.some((l) => l.id === change.labelId)) throw new ApiError('bad-request', `There is no label "${change.labelId}".`);
      requireSpeaker(change.speakerId);
      if (change.claim) requireStatus(change.claim.status);
      if (doc.annotations.some((a) => a.id === change.annotationId)) return;
      // Built by the contract's rule, as the service builds it.
      const person = currentWindowPerson();
      const annotation = newAnnotation(change, doc.text, { author: person?.name ?? annotatorName ?? '', authorId: person?.id, now: now(), firstStatusId: statuses[0]!.id });
      doc.annotations.splice(sortedIndex(doc.annotations, annotation), 0, annotation);
    } else if (change.kind === 'updateAnnotation') {
      const index = doc.annotations.findIndex((a) => a.id === change.annotationId);
      if (index < 0) throw new ApiError('not-found', 'That highlight no longer exists.');
      if (change.labelId !== undefined && !labels.some((l) => l.id === change.labelId)) throw new ApiError('bad-request', `There is no label "${change.labelId}".`);
      if (change.speakerId !== undefined) requireSpeaker(change.speakerId);
      if (change.claim?.status !== undefined) requireStatus(change.claim.status);
      const updated = updatedAnnotation(doc.annotations[index]!, change, now(), statuses[0]!.id, doc.text, currentWindowPerson()?.name ?? annotatorName ?? '');
      // Setting a claim's status settles its conflicts, as the service does.
      if (updated.claim && change.claim?.status !== undefined && change.claim.conflicts === undefined) delete updated.claim.conflicts;
      if (updated.claim?.conflicts?.length === 0) delete updated.claim.conflicts;
      doc.annotations[index] = updated;
      doc.annotations.sort(compareSpans);
    } else if (change.kind === 'markDocumentDone') {
      // The window's person, as the service takes it from the call's caller.
      const person = currentWindowPerson();
      if (!person) throw new ApiError('bad-request', NO_PERSON_DONE_PROBLEM);
      const others = (doc.summary.doneBy ?? []).filter((mark) => mark.personId !== person.id);
      doc.summary.doneBy = change.done ? [...others, { personId: person.id, name: person.name, at: now() }] : others;
    } else if (change.kind === 'updateDocument') {
      // Trimmed, "" or null clearing a field, as the service keeps them.
      for (const [field, value] of Object.entries(change.fields)) {
        if (value === undefined) continue;
        (doc.summary as Record<string, unknown>)[field] = field === 'title' ? (value ?? '').trim() : value === null || value.trim() === '' ? null : value.trim();
      }
    } else if (change.kind === 'deleteAnnotation' || change.kind === 'placeOrphan') {
      doc.annotations = doc.annotations.filter((a) => a.id !== change.annotationId);
    } else if (change.kind === 'setCurationRejected') {
      const ids = new Set(doc.summary.curationRejected ?? []);
      for (const id of change.annotationIds) change.rejected ? ids.add(id) : ids.delete(id);
      doc.summary.curationRejected = [...ids].sort();
    }
    doc.summary.annotationCount = doc.annotations.length;
  }

  /** The plan imported (or counted): what is new is written, what is there already is counted. */
  function fakeImport(dryRun: boolean): ImportReport {
    const plan = importPlan;
    if (plan.refusal) throw new ApiError('bad-request', plan.refusal);
    const newDocuments = (plan.documents ?? []).filter((d) => !documents.has(d.id));
    const newSpeakers = (plan.speakers ?? []).filter((s) => !speakers.some((k) => k.id === s.id));
    const newLabels = (plan.labels ?? []).filter((l) => !labels.some((k) => k.id === l.id));
    const highlights = plan.highlights ?? [];
    const newHighlights = highlights.filter((h) => !documents.get(h.documentId)?.annotations.some((a) => a.id === h.annotationId));
    const claimOf = (v: { documentId: string; annotationId: string }) => documents.get(v.documentId)?.annotations.find((a) => a.id === v.annotationId);
    const conflicting = (plan.verdicts ?? []).filter((v) => {
      const claim = claimOf(v)?.claim;
      return claim && claim.status !== v.status && !claim.conflicts?.some((c) => c.status === v.status && c.by === v.by);
    });
    const report: ImportReport = {
      written: !dryRun,
      leftOut: plan.leftOut ?? [],
      documents: new Set([...(plan.documents ?? []).map((d) => d.id), ...highlights.map((h) => h.documentId)]).size,
      documentsAdded: newDocuments.length,
      highlights: newHighlights.length,
      alreadyPresent: highlights.length - newHighlights.length,
      conflicts: conflicting.map((v) => {
        const claim = claimOf(v)!;
        return { documentId: v.documentId, documentTitle: documents.get(v.documentId)!.summary.title, annotationId: v.annotationId, text: claim.text, here: claim.claim!.status, incoming: v.status, incomingBy: v.by };
      }),
      labelsAdded: newLabels.map((l) => l.name),
      speakersAdded: newSpeakers.map((s) => s.name),
      undo: { annotations: [], speakerIds: [], labelIds: [], documentIds: [] },
    };
    if (dryRun) return report;
    for (const d of newDocuments) {
      const summary = { id: d.id, title: d.title, fileName: `${d.title}.txt`, textHash: '0'.repeat(64), length: d.text.length, addedAt: now(), annotationCount: 0, format: 'text' as const, encoding: 'utf-8' as const, encodingDetected: false, sourceUrl: null, filePath: null };
      documents.set(d.id, { summary, text: d.text, annotations: [] });
      removed.delete(d.id);
    }
    labels.push(...newLabels);
    for (const s of newSpeakers) apply({ kind: 'createSpeaker', speakerId: s.id, name: s.name });
    for (const h of newHighlights) apply(h);
    for (const v of conflicting) {
      const claim = claimOf(v)!.claim as ClaimFields;
      claim.conflicts = [...(claim.conflicts ?? []), { status: v.status, by: v.by, at: now(), from: v.from }];
    }
    report.undo = {
      annotations: newHighlights.map((h) => ({ documentId: h.documentId, annotationId: h.annotationId })),
      speakerIds: newSpeakers.map((s) => s.id),
      labelIds: newLabels.map((l) => l.id),
      documentIds: newDocuments.map((d) => d.id),
    };
    return report;
  }

  const session = (): Session => ({
    host: 'memory',
    workspaceDir: '(in memory)',
    capabilities: { nativeOpenDialog: false, recentFiles: false },
    labels: [...labels],
    statuses,
    reviewSettings,
    speakers: [...speakers],
    documents: [...documents.values()].map((d) => ({ ...d.summary, doneByYou: isDoneBy(d.summary, currentWindowPerson()) })),
    lastDocumentId,
    annotatorName,
    storeProblem: null,
  });

  const opened = (doc: MemoryDocument, before?: number): OpenedDocument => {
    const sent = before === undefined ? doc.annotations : doc.annotations.filter((a) => a.start < before);
    return { document: { ...doc.summary, doneByYou: isDoneBy(doc.summary, currentWindowPerson()) }, text: doc.text, annotations: toAnnotationColumns(sent), annotationsComplete: sent.length === doc.annotations.length, orphans: [], source: { state: 'unlinked', report: null, problem: null } };
  };

  return {
    // As the host's team handlers answer (those bring Node code along; see fake-team-sync.ts).
    ...teamClientMethods(seed.team, seed.passwordKept),
    batches,
    documents: () => documents,
    getSession: async () => session(),
    openDocument: async ({ documentId, annotationsBefore }) => opened(requireDocument(documentId), annotationsBefore),
    listAnnotations: async ({ documentId, startingFrom }) =>
      toAnnotationColumns(requireDocument(documentId).annotations.filter((a) => a.start >= startingFrom).sort(compareSpans)),
    importFile: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace cannot open files.');
    },
    // Pasted text joins the list as a 'text' document; the same text is the same document.
    addPastedDocument: async ({ title, text, sourceUrl }) => {
      const same = [...documents.values(), ...removed.values()].find((d) => d.text === text);
      if (same) {
        if (removed.delete(same.summary.id)) documents.set(same.summary.id, same);
        return { ...same.summary };
      }
      const id = `doc-pasted-${documents.size + removed.size + 1}`;
      const summary: DocumentSummary = { id, title: title.trim(), fileName: `${title.trim()}.txt`, textHash: '0'.repeat(64), length: text.length, addedAt: now(), annotationCount: 0, format: 'text', encoding: 'utf-8', encodingDetected: false, sourceUrl: sourceUrl?.trim() || null, filePath: null };
      documents.set(id, { summary, text, annotations: [] });
      pasted.push({ title, text, sourceUrl: sourceUrl ?? null });
      return { ...summary };
    },
    pasted,
    compactWorkspace: async ({ dryRun }) => {
      const plan = { documents: [...removed.values()].map((d) => ({ id: d.summary.id, title: d.summary.title })), files: [...removed.values()].map((d) => ({ path: `annotations/${d.summary.id}.json`, bytes: 100 })), bytes: removed.size * 100 };
      if (!dryRun) removed.clear();
      return plan;
    },
    openFilesWithDialog: async () => [],
    listRecentFiles: async () => [],
    openExternalLink: async () => ({ opened: false }),
    exportDataset: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace has no exports.');
    },
    measureAgreement: async () => ({ annotators: [], pairs: [], alpha: null }),
    // The service's own rule, over the documents held here.
    listDisagreements: async ({ authors, documentIds, kinds, limit }) => {
      const chosen = [...documents.values()].filter((d) => !documentIds || documentIds.includes(d.summary.id));
      const dataset = {
        documents: chosen.map((d) => ({ document: d.summary, text: d.text, annotations: d.annotations.filter((a) => !authors || authors.includes(a.author)) })),
        labels: new Map(labels.map((l) => [l.id, l])),
        speakers: new Map(speakers.map((s) => [s.id, s])),
        statuses,
      } as unknown as Dataset;
      return listDisagreements(dataset, { kinds, limit });
    },
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
    // Each row with its claim's conflicts, as the service lists them.
    // The service's rules (suggestion-rows.ts) over the in-memory workspace; rejections kept per text.
    suggestAnnotations: async ({ documentId, fresh }) => {
      const doc = requireDocument(documentId);
      if (!fresh) return { suggestions: [], missingLabels: [], saved: false };
      const known = speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases }));
      const { rows, missingLabels } = toRows(suggest(doc.text, { speakers: known }), labels, known);
      const rejected = rejectedSuggestions.get(`${documentId}:${doc.summary.textHash}`) ?? new Set<string>();
      return { suggestions: notCovered(rows.filter((row) => !rejected.has(row.key)), doc.annotations), missingLabels, saved: false };
    },
    // Every answer is at once here: nothing is still running to call off.
    cancelSuggestions: async () => ({ cancelled: false }),
    rejectSuggestions: async ({ documentId, keys }) => {
      const doc = requireDocument(documentId);
      const key = `${documentId}:${doc.summary.textHash}`;
      const rejected = rejectedSuggestions.get(key) ?? new Set<string>();
      const before = rejected.size;
      for (const k of keys) rejected.add(k);
      rejectedSuggestions.set(key, rejected);
      return { rejected: rejected.size - before };
    },
    listClaims: async () =>
      [...documents.values()].flatMap((doc) => doc.annotations.filter(isClaim).map((a) => ({ ...claimRow(doc.summary, a), ...(a.claim.conflicts?.length && { conflicts: a.claim.conflicts }) }))),
    // The history is the service's (see claim-history.ts); the in-memory workspace keeps none.
    listClaimHistory: async () => [],
    saveReportPdf: unsupported,
    mergeWorkspaceWithDialog: async () => {
      throw new ApiError('unsupported', 'The in-memory workspace merges nothing.');
    },
    importAnnotationFiles: async ({ files, dryRun }) => {
      imports.push({ dryRun: dryRun === true, fileNames: files.map((f) => f.fileName) });
      return fakeImport(dryRun === true);
    },
    planImport: (plan) => {
      importPlan = plan;
    },
    imports,
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
