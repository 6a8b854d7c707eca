// brat standoff: a .txt and an .ann per document. Offsets are code points (brat is Python);
// a span over a line break becomes fragments, as brat does not allow one to cross a line.
//   T  text-bound span      T1<TAB>Quote 10 25<TAB>the words
//   R  attribution          R1<TAB>Attribution Arg1:T1 Arg2:T3 (Arg2: a mention of the speaker)
//   A  claim and quote data A1<TAB>Status T2 mostly-false
//   #  notes                #1<TAB>AnnotatorNotes T2<TAB>the note
//   #  speaker's name       #2<TAB>Speaker T3<TAB>Joonkook Hwang (a mention may say only "Hwang"):
//                           a note line of brat's "#ID TYPE TARGET TEXT" shape; brat's own UI
//                           writes only AnnotatorNotes, so this type is ours
import { codePointOffsets } from './code-points.js';
import { attributions, labelName, type Dataset } from './dataset.js';

export interface ExportFile {
  name: string;
  content: string;
}

/** brat's type and value names are single tokens. */
const token = (name: string) => name.trim().replace(/\s+/g, '_');
/** brat's fields are tab-separated lines: any run of white space becomes one space. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ');

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
    annotations.forEach((annotation, index) => {
      const t = `T${index + 1}`;
      tIds.set(annotation.id, t);
      // Fragments between line breaks, each with its own code-point offsets.
      const fragments: string[] = [];
      let from = annotation.start;
      for (const part of annotation.text.split('\n')) {
        const to = from + part.length;
        if (part.trim()) fragments.push(`${cp(from)} ${cp(to)}`);
        from = to + 1;
      }
      lines.push(`${t}\t${token(labelName(dataset, annotation.labelId))} ${fragments.join(';')}\t${oneLine(annotation.text)}`);
      if (annotation.quoteKind) lines.push(`A${++a}\tQuoteKind ${t} ${annotation.quoteKind}`);
      if (annotation.claim) {
        lines.push(`A${++a}\tStatus ${t} ${token(annotation.claim.status)}`);
        if (annotation.claim.checkWorthiness) lines.push(`A${++a}\tCheckWorthiness ${t} ${annotation.claim.checkWorthiness}`);
      }
      if (annotation.note.trim()) lines.push(`#${++note}\tAnnotatorNotes ${t}\t${oneLine(annotation.note)}`);
      const speaker = annotation.speakerId ? dataset.speakers.get(annotation.speakerId)?.name : undefined;
      if (speaker?.trim()) lines.push(`#${++note}\tSpeaker ${t}\t${oneLine(speaker)}`);
    });
    // Attribution: each quote or claim to the nearest mention of its speaker in the same text.
    attributions(annotations).forEach(({ said, by }, r) => lines.push(`R${r + 1}\tAttribution Arg1:${tIds.get(said.id)} Arg2:${tIds.get(by.id)}`));
    // Two documents from files of the same name must not overwrite each other.
    let base = safeBase(document.fileName) || document.id;
    if (used.has(base.toLowerCase())) base = `${base}-${document.id}`;
    used.add(base.toLowerCase());
    files.push({ name: `${base}.txt`, content: text }, { name: `${base}.ann`, content: lines.length ? `${lines.join('\n')}\n` : '' });
  }
  return files;
}
