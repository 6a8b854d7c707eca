// JSON Lines datasets, one document a line, with code-point offsets as Python tools count them.
//   doccano: {"text": ..., "label": [[start, end, "Label"], ...]}
//   spaCy:   {"text": ..., "spans": [{"start", "end", "label"}, ...]}
import { codePointOffsets } from './code-points.js';
import { labelName, type Dataset } from './dataset.js';

export function toDoccanoJsonl(dataset: Dataset): string {
  return dataset.documents
    .map(({ document, text, annotations }) => {
      const cp = codePointOffsets(text);
      const label = annotations.map((a) => [cp(a.start), cp(a.end), labelName(dataset, a.labelId)]);
      return JSON.stringify({ id: document.id, text, label });
    })
    .map((line) => `${line}\n`)
    .join('');
}

export function toSpacyJsonl(dataset: Dataset): string {
  return dataset.documents
    .map(({ document, text, annotations }) => {
      const cp = codePointOffsets(text);
      const spans = annotations.map((a) => ({ start: cp(a.start), end: cp(a.end), label: labelName(dataset, a.labelId) }));
      return JSON.stringify({ id: document.id, text, spans });
    })
    .map((line) => `${line}\n`)
    .join('');
}
