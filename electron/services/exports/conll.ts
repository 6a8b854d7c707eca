// CoNLL-2003-style BIO tags, one token a line: "token _ _ B-Quote", a blank line between
// sentences, "-DOCSTART- -X- -X- O" before each document.
//
// The tokenization rule: a token is a run of letters, digits and combining marks, which may be
// joined by an apostrophe or a hyphen between two of them ("don't", "long-term", "U.N" is "U",
// ".", "N", "."); every other character that is not white space is a token of its own. A
// sentence ends after ".", "!" or "?" (and any closing quotes) when white space and then a
// capital letter, a digit, an opening quote or the end of the text follow ("U.N. plan" does not
// end one), and at every line break.
//
// A span that does not start and end on token boundaries, or that overlaps a span already
// tagged (BIO cannot show overlaps), is never stretched or silently dropped: it is left out of
// the tags and listed in the warnings.
import type { Annotation } from '../../contract/api.js';
import { labelName, type Dataset } from './dataset.js';

export interface Token {
  start: number;
  end: number;
  /** Ends a sentence. */
  last: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (c === '\n' && tokens.length) tokens[tokens.length - 1]!.last = true;
      i++;
      continue;
    }
    let end = i + 1;
    if (WORD.test(c)) {
      while (end < text.length && (WORD.test(text[end]!) || (/['’-]/.test(text[end]!) && WORD.test(text[end + 1] ?? '')))) end++;
    } else if (c >= '\ud800' && c <= '\udbff') {
      end = i + 2; // an emoji or other astral character is one token, never half of one
    }
    tokens.push({ start: i, end, last: false });
    i = end;
  }
  // Sentence ends: . ! ? (then closing quotes) before white space or the end.
  for (let k = 0; k < tokens.length; k++) {
    const t = text.slice(tokens[k]!.start, tokens[k]!.end);
    if (!/^[.!?]$/.test(t)) continue;
    let j = k;
    while (j + 1 < tokens.length && /^["”’»)]$/.test(text.slice(tokens[j + 1]!.start, tokens[j + 1]!.end)) && tokens[j + 1]!.start === tokens[j]!.end) j++;
    const after = text[tokens[j]!.end];
    if (after !== undefined && !/\s/.test(after)) continue;
    const next = tokens[j + 1];
    if (!next || /^[\p{Lu}\p{N}"“«'‘(]/u.test(text[next.start]!)) tokens[j]!.last = true;
  }
  if (tokens.length) tokens[tokens.length - 1]!.last = true;
  return tokens;
}

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
