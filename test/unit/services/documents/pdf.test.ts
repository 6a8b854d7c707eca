// PDFs through the reader worker: text in reading order, page starts, hyphenation, properties,
// and a clear refusal for each PDF that cannot be read. Every PDF is built here (pdf-file.ts).
import { describe, expect, it } from 'vitest';
import { pageAt } from '../../../../electron/contract/api.js';
import { MAX_PAGES } from '../../../../electron/contract/api.js';
import { READER_LIMITS, readDocument } from '../../../../electron/services/documents/index.js';
import { dateOf, realTitle } from '../../../../electron/services/documents/pdf.js';
import { layOutPages, type PlacedText } from '../../../../electron/services/documents/pdf-layout.js';
import { japanesePdf, lines, pdfFile, type PdfText } from '../../../helpers/pdf-file.js';
import { ACTION, refused } from './helpers.js';

const pageOf = (read: { pageStarts?: number[] }, offset: number) => pageAt(read.pageStarts, offset);

describe('readDocument: PDFs', () => {
  it('reads lines into paragraphs by their vertical gaps, pages as paragraphs, and records where each page starts', async () => {
    const bytes = pdfFile([
      { texts: [...lines(['The council met on Monday', 'to vote on the budget.']), ...lines(['“We will win,” said Ana.'], { top: 720 })] },
      { texts: lines(['Page two begins here.']) },
      { texts: lines(['And page three.']) },
    ]);
    const read = await readDocument('council.pdf', bytes);
    expect(read.text).toBe('The council met on Monday to vote on the budget.\n\n“We will win,” said Ana.\n\nPage two begins here.\n\nAnd page three.');
    expect(read.format).toBe('pdf');
    expect(read.encoding).toBe('utf-8');
    expect(read.encodingDetected).toBe(false);
    expect(read.pageStarts).toEqual([0, read.text.indexOf('Page two'), read.text.indexOf('And page three')]);
    expect(pageOf(read, read.text.indexOf('said Ana'))).toBe(1);
    expect(pageOf(read, read.text.indexOf('begins'))).toBe(2);
    expect(read.title).toBe('council'); // no properties: the file's name
    expect(read.headline ?? null).toBeNull();
  });

  it('puts runs drawn out of order back in reading order, with spaces only between words', async () => {
    // The second line is drawn first, and the first line in two runs, right part first.
    const texts: PdfText[] = [
      { x: 72, y: 746, text: 'second line.' },
      { x: 120, y: 760, text: 'of the line,' },
      { x: 72, y: 760, text: 'The start' },
    ];
    const read = await readDocument('order.pdf', pdfFile([{ texts }]));
    expect(read.text).toBe('The start of the line, second line.');
  });

  it('reads two columns left column first, a headline across both before them, and keeps a sentence that runs on into the right column', async () => {
    const left = lines(['Left column one,', 'left column two', 'and the story goes'], { x: 50, top: 700 });
    const right = lines(['on in the right column.', 'Right column two.', 'Right column three.'], { x: 320, top: 700 });
    // Drawn line by line across the page, as many layout programs do.
    const interleaved = left.flatMap((line, i) => [line, right[i]!]);
    const headline: PdfText = { x: 50, y: 760, text: 'A headline across both of the columns below it', size: 16 };
    const read = await readDocument('columns.pdf', pdfFile([{ texts: [headline, ...interleaved] }]));
    expect(read.text).toBe('A headline across both of the columns below it\n\nLeft column one, left column two and the story goes on in the right column. Right column two. Right column three.');
  });

  it('starts a paragraph at a first-line indent, even with even line spacing', async () => {
    const texts = [{ x: 100, y: 760, text: 'First paragraph starts' }, ...lines(['and ends here.'], { top: 746 }), { x: 100, y: 732, text: 'Second one.' }];
    const read = await readDocument('filing.pdf', pdfFile([{ texts }]));
    expect(read.text).toBe('First paragraph starts and ends here.\n\nSecond one.');
  });

  it('repairs hyphenation at line ends, keeping hyphens the document writes itself and before capitals', async () => {
    const read = await readDocument(
      'hyphens.pdf',
      pdfFile([
        {
          texts: lines([
            'The informa-',
            'tion was a well-',
            'known fact, a truly well-known fact, said Smith-',
            'Jones in 2019-',
            '2020 with soft\u00ad',
            'hyphens too.',
          ]),
        },
      ]),
    );
    expect(read.text).toBe('The information was a well-known fact, a truly well-known fact, said Smith-Jones in 2019-2020 with softhyphens too.');
  });

  it('reads text in a CJK font the file does not embed, with pdf.js’s character maps (found from the bundled worker)', async () => {
    expect((await readDocument('tokyo.pdf', japanesePdf('東京都の予算'))).text).toBe('東京都の予算');
  });

  it('takes the title, author and creation date from the PDF’s properties', async () => {
    const bytes = pdfFile([{ texts: lines(['Body text.']) }], { info: { Title: 'Audit of the city budget', Author: 'Office of the Auditor', CreationDate: "D:20240315233000-05'00'" } });
    const read = await readDocument('audit.pdf', bytes);
    expect(read).toMatchObject({ title: 'Audit of the city budget', headline: 'Audit of the city budget', byline: 'Office of the Auditor', publishedOn: '2024-03-15' });
  });

  it('ignores a placeholder title, keeping the file name', async () => {
    const bytes = pdfFile([{ texts: lines(['Body text.']) }], { info: { Title: 'Microsoft Word - draft3.docx' } });
    const read = await readDocument('press-release.pdf', bytes);
    expect(read.title).toBe('press-release');
    expect(read.headline).toBeNull();
    expect(realTitle('Untitled', 'x.pdf')).toBeNull();
    expect(realTitle('x', 'x.pdf')).toBeNull();
    expect(realTitle('  Court   ruling ', 'x.pdf')).toBe('Court ruling');
  });

  it('reads PDF and XMP dates as the day they name, and nothing that is not a date', () => {
    expect(dateOf('D:20240229')).toBe('2024-02-29');
    expect(dateOf('2023-11-05T08:00:00Z')).toBe('2023-11-05');
    expect(dateOf('D:2023')).toBeNull();
    expect(dateOf('D:20230230')).toBeNull();
    expect(dateOf(42)).toBeNull();
  });

  it('refuses a scan with no text layer, saying to run OCR first', async () => {
    const error = await refused(() => readDocument('scan.pdf', pdfFile([{ image: true }, { image: true }])), 'empty-file');
    expect(error.message).toBe(
      '"scan.pdf" has no text layer (it is a scan, or its pages are pictures), so there is no text to annotate. Run OCR on it first (in Acrobat: Scan & OCR; or ocrmypdf), then open the PDF that makes.',
    );
  });

  it('refuses a PDF that needs a password', async () => {
    const error = await refused(() => readDocument('sealed.pdf', pdfFile([{ texts: lines(['Secret.']) }], { encrypted: true })), 'unsupported');
    expect(error.message).toContain('"sealed.pdf" is protected with a password');
    expect(error.message).toMatch(ACTION);
  });

  it.each([
    ['a cut-off PDF', pdfFile([{ texts: lines(['Hello.']) }]).subarray(0, 60)],
    ['a text file renamed', new TextEncoder().encode('This is plain text, not a PDF.')],
  ])('refuses %s as not a PDF or damaged', async (_what, bytes) => {
    const error = await refused(() => readDocument('report.pdf', bytes), 'unsupported');
    expect(error.message).toMatch(/^"report\.pdf" is not a PDF or is damaged \(.+\), so its text cannot be read\. Open it in a PDF reader and save it again as PDF/);
  });

  it('refuses a PDF of more pages than the limit before reading them', async () => {
    // pdf.js checks a file's page count against its pages, so the pages are really there (blank).
    const bytes = pdfFile([{ texts: lines(['One.']) }, ...Array.from({ length: MAX_PAGES }, () => ({}))]);
    const error = await refused(() => readDocument('record.pdf', bytes), 'too-large');
    expect(error.message).toBe('"record.pdf" has 10,001 pages; the limit is 10,000. Split it into smaller PDFs and open those.');
  });

  it('stops a PDF that passes the reader’s time limit, like any file', async () => {
    // No worker can start and read a PDF in 1 ms.
    const bytes = pdfFile(Array.from({ length: 50 }, (_, i) => ({ texts: lines([`Page ${i + 1}.`]) })));
    const error = await refused(() => readDocument('long.pdf', bytes, {}, { ...READER_LIMITS, timeMs: 1 }), 'unsupported');
    expect(error.message).toMatch(/^"long\.pdf" took more than 1 ms to read, so reading it was stopped\./);
    expect((await readDocument('long.pdf', bytes)).pageStarts).toHaveLength(50);
  });

  it('refuses an empty .pdf file', async () => {
    expect((await refused(() => readDocument('empty.pdf', new Uint8Array(0)), 'empty-file')).message).toContain('"empty.pdf" is empty');
  });

  it('gives pages without text the start of the next page with text', async () => {
    const read = await readDocument('gaps.pdf', pdfFile([{ texts: lines(['One.']) }, { image: true }, { texts: lines(['Three.']) }, { image: true }]));
    expect(read.text).toBe('One.\n\nThree.');
    expect(read.pageStarts).toEqual([0, 6, 6, 12]);
    expect(pageOf(read, 6)).toBe(3);
  });
});

describe('layOutPages: runs placed on a page', () => {
  const run = (str: string, x: number, y: number, size = 11): PlacedText => ({ str, x, y, size, width: str.length * size * 0.5 });

  it('keeps a raised footnote mark in its line', () => {
    const { text } = layOutPages([{ width: 595, items: [run('The figure was wrong', 72, 100), run('1', 182, 96, 7), run('and later corrected.', 72, 114)] }]);
    expect(text).toBe('The figure was wrong1 and later corrected.');
  });

  it('joins lines of Chinese or Japanese without a space, and other lines with one', () => {
    const { text } = layOutPages([{ width: 595, items: [run('東京都の', 72, 100), run('予算', 72, 114), run('and', 72, 128), run('more', 72, 142)] }]);
    expect(text).toBe('東京都の予算 and more');
  });
});
