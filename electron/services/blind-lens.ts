// Where blind annotation is applied: every read that sends highlights to a window asks this lens
// which of a document's highlights the caller may see (the rule itself is contract/blind-rules.ts).
import { ApiError, HIDDEN_HIGHLIGHT_PROBLEM, blindViewOf, visibleTo, type Annotation, type Caller, type DocumentSummary } from '../contract/api.js';
import type { StoredDocument, WorkspaceStore } from './store/workspace-store.js';

/** Which highlights of one document a caller sees; null when every one. */
export type VisibleFilter = ((highlight: Annotation) => boolean) | null;
/** The filter for each document, as exports and listings take it. */
export type DocumentLens = (doc: StoredDocument) => VisibleFilter;

/**
 * A call with no caller at all is the command line (or a test) working on its own folder: blind
 * annotation is a courtesy between a team's windows, not a lock on the files of whoever holds the
 * folder. A window always sends a caller, with person null until it has one, and that sees only
 * its own (none).
 */
export function lensFor(store: WorkspaceStore, caller: Caller | undefined): DocumentLens {
  const blind = store.data.settings.blindAnnotation === true;
  if (!blind || !caller) return () => null;
  const person = caller.person;
  return (doc) => {
    const view = blindViewOf(doc, person, blind);
    return view.doneByPerson ? null : (highlight) => visibleTo(highlight, person, view);
  };
}

export function visibleOnly(annotations: Annotation[], filter: VisibleFilter): Annotation[] {
  return filter ? annotations.filter(filter) : annotations;
}

/** Edits of a highlight the caller cannot see are refused, so nothing hidden is overwritten blind. */
export function requireVisible(store: WorkspaceStore, doc: StoredDocument, highlight: Annotation, caller: Caller | undefined): void {
  const filter = lensFor(store, caller)(doc);
  if (filter && !filter(highlight)) throw new ApiError('bad-request', HIDDEN_HIGHLIGHT_PROBLEM);
}

/** A document as this caller sees it: its count of highlights they can see, and whether they are done. */
export async function summaryFor(store: WorkspaceStore, doc: StoredDocument, caller: Caller | undefined): Promise<DocumentSummary> {
  const summary: DocumentSummary = { ...doc };
  if (caller) summary.doneByYou = blindViewOf(doc, caller.person, true).doneByPerson;
  const filter = lensFor(store, caller)(doc);
  if (filter) summary.annotationCount = (await store.annotations(doc)).filter(filter).length;
  return summary;
}
