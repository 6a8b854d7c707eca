// Word documents: their paragraphs' text, read with mammoth; the title from the document's
// own properties when it has one.
import type JSZip from 'jszip';
import { ApiError } from '../../contract/api.js';
import { checkZipExpansion } from './zip-limits.js';

export interface WordDocument {
  title: string | null;
  text: string;
}

function refuseDamaged(fileName: string): never {
  throw new ApiError('unsupported', `"${fileName}" is not a Word document or is damaged; open it in Word and save it again as .docx.`);
}

const xmlText = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

export async function readWordDocument(fileName: string, bytes: Uint8Array): Promise<WordDocument> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Before JSZip or mammoth inflates anything.
  checkZipExpansion(fileName, buffer);
  // Loaded when a Word document comes: every command of the CLI would pay for them at start.
  const [{ default: Zip }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(buffer);
  } catch {
    refuseDamaged(fileName);
  }
  if (!zip.file('word/document.xml')) refuseDamaged(fileName);
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch {
    refuseDamaged(fileName);
  }
  // mammoth ends every paragraph with a blank line; empty paragraphs would stack them up.
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const core = await zip.file('docProps/core.xml')?.async('string').catch(() => undefined);
  const title = core ? xmlText(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? '').trim() || null : null;
  return { title, text };
}
