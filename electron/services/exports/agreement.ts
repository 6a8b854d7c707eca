// How well annotators agree, on documents two or more of them annotated (told apart by each
// highlight's author):
// - span F1 per label and pair, exact (same start, end and label) and overlapping (same label,
//   ranges overlap), the first of the pair taken as reference;
// - Cohen's kappa per pair on token labels (tokens by the CoNLL rule; a token takes the label
//   of the first highlight covering it, else "O");
// - Krippendorff's alpha (nominal) over all annotators' token labels, when there are more than two.
import type { Annotation } from '../../contract/api.js';
import { annotatorOf } from '../../contract/curation.js';
import { tokenize } from './tokens.js';
import { labelName, type Dataset } from './dataset.js';

export interface SpanScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface PairAgreement {
  annotators: [string, string];
  documents: number;
  /** Label name -> exact and overlapping F1 (null where neither annotator used the label). */
  byLabel: Record<string, { exact: SpanScore | null; overlap: SpanScore | null }>;
  kappa: number | null;
}

export interface AgreementReport {
  annotators: string[];
  pairs: PairAgreement[];
  /** Null with fewer than three annotators. */
  alpha: number | null;
}

const score = (matchedPredicted: number, predicted: number, matchedReference: number, reference: number): SpanScore | null => {
  if (predicted === 0 && reference === 0) return null;
  const precision = predicted ? matchedPredicted / predicted : 0;
  const recall = reference ? matchedReference / reference : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

interface Matches {
  matchedPredicted: number;
  predicted: number;
  matchedReference: number;
  reference: number;
}

/** Within one document: how many spans of each side the other side matches. */
function spanMatches(reference: Annotation[], predicted: Annotation[], mode: 'exact' | 'overlap'): Matches {
  const same = (a: Annotation, b: Annotation) =>
    a.labelId === b.labelId && (mode === 'exact' ? a.start === b.start && a.end === b.end : a.start < b.end && b.start < a.end);
  return {
    matchedPredicted: predicted.filter((p) => reference.some((r) => same(r, p))).length,
    predicted: predicted.length,
    matchedReference: reference.filter((r) => predicted.some((p) => same(r, p))).length,
    reference: reference.length,
  };
}

/** Span F1 of `predicted` against `reference`, summed over documents (spans of different documents never match). */
export function spanF1(perDocument: { reference: Annotation[]; predicted: Annotation[] }[], mode: 'exact' | 'overlap'): SpanScore | null {
  const total = perDocument
    .map(({ reference, predicted }) => spanMatches(reference, predicted, mode))
    .reduce((sum, m) => ({
      matchedPredicted: sum.matchedPredicted + m.matchedPredicted,
      predicted: sum.predicted + m.predicted,
      matchedReference: sum.matchedReference + m.matchedReference,
      reference: sum.reference + m.reference,
    }));
  return score(total.matchedPredicted, total.predicted, total.matchedReference, total.reference);
}

export function cohensKappa(a: string[], b: string[]): number | null {
  if (a.length === 0 || a.length !== b.length) return null;
  const n = a.length;
  let agree = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [label, count] of countA) pe += (count / n) * ((countB.get(label) ?? 0) / n);
  return pe === 1 ? (po === 1 ? 1 : null) : (po - pe) / (1 - pe);
}

/** Nominal alpha; `units[u]` holds the values the coders gave unit u (missing ones left out). */
export function krippendorffAlpha(units: string[][]): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const o = new Map<string, number>();
  const key = (c: string, k: string) => `${c}\u0000${k}`;
  for (const values of pairable) {
    const weight = 1 / (values.length - 1);
    values.forEach((c, i) => values.forEach((k, j) => i !== j && o.set(key(c, k), (o.get(key(c, k)) ?? 0) + weight)));
  }
  const nc = new Map<string, number>();
  for (const [pair, value] of o) {
    const c = pair.split('\u0000')[0]!;
    nc.set(c, (nc.get(c) ?? 0) + value);
  }
  const n = [...nc.values()].reduce((sum, v) => sum + v, 0);
  if (n <= 1) return null;
  let observed = 0;
  for (const [pair, value] of o) {
    const [c, k] = pair.split('\u0000');
    if (c !== k) observed += value;
  }
  let expected = 0;
  for (const [c, ncc] of nc) for (const [k, nk] of nc) if (c !== k) expected += ncc * nk;
  return expected === 0 ? (observed === 0 ? 1 : null) : 1 - ((n - 1) * observed) / expected;
}

function tokenLabels(dataset: Dataset, text: string, annotations: Annotation[]): string[] {
  return tokenize(text).map((t) => {
    const covering = annotations.find((a) => a.start <= t.start && t.end <= a.end);
    return covering ? labelName(dataset, covering.labelId) : 'O';
  });
}

export function measureAgreement(dataset: Dataset): AgreementReport {
  const shared = dataset.documents
    .map((doc) => {
      const byAuthor = new Map<string, Annotation[]>();
      // The curated layer counts as one more annotator (CURATED_LAYER), so people can be measured against it.
      for (const a of doc.annotations) byAuthor.set(annotatorOf(a) || '(no name)', [...(byAuthor.get(annotatorOf(a) || '(no name)') ?? []), a]);
      return { ...doc, byAuthor };
    })
    .filter((doc) => doc.byAuthor.size >= 2);
  const annotators = [...new Set(shared.flatMap((doc) => [...doc.byAuthor.keys()]))].sort();
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const [a, b] = [annotators[i]!, annotators[j]!];
      const docs = shared.filter((doc) => doc.byAuthor.has(a) && doc.byAuthor.has(b));
      const labels = new Set(docs.flatMap((doc) => [...doc.byAuthor.get(a)!, ...doc.byAuthor.get(b)!].map((x) => x.labelId)));
      const byLabel: PairAgreement['byLabel'] = {};
      for (const labelId of labels) {
        const perDocument = docs.map((doc) => ({
          reference: doc.byAuthor.get(a)!.filter((x) => x.labelId === labelId),
          predicted: doc.byAuthor.get(b)!.filter((x) => x.labelId === labelId),
        }));
        byLabel[labelName(dataset, labelId)] = { exact: spanF1(perDocument, 'exact'), overlap: spanF1(perDocument, 'overlap') };
      }
      const tokensA = docs.flatMap((doc) => tokenLabels(dataset, doc.text, doc.byAuthor.get(a)!));
      const tokensB = docs.flatMap((doc) => tokenLabels(dataset, doc.text, doc.byAuthor.get(b)!));
      pairs.push({ annotators: [a, b], documents: docs.length, byLabel, kappa: cohensKappa(tokensA, tokensB) });
    }
  }
  let alpha: number | null = null;
  if (annotators.length > 2) {
    const units: string[][] = [];
    for (const doc of shared) {
      const perAuthor = [...doc.byAuthor.values()].map((list) => tokenLabels(dataset, doc.text, list));
      const count = perAuthor[0]?.length ?? 0;
      for (let t = 0; t < count; t++) units.push(perAuthor.map((labels) => labels[t]!));
    }
    alpha = krippendorffAlpha(units);
  }
  return { annotators, pairs, alpha };
}
