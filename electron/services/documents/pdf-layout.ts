// A PDF page is a set of text runs at positions, not a text: this puts pdf.js's runs
// (getTextContent items) back into paragraphs in reading order, and joins the pages into one text
// that records where each page starts.
//
// What it does:
// - Runs on one baseline (within half the larger font size, so a footnote mark raised above
//   the line stays in it) are one line, read left to right
//   (right to left when most of the line's runs are right-to-left); a space goes between two runs
//   when the gap between them is wider than a fifth of the font size.
// - Two columns: a vertical gap at least 10 pt wide in the middle half of the page that almost no
//   run crosses, with lines on both sides, is a gutter. Each band of the page between runs that
//   cross the gutter (a headline across both columns) is read left column first, then right.
//   Three or more columns, and tables, are read as lines across the page or column by column.
// - Lines become paragraphs at a vertical gap more than 1.35 times the usual line spacing, a
//   change of font size by a fifth, or a first-line indent (more than 1.5 font sizes in from the
//   column's left edge, after a line that was not indented).
// - A column's last line and the next column's first line stay one paragraph when the first
//   does not end a sentence and the second starts lower-case.
// - Hyphenation at line ends is repaired: a soft hyphen (U+00AD) always goes; "informa-" then
//   "tion" becomes "information" when the part after the hyphen starts lower-case, unless the
//   document itself writes the hyphenated word on one line ("well-known") and never the joined
//   one. A hyphen followed by a capital or a digit stays ("Smith-Jones", "2019-2020").
// - Lines join with a space, except between Chinese or Japanese characters.
// - Every page ends its paragraphs: pages are joined by a blank line, like paragraphs, and
//   pageStarts[i] is the UTF-16 offset where page i + 1's text starts (a page with no text
//   starts where the next one does).
//
// What it does not do: drop running headers, footers or page numbers (they stay as their own
// paragraphs), follow tagged-PDF structure, read text drawn as pictures (a scan needs OCR first),
// or rebuild tables.

/** One run of text; x and y in points from the page's top-left corner, y on the baseline. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  rtl?: boolean;
}

export interface PdfPageText {
  width: number;
  items: PlacedText[];
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** A run of lines read in order (one column of one band), with a flag for column starts. */
interface Flow {
  lines: Line[];
  /** This flow continues the previous one in another column (not after a headline band). */
  afterColumn: boolean;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // The lower middle: of two line gaps, the usual one is the smaller.
  return sorted[(sorted.length - 1) >> 1]!;
};

/** Runs sharing a baseline, as lines from top to bottom. */
function groupLines(items: PlacedText[]): Line[] {
  const sorted = items.filter((item) => item.str !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PlacedText[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last && Math.abs(item.y - last[0]!.y) <= Math.max(1, Math.max(item.size, last[0]!.size) / 2)) last.push(item);
    else groups.push([item]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    const rtl = group.filter((item) => item.rtl).length * 2 > group.length;
    group.sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
    let text = '';
    let previous: PlacedText | null = null;
    for (const item of group) {
      if (previous) {
        const gap = rtl ? previous.x - (item.x + item.width) : item.x - (previous.x + previous.width);
        if (gap > Math.min(item.size, previous.size) / 5 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      }
      text += item.str;
      previous = item;
    }
    text = text.replace(/[\u0000-\u0008\u000b-\u001f\ufffd]/g, '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    // The line's size is its longest run's: a footnote mark or a small cap does not set it.
    const size = group.reduce((longest, item) => (item.str.length > longest.str.length ? item : longest)).size;
    lines.push({ text, x: Math.min(...group.map((item) => item.x)), y: group[0]!.y, size });
  }
  return lines;
}

/** The gutter between two columns, as [left edge, right edge] in points, or null for one column. */
function findGutter(page: PdfPageText): [number, number] | null {
  const items = page.items.filter((item) => item.str.trim() !== '' && item.width > 0);
  if (items.length < 6 || page.width <= 0) return null;
  const BIN = 2;
  const bins = new Array<number>(Math.ceil(page.width / BIN) + 1).fill(0);
  for (const item of items) {
    const from = Math.max(0, Math.floor(item.x / BIN));
    const to = Math.min(bins.length - 1, Math.floor((item.x + item.width) / BIN));
    for (let b = from; b <= to; b++) bins[b]!++;
  }
  const allowed = Math.max(1, Math.floor(items.length * 0.1));
  const lo = Math.floor((page.width * 0.25) / BIN);
  const hi = Math.ceil((page.width * 0.75) / BIN);
  let best: [number, number] | null = null;
  let runStart = -1;
  for (let b = lo; b <= hi + 1; b++) {
    const open = b <= hi && bins[b]! <= allowed;
    if (open && runStart < 0) runStart = b;
    if (!open && runStart >= 0) {
      if (!best || b - runStart > best[1] - best[0]) best = [runStart, b];
      runStart = -1;
    }
  }
  if (!best || (best[1] - best[0]) * BIN < 10) return null;
  const gutter: [number, number] = [best[0] * BIN, best[1] * BIN];
  // Lines on both sides, or it is a ragged right edge, not a gutter.
  const left = groupLines(items.filter((item) => item.x + item.width <= gutter[0] + BIN));
  const right = groupLines(items.filter((item) => item.x >= gutter[1] - BIN));
  return left.length >= 3 && right.length >= 3 ? gutter : null;
}

/** The page's lines as flows in reading order. */
function pageFlows(page: PdfPageText): Flow[] {
  const gutter = findGutter(page);
  if (!gutter) return [{ lines: groupLines(page.items), afterColumn: false }];
  const BIN = 2;
  const isLeft = (item: PlacedText) => item.x + item.width <= gutter[0] + BIN;
  const isRight = (item: PlacedText) => item.x >= gutter[1] - BIN;
  // A line with a run across the gutter is read whole, columns' runs on its baseline included.
  const crossing = groupLines(page.items.filter((item) => !isLeft(item) && !isRight(item)));
  const onCut = (item: PlacedText) => crossing.some((line) => Math.abs(item.y - line.y) <= Math.max(1, line.size / 3));
  const spanning = groupLines(page.items.filter(onCut));
  const columns = page.items.filter((item) => !onCut(item));
  const flows: Flow[] = [];
  let top = -Infinity;
  // Each band ends at a line across the gutter (or at the page's foot).
  for (const cut of [...spanning, null]) {
    const bottom = cut ? cut.y : Infinity;
    const inBand = (item: PlacedText) => item.y > top && item.y < bottom;
    const left = groupLines(columns.filter((item) => isLeft(item) && inBand(item)));
    const right = groupLines(columns.filter((item) => isRight(item) && inBand(item)));
    if (left.length) flows.push({ lines: left, afterColumn: false });
    if (right.length) flows.push({ lines: right, afterColumn: left.length > 0 });
    if (cut) flows.push({ lines: [cut], afterColumn: false });
    top = bottom;
  }
  return flows;
}

const endsSentence = (text: string) => /[.!?:;"”’)\]]$/.test(text);
const startsLower = (text: string) => /^\p{Ll}/u.test(text);

/** A page's paragraphs, each as its lines. */
function pageParagraphs(page: PdfPageText): string[][] {
  const paragraphs: string[][] = [];
  for (const flow of pageFlows(page)) {
    const { lines } = flow;
    if (!lines.length) continue;
    const gaps = lines.slice(1).map((line, i) => line.y - lines[i]!.y);
    const usual = median(gaps.filter((gap, i) => gap > 0 && gap <= 2.5 * Math.max(lines[i]!.size, 1))) ?? 1.2 * (lines[0]!.size || 10);
    const leftEdge = Math.min(...lines.map((line) => line.x));
    const indented = (line: Line) => line.x - leftEdge > 1.5 * Math.max(line.size, 1);
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      let newParagraph = true;
      if (previous) {
        const gap = line.y - previous.y;
        const sizeChanged = Math.abs(line.size - previous.size) > 0.2 * Math.max(line.size, previous.size);
        newParagraph = gap > usual * 1.35 || sizeChanged || (indented(line) && !indented(previous));
      } else if (flow.afterColumn && paragraphs.length) {
        const last = paragraphs.at(-1)!.at(-1)!;
        newParagraph = endsSentence(last) || !startsLower(line.text);
      }
      if (newParagraph) paragraphs.push([line.text]);
      else paragraphs.at(-1)!.push(line.text);
    });
  }
  return paragraphs;
}

const WORD = /\p{L}+(?:-\p{L}+)*/gu;
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，．「」]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，．「」]/u;

/** Words the document writes within a line (not at a line's ends, which may be broken). */
function wordsWithinLines(paragraphs: string[][]): Set<string> {
  const words = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const line of paragraph) {
      const found = line.match(WORD) ?? [];
      for (const word of found.slice(1, -1)) words.add(word.toLowerCase());
      if (found.length === 1 && !/-$/.test(line)) words.add(found[0]!.toLowerCase());
    }
  }
  return words;
}

/** Joins a paragraph's lines, repairing hyphenation at their ends (see the header). */
function joinLines(lines: string[], words: Set<string>): string {
  let text = lines[0]!;
  for (const line of lines.slice(1)) {
    if (text.endsWith('\u00ad')) {
      text = text.slice(0, -1) + line;
      continue;
    }
    const broken = /(\p{L}+)-$/u.exec(text);
    if (broken && startsLower(line)) {
      const before = broken[1]!.toLowerCase();
      const after = (/^\p{L}+/u.exec(line)?.[0] ?? '').toLowerCase();
      const keepHyphen = words.has(`${before}-${after}`) && !words.has(before + after);
      text = (keepHyphen ? text : text.slice(0, -1)) + line;
      continue;
    }
    // Chinese and Japanese put no space between words, so none where a line breaks either.
    const unspaced = CJK_END.test(text) && CJK_START.test(line);
    text += unspaced || /[\p{L}\p{N}]-$/u.test(text) ? line : ` ${line}`;
  }
  return text.replace(/\u00ad/g, '');
}

export interface LaidOutText {
  text: string;
  pageStarts: number[];
}

/** The document's text from its pages, with where each page starts. */
export function layOutPages(pages: PdfPageText[]): LaidOutText {
  const perPage = pages.map(pageParagraphs);
  const words = wordsWithinLines(perPage.flat());
  let text = '';
  const pageStarts: number[] = [];
  // Pages with no text start where the next page with text does.
  let waiting = 0;
  for (const paragraphs of perPage) {
    const joined = paragraphs.map((lines) => joinLines(lines, words)).filter((p) => p !== '');
    waiting++;
    if (!joined.length) continue;
    if (text !== '') text += '\n\n';
    for (; waiting > 0; waiting--) pageStarts.push(text.length);
    text += joined.join('\n\n');
  }
  for (; waiting > 0; waiting--) pageStarts.push(text.length);
  return { text, pageStarts };
}
