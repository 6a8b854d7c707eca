// Types for the parts of the benchmark's generator that the tests use.
export interface Corpus {
  text: string;
  spans: { start: number; end: number; labelId: string; speakerId?: string | null }[];
  speakers: { id: string; name: string }[];
}
export function generateCorpus(options?: { seed?: number; targetChars?: number; annotationCount?: number }): Corpus;
export function writeWorkspace(
  dir: string,
  docs: { fileName: string; title: string; text: string; spans: Corpus['spans'] }[],
  speakers: Corpus['speakers'],
): Promise<{ workspace: { documents: { id: string }[] }; written: { id: string; annotations: unknown[] }[] }>;
