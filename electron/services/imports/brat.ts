// brat standoff: an .ann beside its .txt. T spans (offsets in code points; fragments joined into
// one span), R Attribution relations (Arg1 said by the speaker Arg2 names), A attributes
// (QuoteKind, Status, CheckWorthiness), # AnnotatorNotes and # Speaker (the speaker's full name,
// which the mention an Attribution points at may not spell out).
import { CHECK_WORTHINESS, QUOTE_KINDS, type CheckWorthiness, type QuoteKind } from '../../contract/api.js';
import { oneLine } from '../exports/brat.js';
import { ImportProblem, fileBaseName, normalizeWithOffsets, titleFromFileName, type PlannedDocument, type PlannedSpan } from './plan.js';

export function planBrat(annFile: string, ann: string, txtFile: string, txt: string): PlannedDocument {
  const { text, fromCodePoint } = normalizeWithOffsets(txt);
  const spans = new Map<string, PlannedSpan>();
  const later: { line: number; apply: () => void }[] = [];
  // # Speaker lines by the T they name: an Attribution to that T takes the full name.
  const named = new Map<string, string>();
  ann.split(/\r?\n/).forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.trim()) return;
    const t = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
    if (t) {
      const [, id, type, fragments, words] = t;
      const offsets = fragments!.split(/[ ;]/).map(Number);
      const start = fromCodePoint(Math.min(...offsets));
      const end = fromCodePoint(Math.max(...offsets));
      if (start === null || end === null || !(start < end)) throw new ImportProblem(annFile, lineNo, `${id}'s offsets ${fragments} are outside ${txtFile}.`);
      if (!fragments!.includes(';') && oneLine(text.slice(start, end)) !== words) {
        throw new ImportProblem(annFile, lineNo, `${id} says "${words}", but ${txtFile} has "${oneLine(text.slice(start, end))}" there.`);
      }
      spans.set(id!, { start, end, label: type!.replace(/_/g, ' ') });
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
          const name = named.get(by!) ?? text.slice(mention.start, mention.end).trim().replace(/\s+/g, ' ');
          mention.speaker = name;
          need(said!).speaker ??= name;
        },
      });
      return;
    }
    const speaker = /^#\d+\tSpeaker (T\d+)\t(.*\S.*)$/.exec(line);
    if (speaker) {
      named.set(speaker[1]!, speaker[2]!.trim());
      later.unshift({ line: lineNo, apply: () => void (need(speaker[1]!).speaker = speaker[2]!.trim()) });
      return;
    }
    const note = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/.exec(line);
    if (note) {
      later.push({ line: lineNo, apply: () => void (need(note[1]!).note = note[2]!) });
      return;
    }
    throw new ImportProblem(annFile, lineNo, 'this line is not a T, A (QuoteKind, Status, CheckWorthiness), R Attribution, # AnnotatorNotes or # Speaker line.');
  });
  for (const step of later) step.apply();
  return { fileName: fileBaseName(txtFile), title: titleFromFileName(txtFile), text, spans: [...spans.values()] };
}
