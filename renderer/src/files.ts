// Files picked in the browser or dropped on the window reach the services as bytes, never as
// paths: the renderer has no business naming files on disk.
import { MAX_DOCUMENT_BYTES } from '../../electron/contract/errors';

/** Kept in step with the services' DOCUMENT_EXTENSIONS by a unit test. */
export const OPENABLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf', '.srt', '.vtt'];

/** Annotation files from other tools (brat, doccano, spaCy, Label Studio, W3C): imported, not opened. */
export const ANNOTATION_EXTENSIONS = ['.jsonl', '.json', '.jsonld', '.ann'];

export const isAnnotationFile = (name: string): boolean => ANNOTATION_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Said before uploading, so a 2 GB file is refused at once instead of being sent. */
export function precheckFile(file: File): string | null {
  if (file.size > MAX_DOCUMENT_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return `"${file.name}" is ${mb} MB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB. Split it into smaller files and open those.`;
  }
  return null;
}
