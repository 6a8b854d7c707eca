// Documents as they really arrive — text, Markdown, web pages, Word files, PDFs, subtitles and
// transcripts, in the encodings newsrooms meet — turned into the normalized text every offset
// refers to, or refused with a message that says what is wrong and what to do. This runs in the
// reader worker (worker.ts); everyone else calls readDocument in index.ts.
import { ApiError, UNENCODED_FORMATS, type DocumentFormat, type TextEncoding } from '../../contract/api.js';
import { baseNameOf, checkDocumentSize, extensionOf, refuseBlank, refuseEmpty } from './checks.js';
import { readWordDocument } from './docx.js';
import { readPdfDocument } from './pdf.js';
import { decodeDocumentBytes, type DecodedText } from './encoding.js';
import { declaredCharset, readWebPage } from './html.js';
import { normalizeText, normalizeWithOffsets } from './normalize.js';
import { readSubtitles } from './subtitles.js';
import { findTranscriptTurns, looksLikeTranscript, transcriptSpeakers, type TranscriptTurn } from './transcript.js';

export interface ReadDocument {
  title: string;
  text: string;
  format: DocumentFormat;
  encoding: TextEncoding;
  encodingDetected: boolean;
  sourceUrl: string | null;
  /** Where each page starts (paged formats: PDF), as documentSummarySchema's pageStarts. */
  pageStarts?: number[];
  /** What the file says of the story (a page's meta tags, a PDF's properties), when it does; see documentSummarySchema. */
  headline?: string | null;
  outlet?: string | null;
  byline?: string | null;
  publishedOn?: string | null;
}

export interface ReadDocumentOptions {
  /** Read the bytes as this encoding instead of detecting it. */
  encoding?: TextEncoding;
}

/** Each ending this version reads, and the format it is read as. */
const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.srt': 'srt',
  '.vtt': 'vtt',
};

/** A format in a sentence ("… is a PDF: …"). */
export const FORMAT_LABELS: Record<DocumentFormat, string> = {
  text: 'text file',
  markdown: 'Markdown file',
  html: 'web page',
  docx: 'Word document',
  pdf: 'PDF',
  srt: 'subtitle file',
  vtt: 'subtitle file',
  transcript: 'transcript',
};

export const DOCUMENT_EXTENSIONS: string[] = Object.keys(FORMAT_BY_EXTENSION);

/** ".txt, .text, ... or .vtt", for messages. */
export const documentExtensionList = (): string => `${DOCUMENT_EXTENSIONS.slice(0, -1).join(', ')} or ${DOCUMENT_EXTENSIONS.at(-1)}`;

export function documentFormatOf(fileName: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extensionOf(fileName)];
}

/** Reads a text-based file (everything but .docx and .pdf); synchronous, as no format needs to wait. */
export function readTextDocument(fileName: string, bytes: Uint8Array, options: ReadDocumentOptions = {}): ReadDocument {
  const name = baseNameOf(fileName);
  const format = documentFormatOf(name);
  if (!format || UNENCODED_FORMATS.includes(format)) refuseUnsupported(name);
  checkDocumentSize(name, bytes.length);
  if (bytes.length === 0) refuseEmpty(name);
  const decoded: DecodedText = decodeDocumentBytes(name, bytes, {
    encoding: options.encoding,
    declared: format === 'html' ? declaredCharset(bytes) : null,
    declaredWhere: 'its <meta charset>',
  });
  const text = normalizeText(decoded.text);
  if (text.trim() === '') refuseBlank(name);
  const base = { title: titleOf(name), encoding: decoded.encoding, encodingDetected: decoded.encodingDetected, sourceUrl: null };
  if (format === 'html') {
    const page = readWebPage(name, text);
    if (page.text.trim() === '') {
      throw new ApiError('empty-file', `"${name}" is a web page with no readable text in it, so there is nothing to annotate. Check that you saved the whole page (in the browser: Save Page As, "Web Page, Complete" or "HTML Only").`);
    }
    const { headline, outlet, byline, publishedOn } = page;
    return { ...base, format, title: page.title ?? base.title, text: page.text, sourceUrl: page.sourceUrl, headline, outlet, byline, publishedOn };
  }
  if (format === 'srt' || format === 'vtt') {
    const subtitles = readSubtitles(name, text, format);
    return { ...base, format, title: subtitles.title ?? base.title, text: subtitles.text };
  }
  if (format === 'text' && looksLikeTranscript(text)) return { ...base, format: 'transcript', text };
  return { ...base, format, text };
}

/** Reads any document on this thread: only the reader worker (and tests of the readers) should. */
export async function readDocumentHere(fileName: string, bytes: Uint8Array, options: ReadDocumentOptions = {}): Promise<ReadDocument> {
  const name = baseNameOf(fileName);
  const format = documentFormatOf(name);
  if (!format || !UNENCODED_FORMATS.includes(format)) return readTextDocument(name, bytes, options);
  checkDocumentSize(name, bytes.length);
  if (bytes.length === 0) refuseEmpty(name);
  if (format === 'pdf') {
    const pdf = await readPdfDocument(name, bytes);
    // Built by the layout with \n only and no BOM: already normalized, so the page starts hold.
    return {
      title: pdf.title ?? titleOf(name),
      text: pdf.text,
      format,
      encoding: 'utf-8',
      encodingDetected: false,
      sourceUrl: null,
      pageStarts: pdf.pageStarts,
      headline: pdf.title,
      byline: pdf.byline,
      publishedOn: pdf.publishedOn,
    };
  }
  const word = await readWordDocument(name, bytes);
  const text = normalizeText(word.text);
  if (text.trim() === '') refuseBlank(name);
  // A .docx is zipped XML, always Unicode: there is no encoding to choose.
  return { title: word.title ?? titleOf(name), text, format: 'docx', encoding: 'utf-8', encodingDetected: false, sourceUrl: null };
}

function titleOf(name: string): string {
  const ext = extensionOf(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** What a person is told about a file that is not a document the app reads. */
export const unsupportedDocumentMessage = (name: string): string =>
  `"${name}" is not a kind of document this version can open. Open a ${documentExtensionList()} file instead.`;

function refuseUnsupported(name: string): never {
  throw new ApiError('unsupported', unsupportedDocumentMessage(name));
}

export { checkDocumentSize, findTranscriptTurns, normalizeText, normalizeWithOffsets, transcriptSpeakers, type TranscriptTurn };
export { firstInvalidUtf8Offset, isTextEncoding } from './encoding.js';
