// CoNLL-2003-style BIO tags, one token a line: "token _ _ B-Quote", a blank line between
// sentences, "-DOCSTART- -X- -X- O" before each document. Tokens and sentences: tokens.ts.
//
// - A highlight is one chunk: "B-" on its first token and "I-" on every later one. CoNLL readers
//   (conlleval, seqeval) take a blank line as the end of a sequence, so no sentence break is
//   written inside a highlight: a quote that runs over a line break or a full stop keeps its
//   sentence going until it ends, instead of starting the next sentence with an "I-".
// - A span that does not start and end on token boundaries, or that overlaps a span already
//   tagged (BIO cannot show overlaps), is never stretched or silently dropped: it is left out of
//   the tags and listed in the warnings.
// - Per author: BIO has one tag a token, so two annotators' highlights are never merged into one
//   layer (where the first would win). With more than one author among the chosen documents,
//   each author gets a file of their own, dataset.<author>.conll (authors.ts names it), each a
//   whole CoNLL file over all the documents; with one author it is one dataset.conll.
import type { Annotation } from '../../contract/api.js';
import { authorFileStems, datasetAuthors } from './authors.js';
import type { ExportFile } from './brat.js';
import { labelName, type Dataset } from './dataset.js';
import { tokenEndingAt, tokenize, tokenStartingAt, type Token } from './tokens.js';

export { tokenize, type Token } from './tokens.js';

export interface ConllWarning {
  documentId: string;
  annotationId: string;
  label: string;
  text: string;
  reason: string;
}

/** A label as one BIO tag's name: no white space. */
export const tagName = (dataset: Dataset, labelId: string): string => labelName(dataset, labelId).trim().replace(/\s+/g, '_');

/**
 * BIO tags of `annotations` over `tokens` ("O" outside): each highlight B- then I-, the ones
 * that cut a token or overlap one already tagged reported to `warn` and left out.
 */
export function bioTags(dataset: Dataset, text: string, tokens: Token[], annotations: Annotation[], warn: (a: Annotation, reason: string) => void): string[] {
  const tags: string[] = new Array<string>(tokens.length).fill('O');
  for (const a of annotations) {
    const first = tokenStartingAt(tokens, a.start);
    const last = tokenEndingAt(tokens, a.end);
    if (first === undefined || last === undefined) {
      const inside = tokens.find((t) => (t.start < a.start && a.start < t.end) || (t.start < a.end && a.end < t.end));
      warn(a, inside ? `cuts through the token "${text.slice(inside.start, inside.end)}"` : 'does not start and end on token boundaries');
      continue;
    }
    if (tags.slice(first, last + 1).some((tag) => tag !== 'O')) {
      warn(a, 'overlaps a highlight already tagged; BIO cannot show overlapping spans');
      continue;
    }
    const label = tagName(dataset, a.labelId);
    for (let k = first; k <= last; k++) tags[k] = `${k === first ? 'B' : 'I'}-${label}`;
  }
  return tags;
}

/** One CoNLL file of the highlights `keep` chooses, over every document of the dataset. */
function conllLayer(dataset: Dataset, tokensOf: (d: number) => Token[], keep: (a: Annotation) => boolean, warnings: ConllWarning[], whose?: string): string {
  // A string per story, not a line each: 3 million lines held to the end kept the collector busy.
  const stories: string[] = [];
  for (const [d, { document, text, annotations }] of dataset.documents.entries()) {
    const out: string[] = [];
    const tokens = tokensOf(d);
    const warn = (a: Annotation, reason: string) =>
      warnings.push({ documentId: document.id, annotationId: a.id, label: labelName(dataset, a.labelId), text: a.text, reason: whose === undefined ? reason : `${reason} (in ${whose}'s file)` });
    const tags = bioTags(dataset, text, tokens, annotations.filter(keep), warn);
    out.push('-DOCSTART- -X- -X- O', '');
    tokens.forEach((t, k) => {
      out.push(`${text.slice(t.start, t.end)} _ _ ${tags[k]}`);
      // A sentence break inside a highlight would split its chunk: the sentence goes on.
      if (t.last && !tags[k + 1]?.startsWith('I-')) out.push('');
    });
    stories.push(out.join('\n'));
  }
  return `${stories.join('\n')}\n`;
}

/** Every highlight in one layer (the one-author case; tests and tools that want it whole). */
export function toConll(dataset: Dataset): { content: string; warnings: ConllWarning[] } {
  const warnings: ConllWarning[] = [];
  return { content: conllLayer(dataset, (d) => tokenize(dataset.documents[d]!.text), () => true, warnings), warnings };
}

/** dataset.conll with one author (or none); dataset.<author>.conll for each of several. */
export function toConllFiles(dataset: Dataset, fileName: string): { files: ExportFile[]; folder: boolean; warnings: ConllWarning[] } {
  const authors = datasetAuthors(dataset);
  const warnings: ConllWarning[] = [];
  // One layer: each story tokenized as it is written, none held after. Several: tokenized once for all.
  if (authors.length <= 1) return { files: [{ name: fileName, content: conllLayer(dataset, (d) => tokenize(dataset.documents[d]!.text), () => true, warnings) }], folder: false, warnings };
  const tokenized = dataset.documents.map((d) => tokenize(d.text));
  const stems = authorFileStems(authors);
  const base = fileName.replace(/\.conll$/, '');
  const files = authors.map((author) => ({
    name: `${base}.${stems.get(author)!}.conll`,
    content: conllLayer(dataset, (d) => tokenized[d]!, (a) => a.author === author, warnings, author || 'unnamed'),
  }));
  return { files, folder: true, warnings };
}
