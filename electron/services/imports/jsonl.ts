// doccano and spaCy JSON Lines, as the exports write them (and as those tools write them):
//   {"text": ..., "label": [[start, end, "Label"], ...]}  or  {"text": ..., "spans": [{"start", "end", "label"}]}
// Prodigy's task lines are spaCy's shape with an annotator and an answer (prodigy.ts).
// Offsets are code points. Our exports add "title" and "newsroom": {"spans": [...]}, each
// highlight's id, author, speaker, quote kind, claim, note and times (../exports/jsonl.ts says
// why those tools let them through); doccano may hand them back under "meta".
import { ImportProblem, normalizeWithOffsets, parseImportJson, plannedSourceUrl, titleFromFileName, type PlannedDocument, type PlannedSpan } from './plan.js';
import { readProdigyTask } from './prodigy.js';
import { readSpanFields, settleIds, type SpanFields } from './span-fields.js';
import { plannedStory } from './story-fields.js';

/** The "newsroom" records of a line, taken one by one by the span with the same offsets and label. */
function newsroomFields(file: string, lineNo: number, row: Record<string, unknown>): (start: unknown, end: unknown, label: unknown, k: number) => SpanFields {
  const meta = row.meta && typeof row.meta === 'object' ? (row.meta as Record<string, unknown>) : {};
  const newsroom = row.newsroom ?? meta.newsroom;
  if (newsroom === undefined) return () => ({});
  const records = (newsroom as { spans?: unknown })?.spans;
  if (!Array.isArray(records)) throw new ImportProblem(file, lineNo, '"newsroom" must be {"spans": [...]}, as this app exports it.');
  const byKey = new Map<string, unknown[]>();
  for (const record of records) {
    const { start, end, label } = (record ?? {}) as { start?: unknown; end?: unknown; label?: unknown };
    const key = JSON.stringify([start, end, label]);
    const same = byKey.get(key);
    if (same) same.push(record);
    else byKey.set(key, [record]);
  }
  return (start, end, label, k) => {
    const record = byKey.get(JSON.stringify([start, end, label]))?.shift();
    if (record === undefined) return {};
    const { start: _s, end: _e, label: _l, ...fields } = record as Record<string, unknown>;
    return readSpanFields({ file, line: lineNo, where: `span ${k + 1}` }, fields);
  };
}

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
    const { text: original, label, spans, id } = row as { text: string; label?: unknown; spans?: unknown; id?: unknown };
    const title = (row as { title?: unknown }).title ?? (row as { meta?: { title?: unknown } }).meta?.title;
    if (!original.trim()) throw new ImportProblem(file, lineNo, '"text" is empty.');
    // Prodigy's lines: the annotator, the answer, the title in meta (imports/prodigy.ts).
    const task = readProdigyTask(file, lineNo, row as Record<string, unknown>);
    const raw: [unknown, unknown, unknown][] = [];
    if (Array.isArray(label)) for (const entry of label) raw.push(Array.isArray(entry) ? [entry[0], entry[1], entry[2]] : [undefined, undefined, undefined]);
    else if (Array.isArray(spans)) for (const entry of spans) raw.push(entry && typeof entry === 'object' ? [entry.start, entry.end, entry.label] : [undefined, undefined, undefined]);
    else if (label !== undefined || spans !== undefined) throw new ImportProblem(file, lineNo, '"label" or "spans" must be a list.');
    const { text, fromCodePoint } = normalizeWithOffsets(original);
    const fields = newsroomFields(file, lineNo, row as Record<string, unknown>);
    const planned: PlannedSpan[] = (task.accepted ? raw : []).map(([start, end, name], k) => {
      const s = typeof start === 'number' ? fromCodePoint(start) : null;
      const e = typeof end === 'number' ? fromCodePoint(end) : null;
      if (s === null || e === null || !(s < e)) throw new ImportProblem(file, lineNo, `span ${k + 1} has no valid start and end inside the text (${JSON.stringify([start, end])}).`);
      if (typeof name !== 'string' || !name.trim()) throw new ImportProblem(file, lineNo, `span ${k + 1} has no label name.`);
      return { ...(task.author && { author: task.author }), ...fields(start, end, name, k), start: s, end: e, label: name.trim() };
    });
    const name = typeof title === 'string' && title.trim() ? title.trim() : typeof id === 'string' && id.trim() ? id.trim() : (task.title ?? `${base}-${lineNo}`);
    documents.push({ fileName: `${name}.txt`, title: name, text, spans: planned, ...plannedSourceUrl((row as { url?: unknown }).url ?? (row as { meta?: { url?: unknown } }).meta?.url), ...plannedStory(row, (row as { meta?: unknown }).meta) });
  });
  if (documents.length === 0) throw new ImportProblem(file, null, 'there is no line with a text in it.');
  settleIds(documents.flatMap((d) => d.spans));
  return documents;
}
