// PDFs: their text layer read with pdf.js (pdfjs-dist, legacy build for Node) in the reader
// worker, laid out by pdf-layout.ts; the title, author and date from the file's properties.
// Refused with a message a person can act on: a scan with no text layer, a password, a damaged
// file, more pages than MAX_PAGES. A PDF that takes too long is stopped by the worker's time limit
// (index.ts), like any other file.
//
// Metadata: the Info dictionary (ISO 32000-1 §14.3.3: Title, Author, CreationDate as a PDF date
// "D:YYYYMMDDHHmmSS", §7.9.4), else the XMP packet's dc:title, dc:creator and xmp:CreateDate.
// The date is the day as the file wrote it, in its own time zone.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ApiError, MAX_DOCUMENT_BYTES, MAX_PAGES } from '../../contract/api.js';
import { layOutPages, type PdfPageText, type PlacedText } from './pdf-layout.js';

export interface PdfDocument {
  /** A real title from the file's properties, or null (none, or a placeholder such as "Untitled"). */
  title: string | null;
  byline: string | null;
  publishedOn: string | null;
  text: string;
  pageStarts: number[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js's Node build wants @napi-rs/canvas (a native module) to draw pages; reading text never
 * draws, so the app does not ship it. The classes it would take from there are only touched while
 * drawing, and pdf.mjs creates a DOMMatrix when it loads: empty stand-ins let it load without.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const scope = globalThis as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'Path2D', 'ImageData']) scope[name] ??= class {};
    // Its warning that the canvas package is missing is not news to us.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!String(args[0]).includes('@napi-rs/canvas')) warn(...args);
    };
    try {
      const library = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Parsing runs on this (already background) thread: no second worker for pdf.js.
      scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return library;
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjs;
}

/** pdf.js's character maps (CJK fonts) and standard font data, as folders it reads with fs. */
function pdfJsDataFolder(name: string): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return `${path.join(root, name)}${path.sep}`;
}

const PLACEHOLDER_TITLE = /^(untitled|untitled document|document\d*|new document|title|microsoft (word|powerpoint|excel) - .*|.*\.(docx?|pdf|rtf|odt|txt|indd|qxd|xlsx?|pptx?|html?))$/i;

/** A title worth showing: not empty, not a placeholder or a file name some tool wrote in. */
export function realTitle(value: unknown, fileName: string): string | null {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== 'string') return null;
  const title = value.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(title) || title.length > 1000 || PLACEHOLDER_TITLE.test(title)) return null;
  if (title.toLowerCase() === fileName.replace(/\.pdf$/i, '').toLowerCase()) return null;
  return title;
}

/** YYYY-MM-DD from a PDF date ("D:20240315…") or an XMP one ("2024-03-15T…"), or null. */
export function dateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^\s*(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

const text = (value: unknown, max: number): string | null => {
  // XMP lists (dc:creator is an ordered list of names) come as arrays.
  if (Array.isArray(value)) value = value.filter((v) => typeof v === 'string').join(', ');
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned && cleaned.length <= max ? cleaned : null;
};

const damaged = (fileName: string, detail: string) =>
  new ApiError(
    'unsupported',
    `"${fileName}" is not a PDF or is damaged (${detail}), so its text cannot be read. Open it in a PDF reader and save it again as PDF, or ask whoever sent it for a fresh copy.`,
  );

/** Reads a PDF's text layer and properties; refuses scans, passwords and damaged files. */
export async function readPdfDocument(fileName: string, bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes over the buffer it is given: a copy leaves the caller's bytes alone.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: pdfJsDataFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfJsDataFolder('standard_fonts'),
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ApiError(
        'unsupported',
        `"${fileName}" is protected with a password, so its text cannot be read. Open it in a PDF reader with the password, save a copy without one (Print › Save as PDF), and open that copy.`,
      );
    }
    throw damaged(fileName, name === 'InvalidPDFException' ? 'its structure cannot be read' : (error as Error).message || String(error));
  }
  try {
    if (pdf.numPages === 0) throw damaged(fileName, 'it has no pages');
    if (pdf.numPages > MAX_PAGES) {
      throw new ApiError('too-large', `"${fileName}" has ${pdf.numPages.toLocaleString('en')} pages; the limit is ${MAX_PAGES.toLocaleString('en')}. Split it into smaller PDFs and open those.`);
    }
    const pages: PdfPageText[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      let page;
      let content;
      try {
        page = await pdf.getPage(number);
        content = await page.getTextContent();
      } catch (error) {
        throw damaged(fileName, `page ${number} cannot be read: ${(error as Error).message || String(error)}`);
      }
      // Positions as the page is shown (its rotation and crop box applied), y growing downwards.
      const viewport = page.getViewport({ scale: 1 });
      const [a, b, c, d, e, f] = viewport.transform as [number, number, number, number, number, number];
      const items: PlacedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , , , tx, ty] = item.transform as number[];
        characters += item.str.length;
        items.push({
          str: item.str,
          x: a * tx! + c * ty! + e,
          y: b * tx! + d * ty! + f,
          width: item.width,
          size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height,
          rtl: item.dir === 'rtl',
        });
      }
      if (characters > MAX_DOCUMENT_BYTES) {
        throw new ApiError('too-large', `"${fileName}" holds more text than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a document may have. Split it into smaller PDFs and open those.`);
      }
      pages.push({ width: viewport.width, items });
      page.cleanup();
    }
    const laidOut = layOutPages(pages);
    if (laidOut.text.trim() === '') {
      throw new ApiError(
        'empty-file',
        `"${fileName}" has no text layer (it is a scan, or its pages are pictures), so there is no text to annotate. Run OCR on it first (in Acrobat: Scan & OCR; or ocrmypdf), then open the PDF that makes.`,
      );
    }
    const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {} as Record<string, unknown>, metadata: null }));
    const fields = info as Record<string, unknown>;
    const xmp = (name: string): unknown => metadata?.get(name) ?? undefined;
    const title = realTitle(fields.Title, fileName) ?? realTitle(xmp('dc:title'), fileName);
    const byline = text(fields.Author, 500) ?? text(xmp('dc:creator'), 500);
    const publishedOn = dateOf(fields.CreationDate) ?? dateOf(xmp('xmp:createdate'));
    return { title, byline, publishedOn, ...laidOut };
  } finally {
    await pdf.destroy();
  }
}
