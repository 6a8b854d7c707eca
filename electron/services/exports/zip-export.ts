// A folder export (brat's .txt/.ann pairs, a split's train/dev/test parts) as one .zip for the
// browser host: a page that starts one download per file gets all but the first blocked.
import path from 'node:path';
import { fileBody, type ExportFile } from './brat.js';
import { EXPORT_FILE_NAMES, type ExportFormat } from './formats.js';

/** brat.zip, spacy-split.zip: the format's own name, so two zips never overwrite each other. */
export function zipName(format: ExportFormat, split: boolean): string {
  const stem = path.posix.basename(EXPORT_FILE_NAMES[format], path.posix.extname(EXPORT_FILE_NAMES[format]));
  return `${stem}${split ? '-split' : ''}.zip`;
}

/** The files, at their relative paths (train/story.ann), zipped; base64 so it travels as text. */
export async function zipExport(files: ExportFile[]): Promise<string> {
  // Loaded for a download only: the CLI never zips.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  // A fixed date: the same export zips to the same bytes.
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const file of files) zip.file(file.name, fileBody(file), { date });
  return zip.generateAsync({ type: 'base64', compression: 'DEFLATE', platform: 'UNIX' });
}
