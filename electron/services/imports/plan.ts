// Imports are planned in full before anything is written, so a malformed file imports nothing.
import { createHash } from 'node:crypto';
import { ApiError, MAX_SOURCE_URL_LENGTH, type ClaimFields, type QuoteKind } from '../../contract/api.js';
import { isWebLink } from '../../contract/link-rules.js';
import type { ReadDocument } from '../documents/index.js';
import { baseNameOf } from '../documents/checks.js';
import type { PlannedStory } from './story-fields.js';

export interface PlannedSpan {
  start: number;
  end: number;
  /** A label name (matched to the workspace's labels by name, case aside). */
  label: string;
  note?: string;
  quoteKind?: QuoteKind;
  claim?: Partial<ClaimFields>;
  /** Who said it or who is named, by name (matched to a speaker by name or other name). */
  speaker?: string;
  /** The speaker's id and other names, where the file carries them (our exports do). */
  speakerId?: string;
  speakerOtherNames?: string[];
  /** The highlight's own id, where the file carries it: importing it again then adds nothing. */
  id?: string;
  /** Who made it, where the file says: two authors' identical spans stay two highlights. */
  author?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface PlannedDocument {
  fileName: string;
  title: string;
  /** Normalized text: offsets in `spans` are UTF-16 positions in it. */
  text: string;
  spans: PlannedSpan[];
  /** How a document file was read (format, encoding, source URL), for the document's record. */
  read?: ReadDocument;
  /** Where the file is, when the command line knows: the document is then linked to it. */
  filePath?: string;
  /** The file it was read from, as the user named it (a conflict says which file brought it). */
  sourceFile?: string;
  /** What the file held that this import leaves out, said to the person (Label Studio's predictions). */
  notes?: string[];
  /** The web page the text came from, where the file says (our JSONL's "url", Label Studio's data.url). */
  sourceUrl?: string;
  /** Headline, outlet, byline and publication date, where the file says (our exports write them). */
  story?: PlannedStory;
}

/** A file's web address for a document: kept when it is an http(s) link the store can hold. */
export function plannedSourceUrl(value: unknown): { sourceUrl?: string } {
  return typeof value === 'string' && isWebLink(value) && value.length <= MAX_SOURCE_URL_LENGTH ? { sourceUrl: value } : {};
}

/** A problem in an import file, named by file and line. */
export class ImportProblem extends ApiError {
  constructor(file: string, line: number | null, message: string) {
    super('bad-request', `${file}${line === null ? '' : `:${line}`}: ${message} Nothing was imported.`);
  }
}

/** The file's name without its folder (either slash: names may come from Windows). */
export const fileBaseName = baseNameOf;

/** A document title from a file name: no folder, no extension. */
export const titleFromFileName = (file: string): string => fileBaseName(file).replace(/\.[^.]+$/, '');

/** JSON.parse that names the file (and line, for JSON Lines) when the content is not JSON. */
export function parseImportJson(file: string, content: string, line: number | null = null): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new ImportProblem(file, line, `this ${line === null ? 'is' : 'line is'} not JSON (${(error as Error).message}).`);
  }
}

/** A stable id for an imported highlight, so importing the same file twice adds it once. */
export function importedId(documentText: string, span: PlannedSpan, author = ''): string {
  // The author is part of it: two annotators marking the same words are two highlights.
  const hash = createHash('sha256').update(`${author}|${documentText.length}|${span.start}|${span.end}|${span.label.toLowerCase()}|${documentText.slice(span.start, span.end)}`).digest('hex');
  return `imp-${hash.slice(0, 24)}`;
}

/** One normalization, with its offset map, for the reader and every importer. */
export { normalizeWithOffsets } from '../documents/normalize.js';
