// One tokenizer for CoNLL, the agreement figures and every token format (Prodigy, Hugging Face,
// and whatever else needs tokens). It is right in every script because it never looks at single
// UTF-16 units:
//
// - Characters are grapheme clusters (Intl.Segmenter, granularity "grapheme"; Unicode UAX #29):
//   a ZWJ emoji sequence (👩‍👩‍👧), a flag (🇯🇵), an emoji with a skin tone (👍🏽), a letter with
//   combining accents (e + U+0301) and an astral letter (𠮷, 𐌰) are each one character, never cut.
// - Words have UAX #29's boundaries. In scripts written without spaces (Han, kana, Thai, Lao,
//   Khmer, Myanmar) they are Intl.Segmenter's, granularity "word", locale "und", which uses ICU's
//   dictionaries: "田中花子さんは東京に行った" is 田中 | 花子 | さん | は | 東京 | に | 行 | っ | た,
//   and Thai is cut into its words. Elsewhere a quick scan gives the same words (UAX #29 joins
//   nothing else there that the rules below would keep): a run of letters of any script, astral
//   ones included ("𐌰𐌱𐌲", "𝐀BC"), is one word.
// - Inside a word, a token is a run of letters, digits and marks that may be joined by an
//   apostrophe between two of them ("don't", "l’homme"), or by "." or "," between two
//   digits ("3.5", "1,000"); every other character splits it and is a token of its own, so "U.N."
//   is U . N . and "a:b" is a : b.
// - Two words with one hyphen between them and no space are one token ("long-term",
//   "state-of-the-art").
// - Every other visible character (punctuation, symbols, emoji) is a token of its own. White
//   space and invisible format characters (zero-width space, joiners and direction marks on their
//   own, a BOM) are not tokens.
// - A sentence ends at every line break; after "." "!" "?" (and closing quotes or brackets right
//   after) when white space follows and then a capital letter, a letter of a script without
//   capitals, a digit, an opening quote or bracket, or the end of the text ("U.N. plan" does not
//   end one); and always after the full stops of scripts that write none before the next sentence
//   or have no capitals: 。 ！ ？ ． ؟ । ॥ ። (with their closing brackets).
// Offsets (Token.start, Token.end) are UTF-16 positions in the text, as every span's are.

export interface Token {
  start: number;
  end: number;
  /** Ends a sentence. */
  last: boolean;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const words = new Intl.Segmenter('und', { granularity: 'word' });

/** A letter, digit or mark starts the character (a grapheme: its first code point decides). */
const WORDISH = /^[\p{L}\p{N}\p{M}]/u;
/** A word the segmenter gave that needs no look inside: letters, digits, marks and joiners only. */
const PLAIN_WORD = /^[\p{L}\p{N}\p{M}\u200c\u200d]+$/u;
const DIGIT = /^\p{N}/u;
/** Not tokens: white space and invisible format characters standing alone. */
const INVISIBLE = /^[\s\p{Cf}]/u;
const SPACES = /^\s+$/;
const ASCII = /^[\x00-\x7f]*$/;
const LINE_BREAK = /[\n\r\v\f\x85\u2028\u2029]/;
const APOSTROPHE = /^['’ʼ]$/;
const LATIN_END = /^[.!?]$/;
const SCRIPT_END = /^[。！？．؟।॥።]$/;
const CLOSING = /^["”’»)\]}」』）〕】》〉]$/;
const SENTENCE_START = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}"“«'‘(\[「『（]/u;

/** White space | a word (letters, digits, marks; an apostrophe between two, "." or "," between digits) | anything else. */
const SCAN = /(\s+)|([\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}\u200c\u200d]*(?:(?:['’ʼ]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}\u200c\u200d]*)*)|[^\s\p{L}\p{N}\p{M}][^\s\p{L}\p{N}]*/uy;
/** Scripts written without spaces between words, which ICU segments with its dictionaries. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

interface Piece {
  start: number;
  end: number;
  word: boolean;
}

export function tokenize(text: string): Token[] {
  const pieces: Piece[] = [];
  /** Indexes of the pieces after which a line break comes. */
  const breaks = new Set<number>();
  /** Where a long text without spaces was cut between segmentations (see segmentWords). */
  const forced = new Set<number>();
  const push = (piece: Piece) => {
    // word - word, with nothing between: one token.
    const prev = pieces[pieces.length - 1];
    if (piece.word && forced.size && prev?.word && prev.end === piece.start && forced.has(piece.start)) {
      prev.end = piece.end;
      return;
    }
    const hyphen = prev;
    const before = pieces[pieces.length - 2];
    if (piece.word && hyphen && before?.word && !hyphen.word && hyphen.end === piece.start && before.end === hyphen.start && isHyphen(text, hyphen) && !breaks.has(pieces.length - 2)) {
      pieces.pop();
      before.end = piece.end;
      return;
    }
    pieces.push(piece);
  };
  /** One segment of Intl.Segmenter's (or of the scan below, which gives the same for spaced text). */
  const addSegment = (segment: string, index: number, isWordLike: boolean | undefined) => {
    if (isWordLike && PLAIN_WORD.test(segment)) {
      push({ start: index, end: index + segment.length, word: true });
      return;
    }
    if (!isWordLike && SPACES.test(segment)) {
      if (LINE_BREAK.test(segment) && pieces.length) breaks.add(pieces.length - 1);
      return;
    }
    // ASCII has no clusters but \r\n (white space, not a token): each character is one.
    const chars = ASCII.test(segment)
      ? [...segment].map((c, k) => ({ text: c, start: index + k, end: index + k + 1 }))
      : [...graphemes.segment(segment)].map((g) => ({ text: g.segment, start: index + g.index, end: index + g.index + g.segment.length }));
    let run: Piece | null = null;
    chars.forEach((c, k) => {
      if (INVISIBLE.test(c.text)) {
        if (LINE_BREAK.test(c.text) && pieces.length) breaks.add(pieces.length - 1);
        run = null;
        return;
      }
      const prev = chars[k - 1];
      const next = chars[k + 1];
      if (isWordLike && WORDISH.test(c.text)) {
        if (run && run.end === c.start) run.end = c.end;
        else push((run = { start: c.start, end: c.end, word: true }));
        return;
      }
      // Joins two letters (an apostrophe) or two digits (a decimal point or thousands comma).
      const joins =
        isWordLike && run && prev && next && run.end === c.start &&
        ((APOSTROPHE.test(c.text) && WORDISH.test(prev.text) && WORDISH.test(next.text)) ||
          (/^[.,]$/.test(c.text) && DIGIT.test(prev.text) && DIGIT.test(next.text)));
      if (joins) {
        run!.end = c.end;
        return;
      }
      run = null;
      push({ start: c.start, end: c.end, word: false });
    });
  };
  // A quick scan finds white space, words and other runs; the word rules of UAX #29 for spaced
  // scripts come to the same as the scan's word pattern, so only a word with letters of a script
  // written without spaces goes to Intl.Segmenter, and only a run of other characters that is
  // not plain ASCII to the grapheme segmenter: both are slow. Plain ASCII (most of a story) is
  // read a character code at a time, where what follows it is ASCII too and so settles the
  // match exactly as the pattern would; anything else goes to the pattern.
  const scan = new RegExp(SCAN.source, SCAN.flags);
  for (let at = 0; at < text.length; ) {
    const ascii = asciiMatch(text, at);
    if (ascii > 0) {
      const code = text.charCodeAt(at);
      if (isAsciiSpace(code)) {
        if (pieces.length && hasAsciiLineBreak(text, at, ascii)) breaks.add(pieces.length - 1);
      } else if (isAsciiWordChar(code)) push({ start: at, end: ascii, word: true });
      else for (let k = at; k < ascii; k++) if (text.charCodeAt(k) > 0x1f && text.charCodeAt(k) !== 0x7f) push({ start: k, end: k + 1, word: false });
      at = ascii;
      continue;
    }
    scan.lastIndex = at;
    const m = scan.exec(text);
    if (!m) break;
    const [all, space, word] = m;
    if (space !== undefined) {
      if (pieces.length && LINE_BREAK.test(space)) breaks.add(pieces.length - 1);
    } else if (word === undefined && all.charCodeAt(0) < 0x80 && (all.length === 1 || ASCII.test(all))) {
      // Plain ASCII punctuation and symbols: a token each (control characters are not tokens).
      for (let k = 0; k < all.length; k++) if (all.charCodeAt(k) > 0x1f && all.charCodeAt(k) !== 0x7f) push({ start: at + k, end: at + k + 1, word: false });
    } else if (word === undefined && (all.length === 1 || (all.length === 2 && all.codePointAt(0)! > 0xffff))) {
      // One code point (“, —, 🔴): one character, needing no grapheme segmenter.
      if (!INVISIBLE.test(all)) push({ start: at, end: at + all.length, word: false });
    } else if (word !== undefined && UNSPACED.test(word)) {
      for (const seg of segmentWords(text, at, at + word.length, forced)) addSegment(seg.segment, seg.index, seg.isWordLike);
    } else if (word !== undefined) push({ start: at, end: at + word.length, word: true });
    else addSegment(all, at, false);
    at = scan.lastIndex;
  }
  const tokens: Token[] = pieces.map((p, k) => ({ start: p.start, end: p.end, last: breaks.has(k) }));
  markSentenceEnds(text, tokens);
  if (tokens.length) tokens[tokens.length - 1]!.last = true;
  return tokens;
}

/** A hyphen piece: "-" or "‐" alone (one code unit each). */
const isHyphen = (text: string, piece: Piece) => piece.end - piece.start === 1 && (text.charCodeAt(piece.start) === 0x2d || text.charCodeAt(piece.start) === 0x2010);

/** JavaScript's \s in ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d);
const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isAsciiWordChar = (code: number) => isAsciiDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
const hasAsciiLineBreak = (text: string, from: number, to: number) => {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) >= 0x0a && text.charCodeAt(k) <= 0x0d) return true;
  return false;
};

/**
 * Where SCAN's match at `at` ends, when the match and the character after it are ASCII (so the
 * ASCII classes settle it); 0 when the pattern must decide. The same three kinds as SCAN: white
 * space, a word (letters and digits, an apostrophe between two, "." or "," between digits), or
 * a run of anything else.
 */
function asciiMatch(text: string, at: number): number {
  const n = text.length;
  const first = text.charCodeAt(at);
  if (first >= 0x80) return 0;
  let end = at + 1;
  if (isAsciiSpace(first)) {
    while (end < n && isAsciiSpace(text.charCodeAt(end))) end++;
  } else if (isAsciiWordChar(first)) {
    for (;;) {
      while (end < n && isAsciiWordChar(text.charCodeAt(end))) end++;
      if (end >= n) return end;
      const next = text.charCodeAt(end);
      if (next >= 0x80) return 0;
      const joiner = next === 0x27 || ((next === 0x2e || next === 0x2c) && isAsciiDigit(text.charCodeAt(end - 1)));
      if (!joiner || end + 1 >= n) return end;
      const after = text.charCodeAt(end + 1);
      if (after >= 0x80) return 0;
      if (next === 0x27 ? !isAsciiWordChar(after) : !isAsciiDigit(after)) return end;
      end += 2;
    }
  } else {
    while (end < n && text.charCodeAt(end) < 0x80 && !isAsciiSpace(text.charCodeAt(end)) && !isAsciiWordChar(text.charCodeAt(end))) end++;
  }
  return end < n && text.charCodeAt(end) >= 0x80 ? 0 : end;
}

/**
 * V8's Intl.Segmenter takes time that grows with the square of the string's length (120,000
 * characters: seconds). It only ever sees one run of letters of an unspaced script (the scan
 * cuts at white space and punctuation), and a run longer than 500 characters is segmented in
 * pieces, cut between two whole characters (never before a mark or a joiner); a word the cut
 * splits is joined again (`forced`), so at worst two of the dictionary's words there are one.
 */
const PIECE = 500;
const ATTACHES = /^[\p{M}\p{Cf}\p{Emoji_Modifier}]/u;

function* segmentWords(text: string, from: number, to: number, forced: Set<number>): Generator<{ segment: string; index: number; isWordLike?: boolean }> {
  for (let start = from; start < to; ) {
    let end = Math.min(start + PIECE, to);
    if (end < to) {
      while (end > start + 1 && (isLowSurrogate(text, end) || ATTACHES.test(String.fromCodePoint(text.codePointAt(end)!)))) end--;
      forced.add(end);
    }
    for (const s of words.segment(text.slice(start, end))) yield { segment: s.segment, index: start + s.index, isWordLike: s.isWordLike };
    start = end;
  }
}

const isLowSurrogate = (text: string, p: number) => {
  const code = text.charCodeAt(p);
  return code >= 0xdc00 && code <= 0xdfff;
};

function markSentenceEnds(text: string, tokens: Token[]): void {
  // Every stop and closing mark is one code unit: a longer token is none of them.
  const single = (k: number) => tokens[k]!.end - tokens[k]!.start === 1;
  for (let k = 0; k < tokens.length; k++) {
    if (!single(k)) continue;
    const t = text[tokens[k]!.start]!;
    const latin = LATIN_END.test(t);
    if (!latin && !SCRIPT_END.test(t)) continue;
    // Closing quotes and brackets right after the stop belong to the sentence.
    let j = k;
    while (j + 1 < tokens.length && tokens[j + 1]!.start === tokens[j]!.end && single(j + 1) && CLOSING.test(text[tokens[j + 1]!.start]!)) j++;
    if (latin) {
      const after = text[tokens[j]!.end];
      if (after !== undefined && !/\s/.test(after)) continue;
      const next = tokens[j + 1];
      if (next && !SENTENCE_START.test(text.slice(next.start, next.end))) continue;
    }
    tokens[j]!.last = true;
    k = j;
  }
}

/** The first index whose `at(index)` is not below `offset` (tokens are in text order). */
function firstNotBefore(count: number, at: (index: number) => number, offset: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (at(mid) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The index of the token (or spaCy token: anything with start and end, in text order) starting
 * at `offset`, or undefined: a binary search, instead of a map of every token of every story.
 */
export function tokenStartingAt(tokens: readonly { start: number }[], offset: number): number | undefined {
  const index = firstNotBefore(tokens.length, (i) => tokens[i]!.start, offset);
  return index < tokens.length && tokens[index]!.start === offset ? index : undefined;
}

/** The index of the token ending at `offset`, or undefined (see tokenStartingAt). */
export function tokenEndingAt(tokens: readonly { end: number }[], offset: number): number | undefined {
  const index = firstNotBefore(tokens.length, (i) => tokens[i]!.end, offset);
  return index < tokens.length && tokens[index]!.end === offset ? index : undefined;
}
