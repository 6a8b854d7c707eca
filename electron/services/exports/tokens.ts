// One tokenizer for CoNLL, the agreement figures and every token format.
//
// The tokenization rule: a token is a run of letters, digits and combining marks, which may be
// joined by an apostrophe or a hyphen between two of them ("don't", "long-term", "U.N" is "U",
// ".", "N", "."); every other character that is not white space is a token of its own. A
// sentence ends after ".", "!" or "?" (and any closing quotes) when white space and then a
// capital letter, a digit, an opening quote or the end of the text follow ("U.N. plan" does not
// end one), and at every line break.

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

