// Where annotators disagree, per document (see contract/vocabulary.ts for the kinds). Pure:
// highlights in, grouped by layer (an annotator's name, as measureAgreement groups them), so a
// curated layer can be passed as one more layer. Spans match when start and end are the same
// (measureAgreement's exact rule), in the app's UTF-16 offsets.
import { annotatorOf } from '../../contract/curation.js';
import type { Annotation } from '../../contract/api.js';
import { DISAGREEMENT_KINDS, type DisagreementKind } from '../../contract/vocabulary.js';
import {
  DISAGREEMENT_LIMITS,
  type Disagreement,
  type DisagreementCounts,
  type DisagreementReport,
  type DisagreementVersion,
} from '../../contract/schemas/disagreements.js';
import { labelName, type Dataset } from './dataset.js';

/** The layer a highlight belongs to: its annotator's name, as measureAgreement has it. */
/** A layer is a person, or the curated layer (curated highlights are the editor's adjudication, not the editor's own version). */
export const layerOf = (a: Annotation): string => annotatorOf(a) || '(no name)';

/** How ids are named in the versions. */
export interface VersionNames {
  label(id: string): string;
  speaker(id: string): string;
  status(id: string): string;
}

const CLAIM = 'claim';

export function noCounts(): DisagreementCounts {
  return Object.fromEntries(DISAGREEMENT_KINDS.map((k) => [k, 0])) as DisagreementCounts;
}

/** A document's highlights by layer, the layers sorted. */
export function layersOf(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const layers = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const layer = layers.get(layerOf(a));
    if (layer) layer.push(a);
    else layers.set(layerOf(a), [a]);
  }
  return new Map([...layers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One document's disagreements between its layers (none with fewer than two), in text order.
 * Each lists every layer's version, in the layers' order; a layer with two highlights on the
 * span has two versions.
 */
export function documentDisagreements(documentId: string, layers: ReadonlyMap<string, readonly Annotation[]>, names: VersionNames): Disagreement[] {
  if (layers.size < 2) return [];
  const order = [...layers.keys()];
  // Span -> layer -> that layer's highlights on exactly that span.
  const spans = new Map<string, { start: number; end: number; text: string; byLayer: Map<string, Annotation[]> }>();
  for (const [layer, highlights] of layers) {
    for (const a of highlights) {
      const key = `${a.start}:${a.end}`;
      const span = spans.get(key) ?? { start: a.start, end: a.end, text: a.text, byLayer: new Map() };
      const mine = span.byLayer.get(layer);
      if (mine) mine.push(a);
      else span.byLayer.set(layer, [a]);
      spans.set(key, span);
    }
  }
  const found: Disagreement[] = [];
  const sorted = [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const { start, end, text, byLayer } of sorted) {
    const add = (kind: DisagreementKind, label: string | null, version: (layer: string, highlights: readonly Annotation[]) => DisagreementVersion[]) =>
      found.push({ documentId, start, end, text, kind, label, versions: order.flatMap((layer) => version(layer, byLayer.get(layer) ?? [])) });
    const absent = (layer: string): DisagreementVersion[] => [{ layer, annotationId: null, valueId: null, value: null }];
    const asLabel = (layer: string, highlights: readonly Annotation[]) =>
      highlights.length ? highlights.map((a) => ({ layer, annotationId: a.id, valueId: a.labelId, value: names.label(a.labelId) })) : absent(layer);

    if (byLayer.size < order.length) add('unmatched', null, asLabel);
    const labelSets = [...byLayer.values()].map((list) => [...new Set(list.map((a) => a.labelId))].sort().join('\u0000'));
    if (new Set(labelSets).size > 1) add('label', null, asLabel);

    // Per label marked there by two or more layers: speakers, then (claims) verdicts.
    const labels = [...new Set([...byLayer.values()].flatMap((list) => list.map((a) => a.labelId)))].sort();
    for (const labelId of labels) {
      const withLabel = [...byLayer].map(([layer, list]) => [layer, list.filter((a) => a.labelId === labelId)] as const).filter(([, list]) => list.length);
      if (withLabel.length < 2) continue;
      const only = new Map(withLabel);
      const differ = (value: (a: Annotation) => string | null) => new Set(withLabel.map(([, list]) => list.map(value).sort().join('\u0000'))).size > 1;
      const versions = (value: (a: Annotation) => string | null, name: (id: string) => string) => (layer: string) =>
        only.has(layer) ? only.get(layer)!.map((a) => ({ layer, annotationId: a.id, valueId: value(a), value: value(a) === null ? null : name(value(a)!) })) : absent(layer);
      const speakerOf = (a: Annotation) => a.speakerId;
      if (differ(speakerOf)) add('speaker', names.label(labelId), versions(speakerOf, names.speaker));
      const statusOf = (a: Annotation) => a.claim?.status ?? null;
      if (labelId === CLAIM && differ(statusOf)) add('verdict', names.label(labelId), versions(statusOf, names.status));
    }
  }
  return found;
}

/** The names a dataset gives ids (the id itself when the label, speaker or status is gone). */
export function datasetNames(dataset: Dataset): VersionNames {
  const statuses = new Map(dataset.statuses.map((s) => [s.id, s.name]));
  return {
    label: (id) => labelName(dataset, id),
    speaker: (id) => dataset.speakers.get(id)?.name ?? id,
    status: (id) => statuses.get(id) ?? id,
  };
}

/** Every document's disagreements, counted by kind, the list bounded by `limit`. */
export function listDisagreements(dataset: Dataset, options: { kinds?: readonly DisagreementKind[]; limit?: number } = {}): DisagreementReport {
  const names = datasetNames(dataset);
  const limit = options.limit ?? DISAGREEMENT_LIMITS.default;
  const kinds = new Set(options.kinds ?? DISAGREEMENT_KINDS);
  const layers = new Set<string>();
  const counts = noCounts();
  const documents: DisagreementReport['documents'] = [];
  const disagreements: Disagreement[] = [];
  let more = 0;
  for (const { document, annotations } of dataset.documents) {
    const byLayer = layersOf(annotations);
    if (byLayer.size < 2) continue;
    for (const layer of byLayer.keys()) layers.add(layer);
    const found = documentDisagreements(document.id, byLayer, names);
    if (found.length === 0) continue;
    const documentCounts = noCounts();
    for (const d of found) {
      documentCounts[d.kind]++;
      counts[d.kind]++;
      if (!kinds.has(d.kind)) continue;
      if (disagreements.length < limit) disagreements.push(d);
      else more++;
    }
    documents.push({ documentId: document.id, title: document.title || document.fileName, layers: [...byLayer.keys()], counts: documentCounts });
  }
  return { layers: [...layers].sort(), documents, counts, disagreements, more };
}
