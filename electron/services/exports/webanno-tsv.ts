// WebAnno TSV 3.3, the format INCEpTION imports: one .tsv per document and annotator
// (INCEpTION keeps one annotation document per user), named <document>.<annotator>.tsv in one
// folder, so that importing several into one INCEpTION project never meets a name twice.
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

/** A unit's columns when no highlight is on it. */
const NO_ANNOTATION = '_\t'.repeat(WEBANNO_FEATURES.length);

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
  start: number;
  end: number;
  /** The highlights on this token or sub-token, in one order for every column. */
  on: Annotation[];
}

/** What every annotator's file of a document shares: its tokens, each token line's start, each sentence's #Text lines. */
interface Skeleton {
  tokens: Token[];
  ids: string[];
  /** Each token's line with no highlight on it (the first three fields, then `_` columns). */
  heads: string[];
  /** Index of each sentence's first token, and its #Text lines. */
  sentences: { first: number; textLines: string[] }[];
}

function skeleton(text: string): Skeleton {
  const tokens = tokenize(text);
  const ids: string[] = [];
  const heads: string[] = [];
  const sentences: Skeleton['sentences'] = [];
  let first = 0;
  tokens.forEach((t, k) => {
    const id = `${sentences.length + 1}-${k - first + 1}`;
    ids.push(id);
    heads.push(`${id}\t${t.start}-${t.end}\t${text.slice(t.start, t.end)}\t${NO_ANNOTATION}`);
    if (t.last || k === tokens.length - 1) {
      const textLines = text.slice(tokens[first]!.start, t.end).split('\n').map((line) => `#Text=${escapeText(line)}`);
      sentences.push({ first, textLines });
      first = k + 1;
    }
  });
  return { tokens, ids, heads, sentences };
}

/** A file name that stays inside the export folder (any script kept). */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '').trim();

export function toWebAnnoTsv(dataset: Dataset): { files: ExportFile[]; warnings: ConllWarning[] } {
  const files: ExportFile[] = [];
  const warnings: ConllWarning[] = [];
  const used = new Set<string>();
  const unique = ([base, rest]: [string, string], documentId: string) => {
    let file = `${base}.${rest}.tsv`;
    if (used.has(file.toLowerCase())) file = `${base}-${documentId}.${rest}.tsv`;
    used.add(file.toLowerCase());
    return file;
  };
  for (const { document, text, annotations } of dataset.documents) {
    const base = safeName(document.fileName.replace(/\.[^.]+$/, '')) || document.id;
    const shared = skeleton(text);
    const layers = annotations.length ? byAuthor(annotations) : new Map([[UNNAMED_AUTHOR_LAYER, []]]);
    for (const [author, layer] of layers) {
      const warn = (a: Annotation, reason: string) =>
        warnings.push({ documentId: document.id, annotationId: a.id, label: labelName(dataset, a.labelId), text: a.text, reason: `${reason} (${author}'s file)` });
      files.push({ name: unique([base, safeName(author) || '_'], document.id), content: tsvFile(dataset, text, shared, layer, warn) });
    }
  }
  return { files, warnings };
}

function tsvFile(dataset: Dataset, text: string, { tokens, ids: unitIds, heads, sentences }: Skeleton, annotations: Annotation[], warn: (a: Annotation, reason: string) => void): string {
  // The units this annotator's highlights are on: whole tokens (by index), and sub-tokens.
  const tokenUnits = new Map<number, Unit>();
  const subUnits = new Map<number, Unit[]>();
  const tokenUnit = (k: number) => {
    let unit = tokenUnits.get(k);
    if (!unit) tokenUnits.set(k, (unit = { start: tokens[k]!.start, end: tokens[k]!.end, on: [] }));
    return unit;
  };
  const subUnit = (k: number, start: number, end: number) => {
    const list = subUnits.get(k) ?? [];
    subUnits.set(k, list);
    let unit = list.find((u) => u.start === start && u.end === end);
    if (!unit) list.push((unit = { start, end, on: [] }));
    return unit;
  };
  const sorted = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const unitsOf = new Map<Annotation, Unit[]>();
  for (const a of sorted) {
    const units: Unit[] = [];
    for (let k = firstTokenEndingAfter(tokens, a.start); k < tokens.length && tokens[k]!.start < a.end; k++) {
      const t = tokens[k]!;
      units.push(t.start >= a.start && t.end <= a.end ? tokenUnit(k) : subUnit(k, Math.max(t.start, a.start), Math.min(t.end, a.end)));
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
  // Each highlight's columns, escaped and with its id, worked out once.
  const cells = new Map<Annotation, string[]>();
  const cellsOf = (a: Annotation) => {
    let out = cells.get(a);
    if (!out) {
      const speaker = a.speakerId ? dataset.speakers.get(a.speakerId)?.name : undefined;
      const id = ids.get(a);
      const values = [labelName(dataset, a.labelId), speaker, a.quoteKind, a.claim?.status, a.note.replace(/\r\n?/g, '\n')];
      out = values.map((value) => `${value ? escapeValue(value) : '*'}${id === undefined ? '' : `[${id}]`}`);
      cells.set(a, out);
    }
    return out;
  };
  // A highlight over 20 tokens writes the same columns 20 times: made once.
  const alone = new Map<Annotation, string>();
  const columns = (unit: Unit | undefined) => {
    if (!unit?.on.length) return NO_ANNOTATION;
    if (unit.on.length === 1) {
      const a = unit.on[0]!;
      let out = alone.get(a);
      if (out === undefined) alone.set(a, (out = cellsOf(a).map((cell) => `${cell}\t`).join('')));
      return out;
    }
    const on = unit.on.map(cellsOf);
    return WEBANNO_FEATURES.map((_, f) => `${on.map((c) => c[f]).join('|')}\t`).join('');
  };
  const lines = ['#FORMAT=WebAnno TSV 3.3', `#T_SP=${WEBANNO_LAYER}|${WEBANNO_FEATURES.join('|')}`, ''];
  sentences.forEach(({ first, textLines }, s) => {
    lines.push('', ...textLines);
    const next = sentences[s + 1]?.first ?? tokens.length;
    for (let k = first; k < next; k++) {
      const unit = tokenUnits.get(k);
      lines.push(unit ? heads[k]!.slice(0, -NO_ANNOTATION.length) + columns(unit) : heads[k]!);
      // Most tokens have no sub-token: no list is made or sorted for them.
      const subs = subUnits.get(k)?.sort((x, y) => x.start - y.start || x.end - y.end);
      subs?.forEach((sub, n) => lines.push(`${unitIds[k]}.${n + 1}\t${sub.start}-${sub.end}\t${text.slice(sub.start, sub.end)}\t${columns(sub)}`));
    }
  });
  return `${lines.join('\n')}\n`;
}

/** The first token that ends after `offset` (tokens are in text order): a binary search, for 50,000-highlight transcripts. */
function firstTokenEndingAfter(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
