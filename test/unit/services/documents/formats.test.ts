import { describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS, readDocument } from '../../../../electron/services/documents/index.js';
import { refused, utf8 } from './helpers.js';

describe('readDocument: which files, read as what', () => {
  it('lists every ending it reads', () => {
    expect(DOCUMENT_EXTENSIONS).toEqual(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf', '.srt', '.vtt']);
  });

  it.each([
    ['story.txt', 'text', 'story'],
    ['STORY.TEXT', 'text', 'STORY'],
    ['notes.md', 'markdown', 'notes'],
    ['/home/ann/report.v2.markdown', 'markdown', 'report.v2'],
    ['C:\\Users\\ann\\draft.Md', 'markdown', 'draft'],
  ])('reads %s as %s titled %s, text kept as is', async (fileName, format, title) => {
    const text = '# Heading\n\n*Emphasis* and [a link](https://example.org).\n';
    expect(await readDocument(fileName, utf8(text))).toEqual({ title, text, format, encoding: 'utf-8', encodingDetected: true, sourceUrl: null });
  });

  it.each(['scan.tiff', 'photo.png', 'old.doc', 'archive.txt.zip', 'README', '.txt'])('refuses %s, listing the endings it reads', async (fileName) => {
    const error = await refused(() => readDocument(fileName, utf8('perfectly good text')), 'unsupported');
    expect(error.message).toBe(`"${fileName}" is not a kind of document this version can open. Open a .txt, .text, .md, .markdown, .html, .htm, .docx, .pdf, .srt or .vtt file instead.`);
  });
});
