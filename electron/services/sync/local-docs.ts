// The shared documents lowdb (the source of truth) stands for, built from the workspace as it is.
import type { AnnotatorService } from '../annotator-service.js';
import type { StoredDocument } from '../store/workspace-store.js';
import {
  documentDoc,
  highlightDoc,
  historyDoc,
  labelDoc,
  reviewDoc,
  scaleDoc,
  sharedId,
  speakerDoc,
  textDoc,
  type SharedBody,
} from './shared-docs.js';

export function allDocuments(service: AnnotatorService): { doc: StoredDocument; removed: boolean }[] {
  const data = service.store.data;
  return [...data.documents.map((doc) => ({ doc, removed: false })), ...(data.removedDocuments ?? []).map((doc) => ({ doc, removed: true }))];
}

/** The workspace-wide documents: documents, texts, speakers, labels, the scale, review settings. */
export function workspaceDocs(service: AnnotatorService): Map<string, SharedBody> {
  const data = service.store.data;
  const docs = new Map<string, SharedBody>();
  for (const { doc, removed } of allDocuments(service)) {
    docs.set(sharedId.document(doc.id), documentDoc(doc, removed));
    docs.set(sharedId.text(doc.textHash), textDoc(doc.textHash, doc.length));
  }
  for (const speaker of data.speakers) docs.set(sharedId.speaker(speaker.id), speakerDoc(speaker));
  for (const label of data.labels) docs.set(sharedId.label(label.id), labelDoc(label));
  docs.set(sharedId.scale(), scaleDoc(data.statuses));
  docs.set(sharedId.review(), reviewDoc(data.settings));
  return docs;
}

/**
 * One document's highlights and claim-history lines. An orphan (its text changed here, or it
 * came from a copy of the text this one lacks) is still the team's highlight, as it was last
 * placed: not a deletion to send.
 */
export async function documentHighlightDocs(service: AnnotatorService, doc: StoredDocument): Promise<Map<string, SharedBody>> {
  const docs = new Map<string, SharedBody>();
  for (const annotation of [...(await service.store.orphans(doc)), ...(await service.store.annotations(doc))]) docs.set(sharedId.highlight(doc.id, annotation.id), highlightDoc(annotation));
  for (const entry of await service.history.entriesOf(doc.id)) {
    // A line a kill made `recovered` is this machine's own repair, not a decision to share twice.
    docs.set(sharedId.history(entry), historyDoc(entry));
  }
  return docs;
}

/** What lowdb holds for one shared id now (null when it holds nothing). */
export async function localBodyOf(service: AnnotatorService, id: string): Promise<SharedBody | null> {
  const [kind, documentId, annotationId] = id.split(':');
  if (kind === 'highlight' || kind === 'history') {
    const found = allDocuments(service).find(({ doc }) => doc.id === documentId);
    if (!found) return null;
    if (kind === 'highlight') {
      const annotation = (await service.store.annotations(found.doc)).find((a) => a.id === annotationId) ?? (await service.store.orphans(found.doc)).find((a) => a.id === annotationId);
      return annotation ? highlightDoc(annotation) : null;
    }
    return (await documentHighlightDocs(service, found.doc)).get(id) ?? null;
  }
  return workspaceDocs(service).get(id) ?? null;
}

/**
 * localBodyOf for a page of the changes feed: each document's highlights and lines are built
 * once, not once per shared document, and the workspace-wide ones once per page.
 */
export class LocalBodies {
  private workspace: Map<string, SharedBody> | null = null;
  private readonly perDocument = new Map<string, Map<string, SharedBody>>();
  private readonly documents: Map<string, StoredDocument>;
  constructor(private readonly service: AnnotatorService) {
    this.documents = new Map(allDocuments(service).map(({ doc }) => [doc.id, doc]));
  }

  async get(id: string): Promise<SharedBody | null> {
    const [kind, documentId] = id.split(':');
    if (kind !== 'highlight' && kind !== 'history') {
      this.workspace ??= workspaceDocs(this.service);
      return this.workspace.get(id) ?? null;
    }
    const doc = this.documents.get(documentId!);
    if (!doc) return null;
    let bodies = this.perDocument.get(doc.id);
    if (!bodies) {
      bodies = await documentHighlightDocs(this.service, doc);
      this.perDocument.set(doc.id, bodies);
    }
    return bodies.get(id) ?? null;
  }
}
