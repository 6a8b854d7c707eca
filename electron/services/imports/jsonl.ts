// doccano and spaCy JSON Lines, as the exports write them (and as those tools write them):
//   {"text": ..., "label": [[start, end, "Label"], ...]}  or  {"text": ..., "spans": [{"start", "end", "label"}]}
// and Prodigy's task lines, which are spaCy's shape with an annotator and an answer (prodigy.ts).
// Offsets are code points.
import { ImportProblem, normalizeWithOffsets, parseImportJson, titleFromFileName, type PlannedDocument, type PlannedSpan } from './plan.js';
import { readProdigyTask } from './prodigy.js';

export function planJsonl(file: string, content: string): PlannedDocument[] {
  const base = titleFromFileName(file);
  const documents: PlannedDocument[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.trim()) return;
    const row = parseImportJson(file, line, lineNo);
    if (!row || typeof row !== 'object' || typeof (row as { text?: unknown }).text !== 'string') {
      throw new ImportProblem(file, lineNo, 'each line needs a "text" string.');
    }
    const { text: original, label, spans, id, title } = row as { text: string; label?: unknown; spans?: unknown; id?: unknown; title?: unknown };
    if (!original.trim()) throw new ImportProblem(file, lineNo, '"text" is empty.');
    // Prodigy's lines: the annotator, the answer, the title in meta (imports/prodigy.ts).
    const task = readProdigyTask(file, lineNo, row as Record<string, unknown>);
    const raw: [unknown, unknown, unknown][] = [];
    if (Array.isArray(label)) for (const entry of label) raw.push(Array.isArray(entry) ? [entry[0], entry[1], entry[2]] : [undefined, undefined, undefined]);
    else if (Array.isArray(spans)) for (const entry of spans) raw.push(entry && typeof entry === 'object' ? [entry.start, entry.end, entry.label] : [undefined, undefined, undefined]);
    else if (label !== undefined || spans !== undefined) throw new ImportProblem(file, lineNo, '"label" or "spans" must be a list.');
    const { text, fromCodePoint } = normalizeWithOffsets(original);
    const planned: PlannedSpan[] = (task.accepted ? raw : []).map(([start, end, name], k) => {
      const s = typeof start === 'number' ? fromCodePoint(start) : null;
      const e = typeof end === 'number' ? fromCodePoint(end) : null;
      if (s === null || e === null || !(s < e)) throw new ImportProblem(file, lineNo, `span ${k + 1} has no valid start and end inside the text (${JSON.stringify([start, end])}).`);
      if (typeof name !== 'string' || !name.trim()) throw new ImportProblem(file, lineNo, `span ${k + 1} has no label name.`);
      return { start: s, end: e, label: name.trim(), ...(task.author && { author: task.author }) };
    });
    const name = typeof title === 'string' && title.trim() ? title.trim() : typeof id === 'string' && id.trim() ? id.trim() : (task.title ?? `${base}-${lineNo}`);
    documents.push({ fileName: `${name}.txt`, title: name, text, spans: planned });
  });
  if (documents.length === 0) throw new ImportProblem(file, null, 'there is no line with a text in it.');
  return documents;
}
