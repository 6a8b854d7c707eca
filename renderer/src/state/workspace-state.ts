// What the window shows, as one reducer: the session, the open document and its highlights.
import type { Annotation, ClaimRow, DocumentSummary, Label, OpenedDocument, Session, SourceState, Speaker } from '../../../electron/contract/window-api';
import { claimRow, isClaim } from '../../../electron/contract/annotation-rules';
import type { LocalOp } from './edits';
import { compareSpans, fromAnnotationColumns, isInTextOrder, sortedIndex } from '../../../electron/contract/spans';

/** An open document as the window holds it: highlights with their text, in text order. */
export interface DocumentView {
  document: DocumentSummary;
  text: string;
  annotations: Annotation[];
  /** Highlights a change of the text could not place; a person places or discards them. */
  orphans: Annotation[];
  source: SourceState;
}

/** The wire leaves out each highlight's text and context; they are slices of the text we have. */
export function hydrateDocument(opened: OpenedDocument): DocumentView {
  const { text } = opened;
  const annotations = fromAnnotationColumns(opened.annotations, opened.document.id, text);
  if (!isInTextOrder(annotations)) annotations.sort(compareSpans);
  return { document: opened.document, text, annotations, orphans: opened.orphans, source: opened.source };
}

export interface Message {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface WorkspaceState {
  session: Session | null;
  documents: DocumentSummary[];
  labels: Label[];
  speakers: Speaker[];
  current: DocumentView | null;
  selectedId: string | null;
  messages: Message[];
  /** The review desk's rows: every claim of the workspace, as last read (and edited since). */
  claims: ClaimRow[];
  claimsLoaded: boolean;
}

export type WorkspaceAction =
  | { type: 'session-loaded'; session: Session }
  | { type: 'documents-changed'; documents: DocumentSummary[] }
  | { type: 'document-opened'; view: DocumentView }
  /** A document's title or story fields changed (edited, or the edit undone). */
  | { type: 'document-updated'; documentId: string; fields: Partial<DocumentSummary> }
  | { type: 'annotations-loaded'; documentId: string; annotations: Annotation[] }
  /** A step done, undone or redone (see history.ts); `select` picks a highlight afterwards. */
  | { type: 'ops'; ops: LocalOp[]; select?: string | null }
  | { type: 'annotator-named'; name: string }
  | { type: 'claims-loaded'; claims: ClaimRow[] }
  | { type: 'labels-changed'; labels: Label[] }
  /** The workspace-wide parts (labels, speakers) as saved, after the host refused a change to them. */
  | { type: 'workspace-refreshed'; session: Session }
  | { type: 'select'; annotationId: string | null }
  /** An orphan placed on the text (it joins the highlights) or let go of. */
  | { type: 'orphan-placed'; annotation: Annotation }
  | { type: 'orphan-discarded'; annotationId: string }
  | { type: 'source-checked'; documentId: string; source: SourceState }
  | { type: 'message'; kind: Message['kind']; text: string }
  | { type: 'dismiss'; messageId: number };

export const initialState: WorkspaceState = {
  session: null,
  documents: [],
  labels: [],
  speakers: [],
  current: null,
  selectedId: null,
  messages: [],
  claims: [],
  claimsLoaded: false,
};

let nextMessageId = 1;

export const compareAnnotations = compareSpans;

export function insertSorted(list: Annotation[], annotation: Annotation): Annotation[] {
  const at = sortedIndex(list, annotation);
  return [...list.slice(0, at), annotation, ...list.slice(at)];
}

function withCount(documents: DocumentSummary[], documentId: string, delta: number): DocumentSummary[] {
  return documents.map((doc) => (doc.id === documentId ? { ...doc, annotationCount: Math.max(0, doc.annotationCount + delta) } : doc));
}

const sameClaim = (row: ClaimRow, documentId: string, annotationId: string) => row.documentId === documentId && row.annotationId === annotationId;

/** The desk's rows after an op: a claim's row follows its highlight, wherever that is. */
function claimsAfter(claims: ClaimRow[], op: LocalOp, documents: DocumentSummary[]): ClaimRow[] {
  if (op.kind === 'put-claim') return claims.map((row) => (sameClaim(row, op.row.documentId, op.row.annotationId) ? op.row : row));
  if (op.kind === 'remove') return claims.some((row) => sameClaim(row, op.documentId, op.annotationId)) ? claims.filter((row) => !sameClaim(row, op.documentId, op.annotationId)) : claims;
  if (op.kind !== 'put') return claims;
  const { annotation } = op;
  const index = claims.findIndex((row) => sameClaim(row, annotation.documentId, annotation.id));
  if (index < 0) return claims;
  if (!isClaim(annotation)) return claims.filter((_, i) => i !== index);
  const title = documents.find((d) => d.id === annotation.documentId)?.title ?? claims[index]!.documentTitle;
  return claims.map((row, i) => (i === index ? claimRow({ id: annotation.documentId, title }, annotation) : row));
}

function withRejected(document: DocumentSummary, annotationIds: string[], rejected: boolean): DocumentSummary {
  const ids = new Set(document.curationRejected ?? []);
  for (const id of annotationIds) rejected ? ids.add(id) : ids.delete(id);
  return { ...document, curationRejected: [...ids].sort() };
}

/** Two lists in text order as one, in one pass. */
function mergeSorted(a: readonly Annotation[], b: readonly Annotation[]): Annotation[] {
  const out: Annotation[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareSpans(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Many new highlights of the open document at once (accepting every suggestion): one merge, not a copy of the list per highlight. */
function addedAtOnce(state: WorkspaceState, ops: LocalOp[]): Annotation[] | null {
  const current = state.current;
  if (!current || ops.length < 2) return null;
  const added: Annotation[] = [];
  for (const op of ops) {
    if (op.kind !== 'put' || op.annotation.documentId !== current.document.id) return null;
    added.push(op.annotation);
  }
  const have = new Set(current.annotations.map((a) => a.id));
  return added.every((a) => !have.has(a.id)) && new Set(added.map((a) => a.id)).size === added.length ? added : null;
}

function applyOps(state: WorkspaceState, ops: LocalOp[], select: string | null | undefined): WorkspaceState {
  const added = addedAtOnce(state, ops);
  if (added && state.current) {
    const current = { ...state.current, annotations: mergeSorted(state.current.annotations, [...added].sort(compareSpans)) };
    const documents = withCount(state.documents, current.document.id, added.length);
    return { ...state, current, documents, selectedId: select === undefined ? state.selectedId : select };
  }
  let { current, documents, speakers, selectedId, claims } = state;
  for (const op of ops) {
    claims = claimsAfter(claims, op, documents);
    if (op.kind === 'put-claim') continue;
    if (op.kind === 'curation-rejected') {
      if (current?.document.id === op.documentId) current = { ...current, document: withRejected(current.document, op.annotationIds, op.rejected) };
      continue;
    }
    if (op.kind === 'add-speaker') {
      // Adds the speaker, or puts back the version given (an edit, or its undo).
      speakers = speakers.some((s) => s.id === op.speaker.id) ? speakers.map((s) => (s.id === op.speaker.id ? op.speaker : s)) : [...speakers, op.speaker];
    } else if (op.kind === 'remove-speaker') {
      speakers = speakers.filter((s) => s.id !== op.speakerId);
    } else if (current && (op.kind === 'put' ? op.annotation.documentId : op.documentId) === current.document.id) {
      const index = current.annotations.findIndex((a) => a.id === (op.kind === 'put' ? op.annotation.id : op.annotationId));
      if (op.kind === 'put') {
        const annotation = op.annotation;
        if (index >= 0 && current.annotations[index]!.start === annotation.start && current.annotations[index]!.end === annotation.end) {
          const annotations = [...current.annotations];
          annotations[index] = annotation;
          current = { ...current, annotations };
        } else {
          const without = index >= 0 ? current.annotations.filter((_, i) => i !== index) : current.annotations;
          current = { ...current, annotations: insertSorted(without, annotation) };
          if (index < 0) documents = withCount(documents, current.document.id, +1);
        }
      } else if (index >= 0) {
        current = { ...current, annotations: current.annotations.filter((_, i) => i !== index) };
        documents = withCount(documents, current.document.id, -1);
        if (selectedId === op.annotationId) selectedId = null;
      }
    }
  }
  return { ...state, current, documents, speakers, claims, selectedId: select === undefined ? selectedId : select };
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'session-loaded':
      return {
        ...state,
        session: action.session,
        documents: action.session.documents,
        labels: action.session.labels,
        speakers: action.session.speakers,
      };
    case 'documents-changed': {
      // A document taken away (an import undone) cannot stay open.
      const gone = state.current && !action.documents.some((d) => d.id === state.current!.document.id);
      return { ...state, documents: action.documents, ...(gone && { current: null, selectedId: null }) };
    }
    case 'document-updated': {
      const update = (doc: DocumentSummary) => (doc.id === action.documentId ? { ...doc, ...action.fields } : doc);
      const current = state.current && state.current.document.id === action.documentId ? { ...state.current, document: update(state.current.document) } : state.current;
      return { ...state, documents: state.documents.map(update), current };
    }
    case 'document-opened':
      return {
        ...state,
        // Its entry in the list follows what was opened (a re-anchoring changes its count).
        documents: state.documents.map((doc) => (doc.id === action.view.document.id ? action.view.document : doc)),
        current: action.view,
        selectedId: null,
      };
    case 'annotations-loaded': {
      if (state.current?.document.id !== action.documentId) return state;
      // Highlights made while the rest was loading may be in both lists.
      const have = new Set(state.current.annotations.map((a) => a.id));
      const merged = [...state.current.annotations, ...action.annotations.filter((a) => !have.has(a.id))];
      if (!isInTextOrder(merged)) merged.sort(compareSpans);
      return { ...state, current: { ...state.current, annotations: merged } };
    }
    case 'ops':
      return applyOps(state, action.ops, action.select);
    case 'workspace-refreshed':
      return {
        ...state,
        labels: action.session.labels,
        speakers: action.session.speakers,
        // The review desk edits the scale and the review settings; the panel shows them.
        session: state.session && { ...state.session, statuses: action.session.statuses, reviewSettings: action.session.reviewSettings },
      };
    case 'labels-changed':
      return { ...state, labels: action.labels };
    case 'claims-loaded':
      return { ...state, claims: action.claims, claimsLoaded: true };
    case 'annotator-named':
      return state.session ? { ...state, session: { ...state.session, annotatorName: action.name } } : state;
    case 'select':
      return { ...state, selectedId: action.annotationId };
    case 'orphan-placed': {
      const current = state.current;
      if (current?.document.id !== action.annotation.documentId) return state;
      const orphans = current.orphans.filter((o) => o.id !== action.annotation.id);
      const placed = { ...state, current: { ...current, orphans, annotations: insertSorted(current.annotations, action.annotation) } };
      return { ...placed, documents: withCount(state.documents, current.document.id, +1), selectedId: action.annotation.id };
    }
    case 'orphan-discarded':
      return state.current ? { ...state, current: { ...state.current, orphans: state.current.orphans.filter((o) => o.id !== action.annotationId) } } : state;
    case 'source-checked':
      return state.current?.document.id === action.documentId ? { ...state, current: { ...state.current, source: action.source } } : state;
    case 'message':
      return { ...state, messages: [...state.messages.slice(-3), { id: nextMessageId++, kind: action.kind, text: action.text }] };
    case 'dismiss':
      return { ...state, messages: state.messages.filter((m) => m.id !== action.messageId) };
  }
}
