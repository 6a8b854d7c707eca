// Files to import, by their ending, into one plan: the same reading for the command line and
// for files chosen or dropped in the window. Nothing is written here.
import { ApiError, type TextEncoding } from '../../contract/api.js';
import { DOCUMENT_EXTENSIONS, readDocument } from '../documents/index.js';
import { sha256, type WorkspaceStore } from '../store/workspace-store.js';
import { planBrat } from './brat.js';
import { planJsonl } from './jsonl.js';
import { planLabelStudio } from './label-studio.js';
import { fileBaseName, normalizeWithOffsets, type PlannedDocument } from './plan.js';
import { planWebAnnotation, type PlannedAnnotationsForText } from './web-annotation.js';

export interface ImportInput {
  /** The file's name as the user knows it (for messages); its ending decides the format. */
  name: string;
  bytes: Uint8Array;
  /** Read a document file (not an annotation file) in this encoding instead of detecting it. */
  encoding?: TextEncoding;
  /** The file's path, when the caller knows it (the command line). */
  filePath?: string;
}

export const ANNOTATION_EXTENSIONS = ['.jsonl', '.json', '.jsonld', '.ann'];
export const IMPORT_EXTENSIONS = [...DOCUMENT_EXTENSIONS, ...ANNOTATION_EXTENSIONS];

const extension = (name: string) => (/\.[^./\\]+$/.exec(name)?.[0] ?? '').toLowerCase();
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
/** brat counts a BOM as a character (imports/brat.ts): its .txt is decoded with the BOM kept. */
const utf8WithBom = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Which file a plan was read from, for what the import reports (a conflict's file). */
const from = (name: string, plan: PlannedDocument): PlannedDocument => ({ ...plan, sourceFile: fileBaseName(name) });

/** A brat .ann is read with the .txt of the same name among the inputs. */
export async function planFiles(inputs: ImportInput[], store: WorkspaceStore): Promise<PlannedDocument[]> {
  const plans: PlannedDocument[] = [];
  const webAnnotations: { name: string; planned: PlannedAnnotationsForText[] }[] = [];
  const texts = new Map(inputs.filter((i) => extension(i.name) === '.txt').map((i) => [fileBaseName(i.name).replace(/\.txt$/i, ''), i]));
  const pairedTexts = new Set<ImportInput>();
  for (const input of inputs) {
    if (extension(input.name) !== '.ann') continue;
    const txt = texts.get(fileBaseName(input.name).replace(/\.ann$/i, ''));
    if (!txt) throw new ApiError('not-found', `${input.name}: its text (${fileBaseName(input.name).replace(/\.ann$/i, '.txt')}) is not with it; brat keeps each .ann with its .txt. Nothing was imported.`);
    pairedTexts.add(txt);
    plans.push(from(input.name, planBrat(input.name, utf8(input.bytes), fileBaseName(txt.name), utf8WithBom(txt.bytes))));
  }
  for (const input of inputs) {
    const ext = extension(input.name);
    if (ext === '.ann' || pairedTexts.has(input)) continue;
    if (DOCUMENT_EXTENSIONS.includes(ext)) {
      const read = await readDocument(fileBaseName(input.name), input.bytes, { encoding: input.encoding });
      plans.push({ fileName: fileBaseName(input.name), title: read.title, text: read.text, spans: [], read, ...(input.filePath && { filePath: input.filePath }) });
    } else if (ext === '.jsonl') plans.push(...planJsonl(input.name, utf8(input.bytes)).map((plan) => from(input.name, plan)));
    else if (ext === '.json') plans.push(...planLabelStudio(input.name, utf8(input.bytes)).map((plan) => from(input.name, plan)));
    else if (ext === '.jsonld') webAnnotations.push({ name: input.name, planned: planWebAnnotation(input.name, utf8(input.bytes)) });
    else {
      throw new ApiError(
        'unsupported',
        `${input.name}: import reads documents (${DOCUMENT_EXTENSIONS.join(', ')}) and annotation files: .jsonl (doccano, spaCy), .json (Label Studio), .jsonld (W3C) and .ann (brat, with its .txt).`,
      );
    }
  }
  // W3C annotations name their text by hash (or only by its web address): it must be in the
  // workspace or in this import.
  // The import's own texts by hash, hashed once (1,000 texts with 1,000 annotation groups).
  let byHash: Map<string, PlannedDocument> | undefined;
  const importedText = (hash: string) => {
    if (!byHash) {
      byHash = new Map();
      // The first plan of a text, as a search from the start would find.
      for (const p of plans) {
        const hash = sha256(p.text);
        if (!byHash.has(hash)) byHash.set(hash, p);
      }
    }
    return byHash.get(hash);
  };
  for (const { name, planned } of webAnnotations) {
    for (const { textHash, sourceUrl, spans, story } of planned) {
      // An undone import's document counts too: its text is kept, and it comes back by its id.
      const isIt = (d: { textHash: string; sourceUrl?: string | null }) => (textHash ? d.textHash === textHash : d.sourceUrl === sourceUrl);
      const known = store.data.documents.find(isIt) ?? store.data.removedDocuments?.find(isIt);
      const inImport = known ? undefined : textHash ? importedText(textHash) : plans.find((p) => p.read?.sourceUrl === sourceUrl);
      const text = known ? await store.readText(known) : inImport?.text;
      if (text === undefined) {
        const which = textHash ? `sha256 ${textHash.slice(0, 12)}…` : sourceUrl;
        throw new ApiError('not-found', `${name}: its annotations are of a text that is neither in the workspace nor in this import (${which}). Import the document too. Nothing was imported.`);
      }
      // The text file of this import gets the story's fields the annotations carry (a document
      // already in the workspace keeps its own).
      if (inImport && story) inImport.story = { ...story, ...inImport.story };
      const { fromCodePoint } = normalizeWithOffsets(text);
      plans.push({
        fileName: known?.fileName ?? inImport?.fileName ?? 'annotated.txt',
        title: known?.title ?? inImport?.title ?? 'annotated',
        sourceFile: fileBaseName(name),
        text,
        spans: spans.map(({ codePoints: _cp, exact, ...span }, k) => {
          const start = fromCodePoint(span.start);
          const end = fromCodePoint(span.end);
          if (start === null || end === null || !(start < end)) throw new ApiError('bad-request', `${name}: annotation ${k + 1}'s position is outside its text. Nothing was imported.`);
          if (exact !== undefined && text.slice(start, end) !== exact) {
            throw new ApiError('bad-request', `${name}: annotation ${k + 1} quotes "${exact}", but its position selects "${text.slice(start, end)}". Nothing was imported.`);
          }
          return { ...span, start, end };
        }),
      });
    }
  }
  return plans;
}
