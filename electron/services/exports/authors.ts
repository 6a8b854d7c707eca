// Per-author datasets: who made the chosen documents' highlights, and a file name for each.
// The token formats never merge two annotators' highlights into one layer (first wins): CoNLL
// writes a file per author, Prodigy and Hugging Face a row per document and author.
import type { Annotation } from '../../contract/api.js';
import type { Dataset } from './dataset.js';

/** Every author of the dataset's highlights, in order of first appearance ('' for no name). */
export function datasetAuthors(dataset: Dataset): string[] {
  const authors = new Set<string>();
  for (const { annotations } of dataset.documents) for (const a of annotations) authors.add(a.author);
  return [...authors];
}

/** One document's highlights by author, in order of first appearance. */
export function byAuthor(annotations: Annotation[]): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const group = groups.get(a.author);
    if (group) group.push(a);
    else groups.set(a.author, [a]);
  }
  return groups;
}

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file-name part for each author, safe on Windows, macOS and Linux: letters of every script
 * stay (田中花子 is a fine file name), characters no system allows or that would leave the folder
 * (\ / : * ? " < > | and control characters) become "_", as does white space; no leading or
 * trailing dot; at most 80 characters; an author with no name is "unnamed"; and names that would
 * be the same file on a system that ignores case ("Ana" and "ana") get -2, -3.
 */
export function authorFileStems(authors: string[]): Map<string, string> {
  const stems = new Map<string, string>();
  const used = new Set<string>();
  for (const author of authors) {
    let stem = author
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
      .replace(/\s+/g, '_')
      .replace(/^[._]+|[._]+$/g, '');
    stem = [...stem].slice(0, 80).join('');
    if (!stem) stem = 'unnamed';
    if (RESERVED.test(stem)) stem = `${stem}_`;
    let unique = stem;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${stem}-${n}`;
    used.add(unique.toLowerCase());
    stems.set(author, unique);
  }
  return stems;
}
