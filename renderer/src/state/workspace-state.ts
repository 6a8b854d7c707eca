// What the window shows, as one reducer: the session, the open document and its highlights.
import type { Annotation, Change, DocumentSummary, Label, OpenedDocument, Session, Speaker } from '../../../electron/contract/api';
import { updatedAnnotation } from '../../../electron/contract/annotation-rules';
import { compareSpans, fromAnnotationColumns, isInTextOrder, sortedIndex } from '../../../electron/contract/spans';

/** An open document as the window holds it: highlights with their text, in text order. */
export interface DocumentView {
  document: DocumentSummary;
  text: string;
  annotations: Annotation[];
}

/** The wire leaves out each highlight's text and context; they are slices of the text we have. */
export function hydrateDocument(opened: OpenedDocument): DocumentView {
  const { text } = opened;
  const annotations = fromAnnotationColumns(opened.annotations, opened.document.id, text);
  if (!isInTextOrder(annotations)) annotations.sort(compareSpans);
  return { document: opened.document, text, annotations };
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
  /** Deleted highlights, newest last, so Ctrl/Cmd+Z can bring them back. */
  deleted: Annotation[];
  messages: Message[];
}

export type WorkspaceAction =
  | { type: 'session-loaded'; session: Session }
  | { type: 'documents-changed'; documents: DocumentSummary[] }
  | { type: 'document-opened'; view: DocumentView }
  | { type: 'annotations-loaded'; documentId: string; annotations: Annotation[] }
  | { type: 'annotation-created'; annotation: Annotation }
  | { type: 'annotation-updated'; annotationId: string; patch: AnnotationPatch }
  | { type: 'annotation-deleted'; annotationId: string }
  | { type: 'annotation-restored' }
  | { type: 'speaker-created'; speaker: Speaker }
  | { type: 'annotator-named'; name: string }
  | { type: 'select'; annotationId: string | null }
  | { type: 'message'; kind: Message['kind']; text: string }
  | { type: 'dismiss'; messageId: number };

/** What an edit in the side panel changes: the fields of an updateAnnotation change. */
export type AnnotationPatch = Omit<Extract<Change, { kind: 'updateAnnotation' }>, 'kind' | 'documentId' | 'annotationId'>;

export const initialState: WorkspaceState = {
  session: null,
  documents: [],
  labels: [],
  speakers: [],
  current: null,
  selectedId: null,
  deleted: [],
  messages: [],
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
    case 'documents-changed':
      return { ...state, documents: action.documents };
    case 'document-opened':
      return {
        ...state,
        current: action.view,
        selectedId: null,
        deleted: [],
      };
    case 'annotations-loaded': {
      if (state.current?.document.id !== action.documentId) return state;
      // Highlights made while the rest was loading may be in both lists.
      const have = new Set(state.current.annotations.map((a) => a.id));
      const merged = [...state.current.annotations, ...action.annotations.filter((a) => !have.has(a.id))];
      if (!isInTextOrder(merged)) merged.sort(compareSpans);
      return { ...state, current: { ...state.current, annotations: merged } };
    }
    case 'annotation-created': {
      if (!state.current) return state;
      return {
        ...state,
        current: { ...state.current, annotations: insertSorted(state.current.annotations, action.annotation) },
        documents: withCount(state.documents, state.current.document.id, +1),
        selectedId: action.annotation.id,
      };
    }
    case 'annotation-updated': {
      if (!state.current) return state;
      const now = new Date().toISOString();
      // The same rule the services apply, so the screen shows what will be saved.
      const change = { kind: 'updateAnnotation' as const, documentId: state.current.document.id, annotationId: action.annotationId, ...action.patch };
      const firstStatus = state.session?.statuses[0]?.id ?? 'unreviewed';
      return {
        ...state,
        current: {
          ...state.current,
          annotations: state.current.annotations.map((a) => (a.id === action.annotationId ? updatedAnnotation(a, change, now, firstStatus) : a)),
        },
      };
    }
    case 'annotation-deleted': {
      const removed = state.current?.annotations.find((a) => a.id === action.annotationId);
      if (!state.current || !removed) return state;
      return {
        ...state,
        current: { ...state.current, annotations: state.current.annotations.filter((a) => a.id !== action.annotationId) },
        documents: withCount(state.documents, state.current.document.id, -1),
        selectedId: state.selectedId === action.annotationId ? null : state.selectedId,
        deleted: [...state.deleted, removed],
      };
    }
    case 'annotation-restored': {
      const restored = state.deleted[state.deleted.length - 1];
      if (!state.current || !restored) return state;
      return {
        ...state,
        current: { ...state.current, annotations: insertSorted(state.current.annotations, restored) },
        documents: withCount(state.documents, state.current.document.id, +1),
        selectedId: restored.id,
        deleted: state.deleted.slice(0, -1),
      };
    }
    case 'annotator-named':
      return state.session ? { ...state, session: { ...state.session, annotatorName: action.name } } : state;
    case 'speaker-created':
      return { ...state, speakers: [...state.speakers, action.speaker] };
    case 'select':
      return { ...state, selectedId: action.annotationId };
    case 'message':
      return { ...state, messages: [...state.messages.slice(-3), { id: nextMessageId++, kind: action.kind, text: action.text }] };
    case 'dismiss':
      return { ...state, messages: state.messages.filter((m) => m.id !== action.messageId) };
  }
}
