// A dataset built in memory for the token formats' tests: documents, and highlights with their
// authors, placed by the words they cover (no workspace on disk needed).
import { DEFAULT_LABELS, DEFAULT_STATUSES, type Annotation } from '../../../../electron/contract/api.js';
import type { Dataset } from '../../../../electron/services/exports/dataset.js';
import type { StoredDocument } from '../../../../electron/services/store/workspace-store.js';

export interface Mark {
  /** The words covered; the nth occurrence with `nth`. */
  words: string;
  label: 'quote' | 'claim' | 'speaker';
  author: string;
  nth?: number;
}

export function at(text: string, words: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(words, start + 1);
  if (start === -1) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
}

export function tokenDataset(documents: { id: string; title?: string; text: string; marks: Mark[] }[]): Dataset {
  return {
    documents: documents.map(({ id, title, text, marks }) => ({
      document: { id, title: title ?? id, fileName: `${id}.txt`, textHash: '0'.repeat(64), length: text.length, addedAt: '', annotationCount: marks.length } as StoredDocument,
      text,
      annotations: marks.map((m, k): Annotation => {
        const { start, end } = at(text, m.words, m.nth);
        return { id: `${id}-a${k}`, documentId: id, labelId: m.label, start, end, text: m.words, prefix: '', suffix: '', speakerId: null, note: '', author: m.author, createdAt: '', updatedAt: '' };
      }),
    })),
    labels: new Map(DEFAULT_LABELS.map((l) => [l.id, l])),
    speakers: new Map(),
    statuses: DEFAULT_STATUSES,
    reviewSettings: { organisation: '', claimReviewUrl: '' },
  };
}

/** A CoNLL file read as conlleval and seqeval read it: sentences at blank lines, IOB2 chunks. */
export function readConll(content: string): { documents: number; sentences: string[][]; chunks: { label: string; words: string }[] } {
  const sentences: string[][] = [];
  const chunks: { label: string; words: string }[] = [];
  let documents = 0;
  let sentence: string[] = [];
  // A holder, so the compiler does not narrow what close() changes.
  const state: { open: { label: string; words: string[] } | null } = { open: null };
  const close = () => {
    if (state.open) chunks.push({ label: state.open.label, words: state.open.words.join(' ') });
    state.open = null;
  };
  for (const line of content.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      documents++;
      continue;
    }
    if (!line.trim()) {
      // The end of a sequence closes any chunk: an I- after it starts a new one.
      close();
      if (sentence.length) sentences.push(sentence);
      sentence = [];
      continue;
    }
    const cols = line.split(' ');
    if (cols.length !== 4) throw new Error(`not four columns: ${JSON.stringify(line)}`);
    const [token, , , tag] = cols as [string, string, string, string];
    sentence.push(token);
    const [prefix, label] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    if (prefix === 'B' || (prefix === 'I' && state.open?.label !== label)) {
      close();
      state.open = { label, words: [token] };
    } else if (prefix === 'I') state.open!.words.push(token);
    else close();
  }
  close();
  if (sentence.length) sentences.push(sentence);
  return { documents, sentences, chunks };
}
