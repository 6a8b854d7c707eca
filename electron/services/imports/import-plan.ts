// What an import will do, worked out in memory against the workspace before anything is
// written: which documents are new, which highlights it already has (by id, or by author, span
// and label), which verdicts disagree with the workspace's, which labels and speakers are new.
// A dry run reports this; applyImport (apply.ts) carries it out.
import { createHash } from 'node:crypto';
import {
  CLAIM_LIMITS,
  MAX_ANNOTATOR_NAME_LENGTH,
  TRANSCRIPT_FORMATS,
  parseChange,
  type Annotation,
  type Change,
  type ClaimConflict,
  type ClaimFields,
  type ImportReport,
  type Speaker,
} from '../../contract/api.js';
import { idSchema } from '../../contract/schemas/common.js';
import { findSpeakerByName, speakerNameKey } from '../../contract/speaker-names.js';
import { findTranscriptTurns, transcriptSpeakers } from '../documents/transcript.js';
import { documentIdFor, sha256, type StoredDocument, type WorkspaceStore } from '../store/workspace-store.js';
import { ImportProblem, importedId, type PlannedDocument, type PlannedSpan } from './plan.js';

const KEYS = 'bdfghijklmoprtuvwxyz0123456789';
const COLOURS = ['#7b61ff', '#2e7d32', '#00838f', '#ad1457', '#6d4c41', '#5c6bc0'];
const key = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, ' ');
const isId = (value: string | undefined): value is string => value !== undefined && idSchema.safeParse(value).success;
/** A time the file gives, kept when it is one (an unreadable one is no reason to refuse the file). */
const timeOrNull = (value: string | undefined): string | null => (value && value.length <= 40 && Number.isFinite(Date.parse(value)) ? value : null);

/**
 * A new speaker's id from the hash of the compared form of the name, never from the name cut to
 * ASCII (田中花子 and 山田太郎 would both be "spk-imp-"): names in any script stay apart, and the
 * same name imported twice gets the same id.
 */
export const importedSpeakerId = (name: string): string =>
  `spk-imp-${createHash('sha256').update(speakerNameKey(name)).digest('hex').slice(0, 24)}`;

/**
 * A new label's id: its name's ASCII letters for a reader of the file, then the hash of the
 * compared name, so "Цитата" and "Утверждение" (both "label-" cut to ASCII) stay two labels.
 */
export function importedLabelId(name: string): string {
  const compared = key(name);
  const ascii = compared.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `label-${ascii ? `${ascii}-` : ''}${createHash('sha256').update(compared).digest('hex').slice(0, 12)}`;
}

/** What becomes of a document: in the list already, brought back (an undone import took it out), or new. */
export type PlannedDocumentState = 'listed' | 'removed' | 'new';

export interface ImportPlan {
  /** The counts, conflicts and undo lists; `written` is false (applyImport sets it). */
  report: ImportReport;
  /** Each document once, with the first plan that names it. */
  documents: { plan: PlannedDocument; documentId: string; state: PlannedDocumentState }[];
  /** Labels and speakers, then highlights, then conflicts: every one checked against the contract. */
  changes: Change[];
}

type Create = Extract<Change, { kind: 'createAnnotation' }>;
/** A highlight the document has, or one this import makes: what "already present" is checked against. */
interface Known {
  id: string;
  author: string;
  text: string;
  claim?: Partial<ClaimFields>;
  /** Made by this import: a conflict goes into its change. */
  create?: Create;
  /** The workspace's highlight, to tell whether the file has it otherwise. */
  annotation?: Annotation;
}

/** The highlights of one document, by id and by span and label. */
class KnownHighlights {
  private readonly byId = new Map<string, Known>();
  private readonly bySpan = new Map<string, Known[]>();

  add(known: Known, start: number, end: number, labelId: string): void {
    this.byId.set(known.id, known);
    const at = `${start}:${end}:${labelId}`;
    const same = this.bySpan.get(at);
    if (same) same.push(known);
    else this.bySpan.set(at, [known]);
  }

  /**
   * The same id, or the same span and label by the same author ('' too: no name set is an
   * author of its own); by anyone only when the file names no author at all (undefined).
   */
  find(id: string, start: number, end: number, labelId: string, author: string | undefined): Known | undefined {
    const same = this.bySpan.get(`${start}:${end}:${labelId}`) ?? [];
    return this.byId.get(id) ?? (author !== undefined ? same.find((k) => k.author === author) : same[0]);
  }
}

/** The file has a highlight the workspace has otherwise: moved, relabelled, another note, quote kind or speaker. */
function differs(annotation: Annotation, span: PlannedSpan, labelId: string, speakers: readonly Speaker[]): boolean {
  if (annotation.start !== span.start || annotation.end !== span.end || annotation.labelId !== labelId) return true;
  if (span.note !== undefined && span.note !== annotation.note) return true;
  if (span.quoteKind !== undefined && span.quoteKind !== annotation.quoteKind) return true;
  // A claim's fields on a highlight that has none here: counted, not silently dropped.
  if (span.claim && !annotation.claim) return true;
  if (span.speakerId !== undefined && span.speakerId === annotation.speakerId) return false;
  if (!span.speaker?.trim()) return false;
  const speaker = speakers.find((s) => s.id === annotation.speakerId);
  return !speaker || !findSpeakerByName([speaker], span.speaker, span.speakerOtherNames);
}

/**
 * Works out what importing `plans` does, reading the workspace and writing nothing. `author`
 * stands for whoever made a span whose file does not say (else `importer`, who imports, makes it). Refuses (ImportProblem, naming the
 * file) anything that could not be kept, so a bad file imports nothing.
 */
export async function planImport(store: WorkspaceStore, plans: PlannedDocument[], author = '', now = new Date().toISOString(), importer = store.data.settings.annotatorName ?? ''): Promise<ImportPlan> {
  const data = store.data;
  const statuses = new Set(data.statuses.map((s) => s.id));
  for (const plan of plans) {
    for (const span of plan.spans) {
      if (span.claim?.status && !statuses.has(span.claim.status)) {
        throw new ImportProblem(plan.sourceFile ?? plan.fileName, null, `the status "${span.claim.status}" is not on this workspace's scale (${[...statuses].join(', ')}).`);
      }
    }
  }
  const report: ImportReport = {
    written: false,
    documents: 0,
    documentsAdded: 0,
    highlights: 0,
    alreadyPresent: 0,
    differing: 0,
    conflicts: [],
    labelsAdded: [],
    speakersAdded: [],
    leftOut: plans.flatMap((plan) => plan.notes ?? []),
    undo: { annotations: [], speakerIds: [], labelIds: [], documentIds: [], claims: [] },
  };
  const early: Change[] = [];
  const creates: Change[] = [];

  // Labels by name, case aside; a new one is made for the first highlight that needs it.
  const labelIds = new Map(data.labels.map((l) => [key(l.name), l.id]));
  const takenKeys = new Set(data.labels.map((l) => l.hotkey));
  const labelOf = (span: PlannedSpan): string => labelIds.get(key(span.label)) ?? importedLabelId(span.label);
  const makeLabel = (span: PlannedSpan, file: string): void => {
    if (labelIds.has(key(span.label))) return;
    const id = importedLabelId(span.label);
    const hotkey = [...KEYS].find((k) => !takenKeys.has(k));
    // Refused here, before anything is written, not halfway through the import.
    if (!hotkey) {
      throw new ImportProblem(
        file,
        null,
        `its label "${span.label.trim().slice(0, 80)}" would be new, but every key a label can have is taken (${data.labels.length + report.labelsAdded.length} labels). Rename labels in the file to ones this workspace has, or delete unused labels (Labels…), then import again.`,
      );
    }
    takenKeys.add(hotkey);
    early.push({ kind: 'saveLabel', label: { id, name: span.label.trim(), color: COLOURS[report.labelsAdded.length % COLOURS.length]!, hotkey } });
    labelIds.set(key(span.label), id);
    report.labelsAdded.push(span.label.trim());
    report.undo.labelIds.push(id);
  };

  // Speakers: by the file's id when the workspace has it, else by name or other name, else new.
  const made: Speaker[] = [];
  // 100,000 spans name a few hundred people: each (id, name, other names) is looked up once.
  const speakerAnswers = new Map<string, string | null>();
  const speakerOf = (span: PlannedSpan, file: string): string | null => {
    const asked = JSON.stringify([span.speakerId ?? null, span.speaker ?? null, span.speakerOtherNames ?? null]);
    if (speakerAnswers.has(asked)) return speakerAnswers.get(asked)!;
    const answer = findOrMakeSpeaker(span, file);
    speakerAnswers.set(asked, answer);
    return answer;
  };
  const findOrMakeSpeaker = (span: PlannedSpan, file: string): string | null => {
    const name = span.speaker?.trim();
    const otherNames = name ? (span.speakerOtherNames ?? []).map((n) => n.trim()).filter((n) => n && speakerNameKey(n) !== speakerNameKey(name)) : [];
    // The file's id is this workspace's speaker. But an id an import made from a name
    // (importedSpeakerId) is the same in every newsroom: two imports of "Kim", renamed apart
    // since ("Kim Jong-un" here, "Kim Yo-jong" in the file), are two people.
    const byId = isId(span.speakerId) ? (data.speakers.find((s) => s.id === span.speakerId) ?? made.find((s) => s.id === span.speakerId)) : undefined;
    const fromAName = span.speakerId?.startsWith('spk-imp-') && name !== undefined && importedSpeakerId(name) !== span.speakerId;
    if (byId && (!name || !fromAName || findSpeakerByName([byId], name, otherNames))) return byId.id;
    if (!name) return null;
    const known = findSpeakerByName(data.speakers, name, otherNames) ?? findSpeakerByName(made, name, otherNames);
    if (known) return known.id;
    const taken = (id: string) => data.speakers.some((s) => s.id === id) || made.some((s) => s.id === id);
    let id = isId(span.speakerId) && !taken(span.speakerId) ? span.speakerId : importedSpeakerId(name);
    // Imported before and renamed since: the id is still that speaker's.
    if (data.speakers.some((s) => s.id === id)) return id;
    if (taken(id)) id = importedSpeakerId(`${name}|${made.length}`);
    const change: Change = { kind: 'createSpeaker', speakerId: id, name, ...(otherNames.length && { aliases: [...new Set(otherNames)] }) };
    try {
      parseChange(change);
    } catch (error) {
      throw new ImportProblem(file, null, `the speaker "${name.slice(0, 80)}" cannot be kept: ${(error as Error).message}`);
    }
    made.push({ id, name, aliases: otherNames, role: '', organisation: '', notes: '', createdAt: now });
    early.push(change);
    report.speakersAdded.push(name);
    report.undo.speakerIds.push(id);
    return id;
  };

  // A transcript read in this import names speakers as it is added. The files' own speakers
  // (with their ids) come first, so a transcript's name finds one and its id is kept.
  if (plans.some((plan) => plan.read && TRANSCRIPT_FORMATS.includes(plan.read.format))) {
    for (const plan of plans) for (const span of plan.spans) if (isId(span.speakerId) && span.speaker?.trim()) speakerOf(span, plan.sourceFile ?? plan.fileName);
  }

  // Documents, each once: in the list, taken out by an undone import, or new.
  const documents: ImportPlan['documents'] = [];
  const known = new Map<string, KnownHighlights>();
  const conflicts = new Map<string, { documentId: string; annotationId: string; before: ClaimConflict[]; after: ClaimConflict[] }>();
  for (const plan of plans) {
    const file = plan.sourceFile ?? plan.fileName;
    const textHash = sha256(plan.text);
    const listed = data.documents.find((d) => d.textHash === textHash);
    const removed = listed ? undefined : data.removedDocuments?.find((d) => d.textHash === textHash);
    const stored: StoredDocument | undefined = listed ?? removed;
    const documentId = stored?.id ?? documentIdFor(textHash);
    let highlights = known.get(documentId);
    if (!highlights) {
      const state: PlannedDocumentState = listed ? 'listed' : removed ? 'removed' : 'new';
      documents.push({ plan, documentId, state });
      report.documents++;
      if (state !== 'listed') {
        report.documentsAdded++;
        report.undo.documentIds.push(documentId);
      }
      highlights = new KnownHighlights();
      for (const a of stored ? await store.annotations(stored) : []) highlights.add({ id: a.id, author: a.author, text: a.text, claim: a.claim, annotation: a }, a.start, a.end, a.labelId);
      known.set(documentId, highlights);
      // A transcript's names become speakers when it is added (see addTranscriptSpeakers).
      if (plan.read && TRANSCRIPT_FORMATS.includes(plan.read.format)) {
        for (const name of transcriptSpeakers(findTranscriptTurns(plan.read.text))) {
          if (findSpeakerByName(data.speakers, name) ?? findSpeakerByName(made, name)) continue;
          made.push({ id: importedSpeakerId(name), name, aliases: [], role: '', organisation: '', notes: '', createdAt: now });
          report.speakersAdded.push(name);
        }
      }
    }
    const title = stored?.title ?? plan.title;
    for (const span of plan.spans) {
      // --author names whoever the file leaves unnamed; a file's own '' (no name set) is kept as ''.
      const spanAuthor = span.author || author;
      const labelId = labelOf(span);
      const annotationId = isId(span.id) ? span.id : importedId(plan.text, span, spanAuthor);
      const match = highlights.find(annotationId, span.start, span.end, labelId, span.author !== undefined || author ? spanAuthor : undefined);
      if (match) {
        report.alreadyPresent++;
        if (match.annotation && differs(match.annotation, span, labelId, data.speakers)) report.differing = (report.differing ?? 0) + 1;
        const here = match.claim?.status;
        const incoming = span.claim?.status;
        if (!here || !incoming || here === incoming) continue;
        // Two verdicts on one claim: shown to the editor, never settled here.
        const by = (span.claim?.reviewer || span.claim?.statusBy || spanAuthor || '').slice(0, MAX_ANNOTATOR_NAME_LENGTH);
        const conflict: ClaimConflict = { status: incoming, by, at: timeOrNull(span.claim?.reviewedAt) ?? timeOrNull(span.updatedAt) ?? now, from: file.slice(0, 200) };
        const entry = conflicts.get(`${documentId}/${match.id}`);
        const current = match.create ? (match.create.claim?.conflicts ?? []) : (entry?.after ?? match.claim?.conflicts ?? []);
        // Already beside the claim (this file imported before): nothing new to show or keep.
        if (current.some((c) => c.status === incoming && c.by === by)) continue;
        if (current.length >= CLAIM_LIMITS.conflicts) {
          report.leftOut.push(`${file}: the verdict ${incoming}${by ? ` by ${by}` : ''} on “${match.text.slice(0, 80)}” was not kept: that claim already holds ${CLAIM_LIMITS.conflicts} conflicting verdicts; settle them on the review desk, then import again.`);
          continue;
        }
        report.conflicts.push({ documentId, documentTitle: title, annotationId: match.id, text: match.text, here, incoming, incomingBy: by });
        if (match.create) match.create.claim = { ...match.create.claim!, conflicts: [...current, conflict] };
        else conflicts.set(`${documentId}/${match.id}`, { documentId, annotationId: match.id, before: match.claim?.conflicts ?? [], after: [...current, conflict] });
        continue;
      }
      makeLabel(span, file);
      const claim = span.claim && { checkWorthiness: null, status: data.statuses[0]?.id ?? 'unreviewed', sources: [], tags: [], ...span.claim };
      const change: Create = {
        kind: 'createAnnotation',
        documentId,
        annotationId,
        labelId,
        start: span.start,
        end: span.end,
        speakerId: speakerOf(span, file),
        note: span.note ?? '',
        ...(span.quoteKind && { quoteKind: span.quoteKind }),
        ...(claim && { claim }),
        ...((spanAuthor || span.author !== undefined) && { author: spanAuthor }),
        ...(timeOrNull(span.createdAt) && { createdAt: span.createdAt }),
        ...(timeOrNull(span.updatedAt) && { updatedAt: span.updatedAt }),
      };
      try {
        parseChange(change);
      } catch (error) {
        throw new ImportProblem(file, null, `a highlight at ${span.start}–${span.end} cannot be kept: ${(error as Error).message}`);
      }
      highlights.add({ id: annotationId, author: spanAuthor || (span.author !== undefined ? '' : importer), text: plan.text.slice(span.start, span.end), claim, create: change }, span.start, span.end, labelId);
      creates.push(change);
      report.highlights++;
      report.undo.annotations.push({ documentId, annotationId });
    }
  }
  const updates: Change[] = [];
  for (const { documentId, annotationId, before, after } of conflicts.values()) {
    // Checked like every change, so none is refused once the documents are written.
    updates.push(parseChange({ kind: 'updateAnnotation', documentId, annotationId, claim: { conflicts: after } }));
    report.undo.claims!.push({ documentId, annotationId, conflicts: before });
  }
  return { report, documents, changes: [...early, ...creates, ...updates] };
}
