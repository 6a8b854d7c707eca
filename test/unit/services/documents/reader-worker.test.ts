// Point 3 of issue 11: no file can stall the program. Every document is read in a worker thread
// with a time limit and memory limits, and a page nested too deep is refused before Readability.
import { describe, expect, it } from 'vitest';
import { READER_LIMITS, readDocument, readerWorkersStarted } from '../../../../electron/services/documents/index.js';
import { useWorkspaces } from '../../../helpers/workspace.js';
import { paragraph, wordFile } from '../../../helpers/word-file.js';
import { refused, utf8 } from './helpers.js';

/** 2,000 nested divs are 22 KB; Readability took 78 s over them on the host's only thread. */
const nestedPage = (depth: number) =>
  utf8(`<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>The council met on Monday.</p>${'</div>'.repeat(depth)}</body></html>`);

const NESTED = (name: string) => `"${name}": this page is too deeply nested to read; save it as text (in the browser: Save Page As, "Text Files") and open that.`;

describe('readDocument: no file can stall the program', () => {
  it.each([2_000, 10_000])('refuses a page of %i nested divs as too deeply nested', async (depth) => {
    const error = await refused(() => readDocument('deep.html', nestedPage(depth)), 'unsupported');
    expect(error.message).toBe(NESTED('deep.html'));
  });

  it('still reads a page nested as deep as real ones are', async () => {
    const read = await readDocument('fine.html', nestedPage(120));
    expect(read).toMatchObject({ format: 'html', title: 'Deep', text: 'The council met on Monday.' });
  });

  it('stops a read that passes its time limit, with a message saying what to do', async () => {
    // No worker can start and read a Word file in 1 ms.
    const bytes = await wordFile(paragraph('Hello.'));
    const error = await refused(() => readDocument('slow.docx', bytes, {}, { ...READER_LIMITS, timeMs: 1 }), 'unsupported');
    expect(error.message).toBe('"slow.docx" took more than 1 ms to read, so reading it was stopped. Save it as plain text and open that, or split it into smaller files.');
    // The next read starts afresh.
    expect((await readDocument('next.docx', bytes)).text).toBe('Hello.');
  });

  it('stops a read that passes its memory limit, and the host carries on', async () => {
    // 2 MB of paragraphs becomes a DOM of many small objects, far past 32 MB of heap. (One huge
    // allocation past the limit would take the whole process down: V8 gives a worker only a little
    // leeway to stop. The size checks keep real reads far below the real limit.)
    const page = utf8(`<html><body>${'<p>Hello there.</p>'.repeat(120_000)}</body></html>`);
    const error = await refused(() => readDocument('big.html', page, {}, { ...READER_LIMITS, memoryMb: 32 }), 'too-large');
    expect(error.message).toBe('"big.html" needs more memory to read than the 32 MB a document may use. Split it into smaller files and open those, or save it as plain text.');
    expect((await readDocument('small.txt', utf8('Still here.'))).text).toBe('Still here.');
  });

  it('reads text, subtitles and Word files in the worker as before', async () => {
    expect(await readDocument('note.txt', utf8('Hello.'))).toEqual({ title: 'note', text: 'Hello.', format: 'text', encoding: 'utf-8', encodingDetected: true, sourceUrl: null });
    expect((await readDocument('clip.srt', utf8('1\n00:00:01,000 --> 00:00:02,000\nHello.\n'))).text).toBe('[00:00:01] Hello.');
    expect((await readDocument('w.docx', await wordFile(paragraph('Word.'), 'Title'))).title).toBe('Title');
  });
});

describe('readDocument: one worker for many small files', () => {
  it('reads small files one after another in the same worker, so an import of 1,000 files does not start 1,000', async () => {
    await readDocument('first.txt', utf8('One.'));
    const before = readerWorkersStarted();
    for (let k = 0; k < 5; k++) expect((await readDocument(`story-${k}.txt`, utf8(`Story ${k}.`))).text).toBe(`Story ${k}.`);
    expect(readerWorkersStarted()).toBe(before);
  });

  it('starts afresh after a big file: its heap is not handed on', async () => {
    await readDocument('big.txt', utf8('The council met. '.repeat(300_000)));
    const afterBig = readerWorkersStarted();
    await readDocument('small.txt', utf8('Small.'));
    expect(readerWorkersStarted()).toBe(afterBig + 1);
  });

  it('reads two files at once in two workers, each its own', async () => {
    const [a, b] = await Promise.all([readDocument('a.txt', utf8('Alpha.')), readDocument('b.txt', utf8('Beta.'))]);
    expect([a.text, b.text]).toEqual(['Alpha.', 'Beta.']);
  });
});

describe('the host while a document is read', () => {
  const { openService } = useWorkspaces();

  it('answers getSession while a deeply nested page is being read, then refuses the page', async () => {
    const service = await openService();
    let importSettled = false;
    const importing = service.importBytes('deep.html', nestedPage(2_000)).finally(() => {
      importSettled = true;
    });
    const session = await service.getSession();
    expect(session.workspaceDir).toBeTruthy();
    expect(importSettled).toBe(false);
    await expect(importing).rejects.toMatchObject({ code: 'unsupported', message: NESTED('deep.html') });
    expect((await service.getSession()).documents).toEqual([]);
  });
});
