// Point 4 of issue 11: a .docx is bounded by what it unzips to, not by its size on disk.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../../electron/contract/api.js';
import { readDocument } from '../../../../electron/services/documents/index.js';
import { paragraph, wordFile } from '../../../helpers/word-file.js';
import { refused } from './helpers.js';

/** A real .docx whose document.xml is `bytes` long and almost all one repeated paragraph. */
async function expandingWordFile(bytes: number): Promise<Uint8Array> {
  const unit = paragraph('All work and no play makes Jack a dull boy. ');
  // wordFile stores its parts; Word deflates them.
  const zip = await JSZip.loadAsync(await wordFile(unit.repeat(Math.ceil(bytes / unit.length))));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Rewrites every declared uncompressed size (local headers and central directory) of `name` to `size`. */
function underReport(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(size, at + 22);
    if (signature === 0x02014b50 && out.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(size, at + 24);
  }
  return new Uint8Array(out);
}

describe('readDocument: Word documents are bounded by what they unzip to', () => {
  it('refuses a small .docx that unzips past the document size limit, before inflating it', async () => {
    const bytes = await expandingWordFile(MAX_DOCUMENT_BYTES + 1024 * 1024);
    expect(bytes.length).toBeLessThan(MAX_DOCUMENT_BYTES / 50);
    const error = await refused(() => readDocument('bomb.docx', bytes), 'too-large');
    expect(error.message).toMatch(/^"bomb\.docx" unzips to 51\.\d MB of text and markup; the limit is 50\.0 MB, as for any document\. Split it into smaller files and open those\.$/);
  });

  it('refuses a .docx that expands more than 100 times even under the size limit', async () => {
    const bytes = await expandingWordFile(12 * 1024 * 1024);
    const error = await refused(() => readDocument('dense.docx', bytes), 'too-large');
    expect(error.message).toBe(
      '"dense.docx" expands more than 100 times when unzipped, which no real Word document does; it may be built to overload the computer. ' +
        'Open it in Word and save it again as .docx, or save it as text and open that.',
    );
  });

  it('refuses a .docx whose directory under-reports a part: inflating stops at the declared size', async () => {
    const honest = await expandingWordFile(12 * 1024 * 1024);
    const lying = underReport(honest, 'word/document.xml', 4096);
    // The lie gets past the declared-size checks: it is the capped inflate that catches it.
    const error = await refused(() => readDocument('liar.docx', lying), 'unsupported');
    expect(error.message).toBe(
      '"liar.docx" is damaged or built to overload the computer: "word/document.xml" inside it unzips to more than the size it declares. Open it in Word and save it again as .docx.',
    );
  });

  it('still reads an ordinary .docx, and a compressible one of a few megabytes', async () => {
    expect((await readDocument('short.docx', await wordFile(paragraph('Hello.')))).text).toBe('Hello.');
    const long = await readDocument('long.docx', await expandingWordFile(2 * 1024 * 1024));
    expect(long.text.startsWith('All work and no play makes Jack a dull boy.')).toBe(true);
  });

  it('still calls a zip that is not a Word document damaged', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'not a docx');
    const error = await refused(async () => readDocument('story.docx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })), 'unsupported');
    expect(error.message).toContain('is not a Word document or is damaged');
  });
});
