// CoNLL-2003-style BIO tags, one token a line: "token _ _ B-Quote", a blank line between
// sentences, "-DOCSTART- -X- -X- O" before each document. Tokens and sentences: tokens.ts.
//
// A span that does not start and end on token boundaries, or that overlaps a span already
// tagged (BIO cannot show overlaps), is never stretched or silently dropped: it is left out of
// the tags and listed in the warnings.
import type { Annotation } from '../../contract/api.js';
import { labelName, type Dataset } from './dataset.js';
import { tokenize } from './tokens.js';

export { tokenize, type Token } from './tokens.js';

export interface ConllWarning {
  documentId: string;
  annotationId: string;
  label: string;
  text: string;
  reason: string;
}

export function toConll(dataset: Dataset): { content: string; warnings: ConllWarning[] } {
  const out: string[] = [];
  const warnings: ConllWarning[] = [];
  for (const { document, text, annotations } of dataset.documents) {
    const tokens = tokenize(text);
    const byStart = new Map(tokens.map((t, index) => [t.start, index]));
    const byEnd = new Map(tokens.map((t, index) => [t.end, index]));
    const tags: string[] = tokens.map(() => 'O');
    const warn = (a: Annotation, reason: string) =>
      warnings.push({ documentId: document.id, annotationId: a.id, label: labelName(dataset, a.labelId), text: a.text, reason });
    for (const a of annotations) {
      const first = byStart.get(a.start);
      const last = byEnd.get(a.end);
      if (first === undefined || last === undefined) {
        const inside = tokens.find((t) => (t.start < a.start && a.start < t.end) || (t.start < a.end && a.end < t.end));
        warn(a, inside ? `cuts through the token "${text.slice(inside.start, inside.end)}"` : 'does not start and end on token boundaries');
        continue;
      }
      if (tags.slice(first, last + 1).some((tag) => tag !== 'O')) {
        warn(a, 'overlaps a highlight already tagged; BIO cannot show overlapping spans');
        continue;
      }
      const label = labelName(dataset, a.labelId).replace(/\s+/g, '_');
      for (let k = first; k <= last; k++) tags[k] = `${k === first ? 'B' : 'I'}-${label}`;
    }
    out.push('-DOCSTART- -X- -X- O', '');
    tokens.forEach((t, k) => {
      out.push(`${text.slice(t.start, t.end)} _ _ ${tags[k]}`);
      if (t.last) out.push('');
    });
  }
  return { content: `${out.join('\n')}\n`, warnings };
}
