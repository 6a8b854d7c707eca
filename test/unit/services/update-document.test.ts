// updateDocument: a person renames a document and sets its headline, outlet, byline, source URL
// and publication date. Kept in workspace.json; a bad date or link is refused in the contract's
// words (the ones the edit form shows); "" or null clears a field.
import { describe, expect, it } from 'vitest';
import { createApiHandlers, browserHostOnlyMethods } from '../../../electron/services/handlers/api-handlers.js';
import { dispatchApiCall } from '../../../electron/services/handlers/api-dispatcher.js';
import { expectApiError, firstRefusal, importText, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();

async function oneDocument() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', 'The minister said taxes fell.');
  return { dir, service, doc };
}

describe('updateDocument', () => {
  it('renames a document and sets its story fields, kept in workspace.json across a reopen', async () => {
    const { dir, service, doc } = await oneDocument();
    const fields = { title: '  Budget story ', headline: 'Taxes fell, minister says', outlet: 'The Courier', byline: 'Ana Silva', sourceUrl: 'https://courier.example/budget', publishedOn: '2024-02-29' };
    expect((await service.applyChanges([{ kind: 'updateDocument', documentId: doc.id, fields }])).refused).toEqual([]);
    const expected = { title: 'Budget story', headline: 'Taxes fell, minister says', outlet: 'The Courier', byline: 'Ana Silva', sourceUrl: 'https://courier.example/budget', publishedOn: '2024-02-29' };
    expect((await service.getSession()).documents[0]).toMatchObject(expected);
    expect((await workspaceOnDisk(dir)).documents[0]).toMatchObject(expected);
    const reopened = await ws.openService(dir);
    expect((await reopened.getSession()).documents[0]).toMatchObject(expected);
  });

  it('changes only the fields given; "" and null clear one', async () => {
    const { service, doc } = await oneDocument();
    await service.applyChanges([{ kind: 'updateDocument', documentId: doc.id, fields: { outlet: 'The Courier', byline: 'Ana Silva' } }]);
    await service.applyChanges([{ kind: 'updateDocument', documentId: doc.id, fields: { outlet: '', byline: null } }]);
    const [listed] = (await service.getSession()).documents;
    expect(listed).toMatchObject({ title: 'story', outlet: null, byline: null });
  });

  it.each([
    [{ publishedOn: '2023-02-29' }, /2023-02-29 is not a date in the calendar/],
    [{ publishedOn: '15/03/2024' }, /must be written YYYY-MM-DD, such as 2024-03-15/],
    [{ sourceUrl: 'javascript:alert(1)' }, /must be a web address starting with http:\/\/ or https:\/\//],
    [{ title: '   ' }, /Give the document a title/],
    [{ headline: 'x'.repeat(1001) }, /headline can hold at most 1,000 characters/],
  ])('refuses %j in words, changing nothing', async (fields, message) => {
    const { service, doc } = await oneDocument();
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'updateDocument', documentId: doc.id, fields }])), 'bad-request', message);
    expect((await service.getSession()).documents[0]).toMatchObject({ title: 'story', sourceUrl: null });
  });

  it('refuses a field it does not know, and a document that is not in the list', async () => {
    const { service, doc } = await oneDocument();
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'updateDocument', documentId: doc.id, fields: { textHash: '0'.repeat(64) } }])), 'bad-request', /malformed/);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'updateDocument', documentId: 'doc-nothing', fields: { title: 'X' } }])), 'not-found', /doc-nothing/);
  });
});

describe('story fields on import', () => {
  it('keeps what a web page’s meta tags say (headline, outlet, byline, date), for the editor to correct', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const page = `<!doctype html><html><head><title>Budget | Courier</title>
      <meta property="og:title" content="Taxes fell, minister says"><meta property="og:site_name" content="The Courier">
      <meta name="author" content="Ana Silva"><meta property="article:published_time" content="2024-03-15T09:30:00Z"></head>
      <body><article><h1>Taxes fell</h1><p>The minister said taxes fell by a tenth last year, a claim economists disputed on Monday.</p></article></body></html>`;
    const doc = await service.importBytes('budget.html', new TextEncoder().encode(page));
    expect(doc).toMatchObject({ headline: 'Taxes fell, minister says', outlet: 'The Courier', byline: 'Ana Silva', publishedOn: '2024-03-15' });
    expect((await workspaceOnDisk(dir)).documents[0]).toMatchObject({ outlet: 'The Courier', publishedOn: '2024-03-15' });
  });
});

describe('addPastedDocument', () => {
  it('adds pasted text as a text document with its title and link; the same text (as a file, with CRLF) is the same document', async () => {
    const { service, doc } = await oneDocument();
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const answer = await dispatchApiCall(handlers, 'addPastedDocument', { title: ' Wire copy ', text: 'Police said 12 people were hurt.\r\nMore later.', sourceUrl: 'https://wire.example/1' });
    expect(answer.ok).toBe(true);
    const pasted = (answer as { result: { id: string; title: string; format: string; sourceUrl: string; fileName: string; length: number } }).result;
    expect(pasted).toMatchObject({ title: 'Wire copy', format: 'text', sourceUrl: 'https://wire.example/1', fileName: 'Wire copy.txt' });
    expect((await service.openDocument(pasted.id)).text).toBe('Police said 12 people were hurt.\nMore later.');
    // The file's own text, pasted: the document already there.
    const again = await service.addPastedDocument('Other title', 'The minister said taxes fell.');
    expect(again.id).toBe(doc.id);
    expect((await service.getSession()).documents.map((d) => d.title)).toEqual(['story', 'Wire copy']);
  });

  it('refuses blank text, a bad link and no title in words, at the door', async () => {
    const { service } = await oneDocument();
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const refusal = async (args: unknown) => {
      const answer = await dispatchApiCall(handlers, 'addPastedDocument', args);
      expect(answer.ok).toBe(false);
      return (answer as { error: { message: string } }).error.message;
    };
    expect(await refusal({ title: 'T', text: '  \n ' })).toMatch(/There is no text to make a document of/);
    expect(await refusal({ title: 'T', text: 'Words.', sourceUrl: 'ftp://x' })).toMatch(/source URL must be a web address/);
    expect(await refusal({ title: '', text: 'Words.' })).toMatch(/Give the document a title/);
    expect((await service.getSession()).documents).toHaveLength(1);
  });
});
