import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../electron/services/documents/index.js';
import { pseudoRandomBytes, refused, utf8 } from './helpers.js';

import { paragraph, wordFile } from '../../../helpers/word-file.js';

describe('readDocument: Word documents', () => {
  it('reads the paragraphs, separated by a blank line, and the title from the document properties', async () => {
    const bytes = await wordFile(
      paragraph('The council met on ', 'Monday.') + paragraph('') + paragraph('“We will win,” said Ana &amp; Ben.') + paragraph('Third 😀 paragraph.'),
      'Council meets &amp; votes',
    );
    const read = await readDocument('C:\\Desk\\council-draft.docx', bytes);
    expect(read).toEqual({
      title: 'Council meets & votes',
      text: 'The council met on Monday.\n\n“We will win,” said Ana & Ben.\n\nThird 😀 paragraph.',
      format: 'docx',
      encoding: 'utf-8',
      encodingDetected: false,
      sourceUrl: null,
    });
  });

  it('takes the file name as title when the document has none', async () => {
    const read = await readDocument('notes.docx', await wordFile(paragraph('One.') + paragraph('Two.'), '  '));
    expect(read.title).toBe('notes');
    expect(read.text).toBe('One.\n\nTwo.');
  });

  it.each([
    ['a text file renamed', utf8('This is plain text, not a Word file.')],
    ['random bytes', pseudoRandomBytes(4096)],
    ['a cut-off zip', async () => (await wordFile(paragraph('Hello.'))).subarray(0, 200)],
    ['a zip without word/document.xml', async () => {
      const zip = new JSZip();
      zip.file('readme.txt', 'not a docx');
      return zip.generateAsync({ type: 'uint8array' });
    }],
    ['a broken document.xml', async () => {
      const zip = await JSZip.loadAsync(await wordFile(paragraph('Hello.')));
      zip.file('word/document.xml', '<w:document><w:body><w:p>unclosed');
      return zip.generateAsync({ type: 'uint8array' });
    }],
  ])('refuses %s as not a Word document or damaged', async (_what, content) => {
    const bytes = typeof content === 'function' ? await content() : content;
    const error = await refused(() => readDocument('story.docx', bytes), 'unsupported');
    expect(error.message).toBe('"story.docx" is not a Word document or is damaged; open it in Word and save it again as .docx.');
  });

  it('refuses an empty .docx file and one with no text', async () => {
    expect((await refused(() => readDocument('empty.docx', new Uint8Array(0)), 'empty-file')).message).toContain('"empty.docx" is empty');
    await refused(async () => readDocument('blank.docx', await wordFile(paragraph('  ') + paragraph(''))), 'empty-file');
  });
});
