// brat standoff: a .txt and an .ann per document.
//   T  text-bound span      T1<TAB>Quote 10 25<TAB>the words
//   R  attribution          R1<TAB>Attribution Arg1:T1 Arg2:T3 (Arg2: a mention of the speaker)
//   A  claim and quote data A1<TAB>Status T2 mostly-false
//   #  notes                #1<TAB>AnnotatorNotes T2<TAB>the note
//   #  speaker's name       #2<TAB>Speaker T3<TAB>Joonkook Hwang (a mention may say only "Hwang"):
//                           a note line of brat's "#ID TYPE TARGET TEXT" shape; brat's own UI
//                           writes only AnnotatorNotes, so this type is ours
//   #  what else we know, in note lines of our own types, one per field. brat's reader takes a
//      "#" line of any TYPE whose TARGET is an annotation of the file, the rest of the line as
//      its text (annotation.py, Annotations._parse_comment_annotation: "type, target =
//      data.split()"; read, not copied); the standoff page's example is AnnotatorNotes. Sure.
//      These types are ours:
//        SpeakerId T3 spk-hwang         SpeakerOtherNames T3 ["Hwang","J. Hwang"] (JSON list)
//        Author T3 Ana María (spaces kept: an A attribute's value is one token, a note's is not)
//        Id T3 q1    Created T3 <ISO time>    Modified T3 <ISO time>
//        Claim T3 {"sources":[...],"tags":[...],"reviewerNote":...} (JSON: the claim's fields
//        beside Status and CheckWorthiness, which stay A attributes)
//      Free text in a note is on one line: line breaks and tabs in a note or a name become spaces
//      (JSON fields keep theirs, escaped).
//
// brat's rules, and where each comes from (standoff page: https://brat.nlplab.org/standoff.html):
// - Offsets count characters of the .txt, from 0, end excluded (standoff page, "character
//   offsets"). brat is Python: a character is a code point, so an emoji or 𠮷 counts one. Sure.
// - The text field holds exactly the characters of the span (standoff page: "the text spanned by
//   the annotation"); brat's reader (annotation.py, TextAnnotations) refuses a file whose text
//   differs, so no white space may be collapsed: no-break spaces stay. Sure (issue 13 ran it).
// - Fragments "START END;START END" are joined by one space in the text field (standoff page,
//   the discontinuous "North America" example). Sure.
// - An .ann line cannot hold a line break; nor, without confusing every reader that splits the
//   line on tabs, a tab. So a span is cut into fragments at each tab and line break (\n, and
//   what Python's splitlines also ends a line at: \v \f \x1c-\x1e \x85 \u2028 \u2029), and the
//   text field shows a space there: brat's own join. The offsets stay exact, and the import
//   joins the fragments back. brat's own users meet this with entities over a line end
//   (github.com/nlplab/brat/issues/1162 and /1285: "does not match marked spans"; a fragment per
//   line is what passes). Fairly sure; Python's line ends are from its str.splitlines table.
import { codePointOffsets } from './code-points.js';
import { attributions, labelName, type Dataset } from './dataset.js';
import { speakerRecord } from './span-fields.js';

export interface ExportFile {
  name: string;
  content: string;
  /** A binary format's file (spaCy's .spacy), written and zipped as it is; `content` is then ''. */
  bytes?: Uint8Array;
}

/** What goes on disk or into a zip: the bytes of a binary file, else the text. */
export const fileBody = (file: ExportFile): string | Uint8Array => file.bytes ?? file.content;

/** brat's type and value names are single tokens. */
const token = (name: string) => name.trim().replace(/\s+/g, '_');
/** Free text on one line (notes): any run of white space becomes one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Characters an .ann line cannot hold inside a span: a span is cut into fragments there. */
export const FRAGMENT_BREAK = /[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** A span's fragments between tabs and line breaks, in UTF-16 offsets; empty ones left out. */
export function spanFragments(text: string, start: number, end: number): { start: number; end: number }[] {
  const fragments: { start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || FRAGMENT_BREAK.test(text[i]!)) {
      if (i > from) fragments.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return fragments;
}

/** A file name that stays inside the export folder. */
const safeBase = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '').trim();

export function toBrat(dataset: Dataset): ExportFile[] {
  const files: ExportFile[] = [];
  const used = new Set<string>();
  for (const { document, text, annotations } of dataset.documents) {
    const cp = codePointOffsets(text);
    const lines: string[] = [];
    const tIds = new Map<string, string>();
    let a = 0;
    let note = 0;
    let index = 0;
    for (const annotation of annotations) {
      const fragments = spanFragments(text, annotation.start, annotation.end);
      // A span of tabs and line breaks only has no characters brat could show.
      if (!fragments.length) continue;
      const t = `T${++index}`;
      tIds.set(annotation.id, t);
      const offsets = fragments.map((f) => `${cp(f.start)} ${cp(f.end)}`).join(';');
      const words = fragments.map((f) => text.slice(f.start, f.end)).join(' ');
      lines.push(`${t}\t${token(labelName(dataset, annotation.labelId))} ${offsets}\t${words}`);
      if (annotation.quoteKind) lines.push(`A${++a}\tQuoteKind ${t} ${annotation.quoteKind}`);
      if (annotation.claim) {
        lines.push(`A${++a}\tStatus ${t} ${token(annotation.claim.status)}`);
        if (annotation.claim.checkWorthiness) lines.push(`A${++a}\tCheckWorthiness ${t} ${annotation.claim.checkWorthiness}`);
      }
      const notes = (type: string, value: string) => lines.push(`#${++note}\t${type} ${t}\t${value}`);
      if (annotation.note.trim()) notes('AnnotatorNotes', oneLine(annotation.note));
      const speaker = speakerRecord(dataset, annotation);
      if (speaker?.name.trim()) {
        notes('Speaker', oneLine(speaker.name));
        notes('SpeakerId', speaker.id);
        notes('SpeakerOtherNames', JSON.stringify(speaker.otherNames));
      }
      // Written when empty too: "no annotator name was set" is not "this file does not say".
      notes('Author', oneLine(annotation.author));
      notes('Id', annotation.id);
      notes('Created', oneLine(annotation.createdAt));
      notes('Modified', oneLine(annotation.updatedAt));
      if (annotation.claim) {
        // Status and a check-worthiness are A attributes; the rest (and "no check-worthiness") here.
        const { status: _status, checkWorthiness, ...rest } = annotation.claim;
        notes('Claim', JSON.stringify({ ...rest, ...(checkWorthiness === null && { checkWorthiness }) }));
      }
    }
    // Attribution: each quote or claim to the nearest mention of its speaker in the same text.
    attributions(annotations.filter((a) => tIds.has(a.id))).forEach(({ said, by }, r) => lines.push(`R${r + 1}\tAttribution Arg1:${tIds.get(said.id)} Arg2:${tIds.get(by.id)}`));
    // Two documents from files of the same name must not overwrite each other.
    let base = safeBase(document.fileName) || document.id;
    if (used.has(base.toLowerCase())) base = `${base}-${document.id}`;
    used.add(base.toLowerCase());
    files.push({ name: `${base}.txt`, content: text }, { name: `${base}.ann`, content: lines.length ? `${lines.join('\n')}\n` : '' });
  }
  return files;
}
