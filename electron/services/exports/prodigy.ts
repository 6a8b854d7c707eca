// Prodigy JSONL: the task format of Prodigy's manual span interfaces (ner_manual, spans_manual),
// as `prodigy db-in` reads it and `db-out` writes it. One line per document and author:
//   {"text": ..., "tokens": [{"text", "start", "end", "id", "ws"}],
//    "spans": [{"start", "end", "label", "token_start", "token_end"}],
//    "_annotator_id": "Ana Reyes", "answer": "accept", "meta": {"id": ..., "title": ...}}
//
// Prodigy's rules, and where each comes from (https://prodi.gy/docs/api-interfaces, "ner_manual"
// and "spans_manual"; the task format is the same for db-in and db-out):
// - "start" and "end" are character offsets into "text", end excluded. Prodigy is Python, so a
//   character is a code point: an emoji or 𠮷 counts one (code-points.ts). Sure.
// - "tokens" are the pre-tokenized text the manual interfaces need; each has its text, its start
//   and end (code points), its index "id", and "ws": whether white space follows it. Ours come
//   from tokens.ts, the same tokens as CoNLL. Sure.
// - A span's "token_start" and "token_end" are the ids of its first and last token: token_end is
//   inclusive (the docs' "MacBook Pro" example: tokens 5 and 6, token_end 6). Sure.
// - "answer" is "accept", "reject" or "ignore"; what we export was accepted by its author. Sure.
// - "_annotator_id" names who annotated the task (Prodigy writes "<dataset>-<session>" for named
//   multi-user sessions, support.prodi.gy/t/1644); ours is the author's name as the workspace has
//   it, so one author's tasks are easy to pick out. "meta" is free data shown with the task. Sure.
// - Spans that do not start and end on token boundaries cannot be shown by the manual
//   interfaces; they are left out and listed in the warnings (as CoNLL does). Overlapping spans
//   are kept: spans_manual shows them; ner_manual and NER training want one label a token.
// - What a span cannot hold (its id, author, speaker, quote kind, claim, note and times) rides
//   in "newsroom": {"spans": [...]}, as in our JSONL (jsonl.ts), which the import reads back.
//   Prodigy keeps a task's custom properties and writes them out again with the annotation
//   (its docs on task formats: other properties are "passed through"). Fairly sure.
// - A document no one highlighted is one line with no "_annotator_id" and no spans; highlights
//   with no author's name are a line with no "_annotator_id".
import type { Annotation } from '../../contract/api.js';
import { byAuthor } from './authors.js';
import { codePointOffsets } from './code-points.js';
import type { ConllWarning } from './conll.js';
import { labelName, type Dataset } from './dataset.js';
import { storyFields } from './story-fields.js';
import { spanRecord } from './span-fields.js';
import { tokenEndingAt, tokenize, tokenStartingAt } from './tokens.js';

export function toProdigy(dataset: Dataset): { content: string; warnings: ConllWarning[] } {
  const lines: string[] = [];
  const warnings: ConllWarning[] = [];
  for (const { document, text, annotations } of dataset.documents) {
    const cp = codePointOffsets(text);
    const found = tokenize(text);
    const tokens = found.map((t, id) => ({ text: text.slice(t.start, t.end), start: cp(t.start), end: cp(t.end), id, ws: /\s/.test(text[t.end] ?? '') }));
    const warn = (a: Annotation, reason: string) => warnings.push({ documentId: document.id, annotationId: a.id, label: labelName(dataset, a.labelId), text: a.text, reason });
    const groups = byAuthor(annotations);
    // Prodigy shows "meta" with the task: the story's headline, outlet, byline and date help there too.
    const meta = { id: document.id, title: document.title, ...(document.sourceUrl && { url: document.sourceUrl }), ...storyFields(document) };
    if (groups.size === 0) lines.push(JSON.stringify({ text, tokens, spans: [], answer: 'accept', meta }));
    for (const [author, group] of groups) {
      const spans = [];
      const records = [];
      for (const a of group) {
        const first = tokenStartingAt(found, a.start);
        const last = tokenEndingAt(found, a.end);
        if (first === undefined || last === undefined) {
          warn(a, 'does not start and end on token boundaries; Prodigy spans are whole tokens');
          continue;
        }
        const span = { start: cp(a.start), end: cp(a.end), label: labelName(dataset, a.labelId) };
        spans.push({ ...span, token_start: first, token_end: last });
        records.push({ ...span, ...spanRecord(dataset, a) });
      }
      lines.push(JSON.stringify({ text, tokens, spans, ...(author && { _annotator_id: author }), answer: 'accept', meta, newsroom: { spans: records } }));
    }
  }
  return { content: lines.map((line) => `${line}\n`).join(''), warnings };
}
