// What every export reads: the chosen documents with their text and highlights, and the
// workspace's labels and speakers to name them by.
import { CURATED_LAYER, annotatorOf } from '../../contract/curation.js';
import { ApiError, byAnnotator, type Annotation, type AnnotatorCount, type Label, type ReviewSettings, type Speaker, type Status } from '../../contract/api.js';
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';
import { visibleOnly, type DocumentLens } from '../blind-lens.js';
import { eachInFlight } from './in-flight.js';

/** Enough to keep the disk busy; more only holds more files in memory at once. */
const READS_IN_FLIGHT = 16;

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

/**
 * The documents named (all of them when `documentIds` is not given; none for an empty list),
 * with only the highlights by `authors` when given ('' is the highlights with no author). This
 * is the one place an export is narrowed to some annotators, so every format, each part of a
 * split and the agreement see the same highlights. A name no highlight of the workspace carries
 * is refused, with the names there are.
 */
export async function collectDataset(
  store: WorkspaceStore,
  documentIds?: string[],
  onProgress?: (done: number, total: number) => void,
  authors?: string[],
  /** Only what a window's person sees, under blind annotation; everything when absent. */
  lens?: DocumentLens,
): Promise<Dataset> {
  const all = store.data.documents;
  const chosen = documentIds ? documentIds.map((id) => all.find((doc) => doc.id === id) ?? missing(id)) : all;
  const only = authors && (await checkedAuthors(store, authors, lens));
  const documents: ExportDocument[] = new Array(chosen.length);
  let done = 0;
  const read = async (k: number) => {
    const document = chosen[k]!;
    const annotations = visibleOnly(await store.annotations(document), lens?.(document) ?? null);
    documents[k] = { document, text: await store.readText(document), annotations: only ? annotations.filter((a) => only.has(annotatorOf(a))) : [...annotations] };
    onProgress?.(++done, chosen.length);
  };
  // Several files in flight: one at a time, the disk's wait is most of the time (1,000 stories).
  await eachInFlight(chosen, READS_IN_FLIGHT, (_, k) => read(k));
  return {
    documents,
    labels: new Map(store.data.labels.map((label) => [label.id, label])),
    speakers: new Map(store.data.speakers.map((speaker) => [speaker.id, speaker])),
    statuses: store.data.statuses,
    reviewSettings: { organisation: store.data.settings.organisation, claimReviewUrl: store.data.settings.claimReviewUrl, reviewerNotesInReport: store.data.settings.reviewerNotesInReport === true },
  };
}

/** Who made the workspace's highlights, with how many each (see byAnnotator for the order). */
export async function listAnnotators(store: WorkspaceStore, lens?: DocumentLens): Promise<AnnotatorCount[]> {
  const counts = new Map<string, number>();
  for (const document of store.data.documents) {
    // The curated layer is listed as one annotator of its own, whoever curated.
    for (const a of visibleOnly(await store.annotations(document), lens?.(document) ?? null)) counts.set(annotatorOf(a), (counts.get(annotatorOf(a)) ?? 0) + 1);
  }
  return [...counts].map(([name, highlights]) => ({ name, highlights })).sort(byAnnotator);
}

/**
 * The annotators a layer stands for: the curated layer alone, or (all, or no layer given) the
 * annotators chosen. Asking for both a layer and annotators is refused in words.
 */
export function layerAuthors(layer: 'all' | 'curated' | undefined, authors: string[] | undefined): string[] | undefined {
  if (layer !== 'curated') return authors;
  if (authors?.length) throw new ApiError('bad-request', 'Choose the curated layer or some annotators, not both: the curated layer is one annotator of its own.');
  return [CURATED_LAYER];
}

/** How an annotator is named in messages: '' is the highlights made before a name was set. */
export const annotatorShown = (name: string): string => (name === '' ? '"" (no author)' : `"${name}"`);

async function checkedAuthors(store: WorkspaceStore, authors: string[], lens?: DocumentLens): Promise<Set<string>> {
  const known = await listAnnotators(store, lens);
  const unknown = authors.filter((name) => !known.some((k) => k.name === name));
  if (unknown.includes(CURATED_LAYER)) {
    throw new ApiError('bad-request', 'This workspace has no curated layer yet: open a document in curation (Curate in "This document") and accept versions first, or export every layer.');
  }
  if (unknown.length) {
    const there = known.length ? `Its annotators are ${known.map((k) => `${annotatorShown(k.name)} (${k.highlights})`).join(', ')}.` : 'It has no highlights yet.';
    throw new ApiError(
      'bad-request',
      `No highlight in this workspace is by ${unknown.map(annotatorShown).join(' or ')}. ${there} Name one of them (names are compared exactly), or leave the choice out to export everyone's.`,
    );
  }
  return new Set(authors);
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
