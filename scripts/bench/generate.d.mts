// Types for the parts of the benchmarks' generator that TypeScript (tests, workspace-writer.ts) uses.
export interface Corpus {
  text: string;
  spans: { start: number; end: number; labelId: string; speakerId?: string | null }[];
  speakers: { id: string; name: string }[];
}
export function generateCorpus(options?: { seed?: number; targetChars?: number; annotationCount?: number }): Corpus;
export function articleSpans(text: string, count?: number): Corpus['spans'];
export function annotationChanges(
  documentId: string,
  spans: Corpus['spans'],
  options?: { seed?: number; baseTime?: number },
): { kind: 'createAnnotation'; documentId: string; annotationId: string; labelId: string; start: number; end: number; speakerId: string | null; note: string; author: string; createdAt: string; updatedAt: string }[];
