// What every export reads: the chosen documents with their text and highlights, and the
// workspace's labels and speakers to name them by.
import { ApiError, type Annotation, type Label, type ReviewSettings, type Speaker, type Status } from '../../contract/api.js';
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';

export interface ExportDocument {
  document: StoredDocument;
  text: string;
  annotations: Annotation[];
}

export interface Dataset {
  documents: ExportDocument[];
  labels: Map<string, Label>;
  speakers: Map<string, Speaker>;
  /** The status scale (verdicts best to worst) and who publishes: for the review desk's formats. */
  statuses: Status[];
  reviewSettings: ReviewSettings;
}

/** The documents named (all of them when `documentIds` is not given; none for an empty list). */
export async function collectDataset(store: WorkspaceStore, documentIds?: string[], onProgress?: (done: number, total: number) => void): Promise<Dataset> {
  const all = store.data.documents;
  const chosen = documentIds ? documentIds.map((id) => all.find((doc) => doc.id === id) ?? missing(id)) : all;
  const documents: ExportDocument[] = [];
  for (const document of chosen) {
    documents.push({ document, text: await store.readText(document), annotations: [...(await store.annotations(document))] });
    onProgress?.(documents.length, chosen.length);
  }
  return {
    documents,
    labels: new Map(store.data.labels.map((label) => [label.id, label])),
    speakers: new Map(store.data.speakers.map((speaker) => [speaker.id, speaker])),
    statuses: store.data.statuses,
    reviewSettings: { organisation: store.data.settings.organisation, claimReviewUrl: store.data.settings.claimReviewUrl },
  };
}

function missing(documentId: string): never {
  throw new ApiError('not-found', `No document with id ${documentId} is in this workspace. List them with \`annotator stats\`.`);
}

/** A label's name as datasets carry it (the id when the label is gone from the set). */
export function labelName(dataset: Dataset, labelId: string): string {
  return dataset.labels.get(labelId)?.name ?? labelId;
}

/** Each attributed quote or claim with the nearest mention of its speaker in the same text. */
export function attributions(annotations: Annotation[]): { said: Annotation; by: Annotation }[] {
  const pairs: { said: Annotation; by: Annotation }[] = [];
  for (const said of annotations) {
    if (!said.speakerId || said.labelId === 'speaker') continue;
    const mentions = annotations.filter((m) => m.labelId === 'speaker' && m.speakerId === said.speakerId);
    if (mentions.length === 0) continue;
    const by = mentions.reduce((best, m) => (Math.abs(m.start - said.start) < Math.abs(best.start - said.start) ? m : best));
    pairs.push({ said, by });
  }
  return pairs;
}
