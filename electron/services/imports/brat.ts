// brat standoff: an .ann beside its .txt. T spans, R Attribution relations (Arg1 said by the
// speaker Arg2 names), A attributes (QuoteKind, Status, CheckWorthiness), # AnnotatorNotes,
// # Speaker (the speaker's full name, which the mention an Attribution points at may not spell out)
// and the other # notes our export writes (SpeakerId, SpeakerOtherNames, Author, Id, Created,
// Modified, Claim). Notes of any other type are brat comments, and left out.
// Read as brat reads them (the format's rules, with their sources, head ../exports/brat.ts):
// - The .txt is UTF-8 read with Python's universal newlines, so \r\n and a lone \r are each
//   one \n and a \r is not counted; a BOM stays a character (brat decodes "utf8", not
//   "utf-8-sig"). Offsets are code points of that. Source: brat's reader as issue 13 ran it
//   (annotation.py's text file opening); the standoff page says only UTF-8 and "character
//   offsets". Fairly sure of both; the BOM rule is the one issue 13 observed.
// - An .ann line ends where Python's splitlines ends one (the reader reads lines so).
// - The text field begins with the fragments' characters joined by one space, exactly; past
//   white space the rest of the line is a comment (brat's format wiki: ${TEXT}${COMMENT}).
//   Our one tolerance is the export's rule: a tab or line break may be written as a space.
// - A highlight is one run of text. Fragments with only white space between them (how a span
//   over a line break or a tab is written) become one highlight; fragments with words between
//   them are refused, never stretched over those words.
import { CHECK_WORTHINESS, QUOTE_KINDS, type CheckWorthiness, type ClaimFields, type QuoteKind } from '../../contract/api.js';
import { FRAGMENT_BREAK } from '../exports/brat.js';
import { ImportProblem, fileBaseName, normalizeWithOffsets, titleFromFileName, type PlannedDocument, type PlannedSpan } from './plan.js';
import { readSpanFields, settleIds } from './span-fields.js';

/** The # note types this app writes and reads (../exports/brat.ts); others are left as comments. */
const NOTE_FIELDS = ['AnnotatorNotes', 'Speaker', 'SpeakerId', 'SpeakerOtherNames', 'Author', 'Id', 'Created', 'Modified', 'Claim'];

const ANN_LINE_END = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** The span's characters as written in the text field: equal, or a space for a tab or line break. */
function sameCharacters(written: string, chars: string): boolean {
  if (written.length !== chars.length) return false;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== written[i] && !(written[i] === ' ' && FRAGMENT_BREAK.test(chars[i]!))) return false;
  }
  return true;
}

/** How brat shows characters in a message: line breaks and tabs visible. */
const shown = (chars: string) => chars.replace(/\n/g, '\\n').replace(/\t/g, '\\t');

export function planBrat(annFile: string, ann: string, txtFile: string, txt: string): PlannedDocument {
  // brat's reading of the .txt; our text is the same without a BOM (see the header).
  const bratText = txt.replace(/\r\n?/g, '\n');
  const bom = bratText.charCodeAt(0) === 0xfeff;
  const { text, fromCodePoint } = normalizeWithOffsets(bratText);
  const spans = new Map<string, PlannedSpan>();
  const later: { line: number; apply: () => void }[] = [];
  // # Speaker lines by the T they name: an Attribution to that T takes the full name.
  const named = new Map<string, string>();
  // Every # note of ours, by the T it is on: its fields, read once the whole file is.
  const records = new Map<string, { line: number; fields: Record<string, unknown> }>();
  ann.split(ANN_LINE_END).forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.trim()) return;
    const t = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
    if (t) {
      const [, id, type, fragments, words] = t as unknown as [string, string, string, string, string];
      const pieces = fragments.split(';').map((pair, k) => {
        const [from, to] = pair.split(' ').map(Number) as [number, number];
        const start = fromCodePoint(from);
        const end = fromCodePoint(to);
        if (start === null || end === null || from > to) throw new ImportProblem(annFile, lineNo, `${id}'s offsets ${pair} are outside ${txtFile}.`);
        // A BOM is brat's character 0, and not in our text.
        const chars = (bom && from === 0 && to > 0 ? '\ufeff' : '') + text.slice(start, end);
        return { pair, k, start, end, chars };
      });
      // Each fragment checked in the order written, joined by one space as brat joins them.
      const expected = pieces.map((p) => p.chars).join(' ');
      const which = (k: number) => (pieces.length > 1 ? ` (fragment ${k + 1} of ${pieces.length}, ${pieces[k]!.pair})` : '');
      let at = 0;
      for (const piece of pieces) {
        if (piece.k > 0 && words[at++] !== ' ') throw new ImportProblem(annFile, lineNo, `${id} says "${shown(words)}", but brat's text of ${fragments} in ${txtFile} is "${shown(expected)}": fragments are joined by one space.`);
        if (!sameCharacters(words.slice(at, at + piece.chars.length), piece.chars)) {
          throw new ImportProblem(annFile, lineNo, `${id} says "${shown(words)}", but ${txtFile} has "${shown(piece.chars)}" there${which(piece.k)}.`);
        }
        at += piece.chars.length;
      }
      if (at < words.length && !/\s/.test(words[at]!)) throw new ImportProblem(annFile, lineNo, `${id} says "${shown(words)}", but ${txtFile} has "${shown(expected)}" there.`);
      // One highlight, only over white space between fragments.
      const ordered = [...pieces].filter((p) => p.start < p.end).sort((x, y) => x.start - y.start);
      if (!ordered.length) throw new ImportProblem(annFile, lineNo, `${id}'s offsets ${fragments} mark no characters of ${txtFile}.`);
      for (let k = 1; k < ordered.length; k++) {
        const gap = text.slice(ordered[k - 1]!.end, ordered[k]!.start);
        if (ordered[k]!.start < ordered[k - 1]!.end) throw new ImportProblem(annFile, lineNo, `${id}'s fragments ${fragments} overlap, which brat does not allow.`);
        if (gap.trim()) {
          throw new ImportProblem(
            annFile,
            lineNo,
            `${id} marks ${fragments}: pieces of text with "${shown(gap)}" between them. A highlight here is one run of text, so it cannot hold this span, and it is not stretched over those words.`,
          );
        }
      }
      spans.set(id, { start: ordered[0]!.start, end: ordered[ordered.length - 1]!.end, label: type.replace(/_/g, ' ') });
      return;
    }
    const need = (id: string) => {
      const span = spans.get(id);
      if (!span) throw new ImportProblem(annFile, lineNo, `${id} is not a T line of this file (T lines come first).`);
      return span;
    };
    const a = /^(A\d+)\t(QuoteKind|Status|CheckWorthiness) (T\d+) (\S+)$/.exec(line);
    if (a) {
      const [, , name, id, value] = a;
      later.push({
        line: lineNo,
        apply: () => {
          const span = need(id!);
          if (name === 'QuoteKind') {
            if (!QUOTE_KINDS.includes(value as QuoteKind)) throw new ImportProblem(annFile, lineNo, `QuoteKind is one of ${QUOTE_KINDS.join(', ')}, not "${value}".`);
            span.quoteKind = value as QuoteKind;
          } else if (name === 'Status') {
            span.claim = { ...span.claim, status: value! };
          } else {
            if (!CHECK_WORTHINESS.includes(value as CheckWorthiness)) throw new ImportProblem(annFile, lineNo, `CheckWorthiness is one of ${CHECK_WORTHINESS.join(', ')}, not "${value}".`);
            span.claim = { ...span.claim, checkWorthiness: value as CheckWorthiness };
          }
        },
      });
      return;
    }
    const r = /^(R\d+)\tAttribution Arg1:(T\d+) Arg2:(T\d+)$/.exec(line);
    if (r) {
      const [, , said, by] = r;
      later.push({
        line: lineNo,
        apply: () => {
          const mention = need(by!);
          const quote = need(said!);
          const name = named.get(by!) ?? text.slice(mention.start, mention.end).trim().replace(/\s+/g, ' ');
          mention.speaker = name;
          if (!quote.speaker) {
            quote.speaker = name;
            if (mention.speakerId) quote.speakerId = mention.speakerId;
            if (mention.speakerOtherNames) quote.speakerOtherNames = mention.speakerOtherNames;
          }
        },
      });
      return;
    }
    const noteLine = /^#\d+\t(\S+) (\S+)\t(.*)$/.exec(line);
    if (noteLine) {
      const [, type, target, value] = noteLine as unknown as [string, string, string, string];
      // brat takes notes of any type on any annotation; ours are on T lines, others' are comments.
      if (!NOTE_FIELDS.includes(type) || (!/^T\d+$/.test(target) && type === 'AnnotatorNotes')) return;
      const record = records.get(target) ?? { line: lineNo, fields: {} };
      record.line = lineNo;
      const json = () => {
        try {
          return JSON.parse(value) as unknown;
        } catch {
          throw new ImportProblem(annFile, lineNo, `the ${type} note of ${target} is not JSON (${value.slice(0, 40)}).`);
        }
      };
      const f = record.fields;
      if (type === 'AnnotatorNotes') f.note = f.note === undefined ? value : `${f.note as string}\n${value}`;
      else if (type === 'Speaker') {
        if (value.trim()) named.set(target, value.trim());
        f.speakerName = value;
      } else if (type === 'SpeakerId') f.speakerId = value.trim();
      else if (type === 'SpeakerOtherNames') f.otherNames = json();
      else if (type === 'Author') f.author = value;
      else if (type === 'Id') f.id = value.trim();
      else if (type === 'Created') f.createdAt = value.trim();
      else if (type === 'Modified') f.updatedAt = value.trim();
      else if (type === 'Claim') f.claim = json();
      records.set(target, record);
      return;
    }
    throw new ImportProblem(annFile, lineNo, 'this line is not a T, A (QuoteKind, Status, CheckWorthiness), R Attribution or # note line.');
  });
  // Notes first (a Speaker note names a mention an Attribution then points at), then A and R.
  for (const [target, { line, fields }] of records) {
    const span = spans.get(target);
    if (!span) throw new ImportProblem(annFile, line, `${target} is not a T line of this file (a note's target must be one).`);
    const { speakerName, speakerId, otherNames, claim, ...rest } = fields;
    if (claim !== undefined && (typeof claim !== 'object' || claim === null || Array.isArray(claim))) throw new ImportProblem(annFile, line, `the Claim note of ${target} must be a JSON object of claim fields.`);
    const speaker = typeof speakerName === 'string' && speakerName.trim() ? { name: speakerName, ...(speakerId !== undefined && { id: speakerId }), ...(otherNames !== undefined && { otherNames }) } : undefined;
    Object.assign(span, readSpanFields({ file: annFile, line, where: target }, { ...rest, ...(speaker && { speaker }) }));
    if (claim) span.claim = { ...(claim as Partial<ClaimFields>), ...span.claim };
  }
  for (const step of later) step.apply();
  settleIds(spans.values());
  return { fileName: fileBaseName(txtFile), title: titleFromFileName(txtFile), text, spans: [...spans.values()] };
}
