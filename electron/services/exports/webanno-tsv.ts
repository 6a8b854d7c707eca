// WebAnno TSV 3.3, the format INCEpTION imports: one .tsv per document and annotator
// (INCEpTION keeps one annotation document per user), in a folder <document>/<annotator>.tsv.
//
//   #FORMAT=WebAnno TSV 3.3
//   #T_SP=webanno.custom.Newsroom|label|speaker|quoteKind|claimStatus|note
//   (two empty lines)
//   #Text=“We will not,” Ana said.
//   1-1<TAB>0-1<TAB>“<TAB>Quote[1]<TAB>Ana Lima[1]<TAB>direct[1]<TAB>*[1]<TAB>*[1]<TAB>
//   ...                                   (an empty line between sentences)
//
// The rules, from INCEpTION's user guide, "WebAnno TSV 3.3 File format"
// (inception-io-webanno-tsv/src/main/resources/META-INF/asciidoc/user-guide/webannotsv.adoc),
// checked against its writer and reader (Tsv3XSerializer, Tsv3XDeserializer, Escaping):
// - Offsets count UTF-16 code units, as Java does ("Encoding and Offsets"): ours already do.
// - The header is the format line and one `#T_SP=` line per span layer, its features after `|`;
//   then two empty lines ("File Header"). Our layer is the custom span layer
//   webanno.custom.Newsroom, which must exist in the INCEpTION project before the import.
// - Each sentence is `#Text=` lines (the sentence's text, one line per line of it), then its
//   tokens, then an empty line; the sentence's first token starts where its text starts
//   ("Sentence Representation"). The reader rebuilds the document's text from the sentences and
//   pads the space between them, so the offsets hold; text between sentences is not kept.
// - In `#Text=` the control characters, tab, CR, form feed, backspace and backslash are escaped
//   (Escaping.escapeText); in feature values \ [ ] | _ -> ; tab and line feed are
//   ("Reserved Characters", Escaping.escapeValue). A CR in a note becomes a line feed, since
//   escapeValue has no escape for it and Java's reader ends a line there.
// - A token line is `sentence-token<TAB>begin-end<TAB>token<TAB>` then each feature column
//   followed by a tab, as the writer prints it ("Token and Sub-token Annotations"). `_` is a
//   column with no annotation, `*` an annotation whose feature is empty ("Span Annotations").
// - A highlight over several tokens, or stacked with another on one token, carries a
//   disambiguation id `[n]` on each of its values; stacked values are joined by `|`, in the same
//   order in every column of the layer ("Disambiguation IDs"; the reader matches a unit's
//   values across columns by their place in the stack).
// - A highlight that starts or ends inside a token is written on a sub-token `1-3.1` covering
//   just its part of that token ("Sub-token positions"), so its offsets stay exact. One that
//   starts or ends in the white space between tokens is shortened to the tokens inside (the
//   guide's note under "Span Annotations": the space is not addressable) and listed in the
//   warnings; one over white space alone is left out and listed.
import type { Annotation } from '../../contract/api.js';
import { byAuthor, UNNAMED_AUTHOR_LAYER } from './author-layers.js';
import type { ExportFile } from './brat.js';
import type { ConllWarning } from './conll.js';
import { labelName, type Dataset } from './dataset.js';
import { tokenize, type Token } from './tokens.js';

export const WEBANNO_LAYER = 'webanno.custom.Newsroom';
export const WEBANNO_FEATURES = ['label', 'speaker', 'quoteKind', 'claimStatus', 'note'] as const;

const VALUE_ESCAPES: [string, string][] = [
  ['\\', '\\\\'],
  ['[', '\\['],
  [']', '\\]'],
  ['|', '\\|'],
  ['_', '\\_'],
  ['->', '\\->'],
  [';', '\\;'],
  ['\t', '\\t'],
  ['\n', '\\n'],
  ['*', '\\*'],
];

/** A feature value as Escaping.escapeValue writes it (one pass, so an escape is never escaped again). */
export function escapeValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const hit = VALUE_ESCAPES.find(([from]) => value.startsWith(from, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length - 1;
    } else out += value[i];
  }
  return out;
}

/** A `#Text=` line as Escaping.escapeText writes it. */
export function escapeText(line: string): string {
  return line.replace(/[\x00-\x1f\\]/g, (c) => {
    const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '\b': '\\b', '\\': '\\\\' };
    if (named[c]) return named[c];
    const code = c.charCodeAt(0);
    return code > 7 && code < 14 ? c : `\\${c}`; // 11 (\v) stays as it is
  });
}

interface Unit {
  id: string;
  start: number;
  end: number;
  /** The highlights on this token or sub-token, in one order for every column. */
  on: Annotation[];
}

/** A file name that stays inside the export folder (any script kept). */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '').trim();

export function toWebAnnoTsv(dataset: Dataset): { files: ExportFile[]; warnings: ConllWarning[] } {
  const files: ExportFile[] = [];
  const warnings: ConllWarning[] = [];
  const used = new Set<string>();
  for (const { document, text, annotations } of dataset.documents) {
    let base = safeName(document.fileName.replace(/\.[^.]+$/, '')) || document.id;
    if (used.has(base.toLowerCase())) base = `${base}-${document.id}`;
    used.add(base.toLowerCase());
    const tokens = tokenize(text);
    const layers = annotations.length ? byAuthor(annotations) : new Map([[UNNAMED_AUTHOR_LAYER, []]]);
    for (const [author, layer] of layers) {
      const warn = (a: Annotation, reason: string) =>
        warnings.push({ documentId: document.id, annotationId: a.id, label: labelName(dataset, a.labelId), text: a.text, reason: `${reason} (${author}'s file)` });
      files.push({ name: `${base}/${safeName(author) || '_'}.tsv`, content: tsvFile(dataset, text, tokens, layer, warn) });
    }
  }
  return { files, warnings };
}

function tsvFile(dataset: Dataset, text: string, tokens: Token[], annotations: Annotation[], warn: (a: Annotation, reason: string) => void): string {
  // Sentences of tokens, and each token's units: the token, then its sub-tokens.
  const sentences: Token[][] = [];
  let sentence: Token[] = [];
  for (const token of tokens) {
    sentence.push(token);
    if (token.last) (sentences.push(sentence), (sentence = []));
  }
  if (sentence.length) sentences.push(sentence);
  const tokenUnits = new Map<Token, Unit>();
  const subUnits = new Map<Token, Unit[]>();
  sentences.forEach((s, si) => s.forEach((t, ti) => tokenUnits.set(t, { id: `${si + 1}-${ti + 1}`, start: t.start, end: t.end, on: [] })));
  const subUnit = (t: Token, start: number, end: number) => {
    const list = subUnits.get(t) ?? [];
    subUnits.set(t, list);
    let unit = list.find((u) => u.start === start && u.end === end);
    if (!unit) list.push((unit = { id: '', start, end, on: [] }));
    return unit;
  };
  const sorted = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const unitsOf = new Map<Annotation, Unit[]>();
  for (const a of sorted) {
    const units: Unit[] = [];
    for (const t of tokens) {
      if (t.end <= a.start || t.start >= a.end) continue;
      units.push(t.start >= a.start && t.end <= a.end ? tokenUnits.get(t)! : subUnit(t, Math.max(t.start, a.start), Math.min(t.end, a.end)));
    }
    if (!units.length) {
      warn(a, 'covers only white space, which WebAnno TSV cannot show; left out');
      continue;
    }
    if (units[0]!.start !== a.start || units[units.length - 1]!.end !== a.end) warn(a, 'starts or ends in white space between tokens; WebAnno TSV shortens it to the tokens inside');
    for (const unit of units) unit.on.push(a);
    unitsOf.set(a, units);
  }
  // Disambiguation ids: for a highlight over several units, or stacked with another on one.
  const ids = new Map<Annotation, number>();
  for (const a of sorted) {
    const units = unitsOf.get(a);
    if (units && (units.length > 1 || units.some((u) => u.on.length > 1))) ids.set(a, ids.size + 1);
  }
  const values = (a: Annotation): (string | undefined)[] => {
    const speaker = a.speakerId ? dataset.speakers.get(a.speakerId)?.name : undefined;
    return [labelName(dataset, a.labelId), speaker, a.quoteKind, a.claim?.status, a.note.replace(/\r\n?/g, '\n')];
  };
  const row = (unit: Unit) => {
    const columns = WEBANNO_FEATURES.map((_, f) => {
      if (!unit.on.length) return '_';
      return unit.on
        .map((a) => {
          const value = values(a)[f];
          const id = ids.get(a);
          return `${value ? escapeValue(value) : '*'}${id === undefined ? '' : `[${id}]`}`;
        })
        .join('|');
    });
    return `${unit.id}\t${unit.start}-${unit.end}\t${text.slice(unit.start, unit.end)}\t${columns.map((c) => `${c}\t`).join('')}`;
  };
  const lines = ['#FORMAT=WebAnno TSV 3.3', `#T_SP=${WEBANNO_LAYER}|${WEBANNO_FEATURES.join('|')}`, ''];
  for (const s of sentences) {
    lines.push('');
    for (const line of text.slice(s[0]!.start, s[s.length - 1]!.end).split('\n')) lines.push(`#Text=${escapeText(line)}`);
    for (const t of s) {
      const unit = tokenUnits.get(t)!;
      lines.push(row(unit));
      const subs = (subUnits.get(t) ?? []).sort((x, y) => x.start - y.start || x.end - y.end);
      subs.forEach((sub, k) => lines.push(row({ ...sub, id: `${unit.id}.${k + 1}` })));
    }
  }
  return `${lines.join('\n')}\n`;
}
