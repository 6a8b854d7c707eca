import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../electron/services/documents/index.js';
import { pseudoRandomBytes, refused, utf8 } from './helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const paragraph = (...runs: string[]) => `<w:p>${runs.map((run) => `<w:r><w:t xml:space="preserve">${run}</w:t></w:r>`).join('')}</w:p>`;

/** A minimal but valid .docx, as Word writes its parts. */
async function wordFile(body: string, title?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `${title === undefined ? '' : `<dc:title>${title}</dc:title>`}</cp:coreProperties>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

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
