// The renderer's HTTP transport against the real browser host and a real store.
import { describe, expect, it } from 'vitest';
import { fromAnnotationColumns } from '../../../../electron/contract/spans.js';
import { ApiError } from '../../../../electron/contract/api.js';
import { createHttpClient, tokenFromLocation } from '../../../../renderer/src/api/http-client.js';
import { useBrowserHosts } from '../../../helpers/browser-host.js';
import { useWorkspaces, workspaceOnDisk, annotationsOnDisk } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const startHost = useBrowserHosts(ws);
const start = () => startHost('annotator-client');

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('createHttpClient against the browser host', () => {
  it('imports, annotates and reads back through real HTTP', async () => {
    const { workspace, host, base } = await start();
    const client = createHttpClient(host.token, base);
    const text = 'Ann said: “We will win.” 😀';
    const doc = await client.importFile({ fileName: 'speech.txt', contentBase64: Buffer.from(text).toString('base64') });
    expect(doc.title).toBe('speech');
    const from = text.indexOf('We will win.');
    expect(
      await client.applyChanges({
        changes: [
          { kind: 'createSpeaker', speakerId: 'spk-ann', name: 'Ann' },
          { kind: 'createAnnotation', documentId: doc.id, annotationId: 'ann-1', labelId: 'quote', start: from, end: from + 12, speakerId: 'spk-ann' },
          { kind: 'setLastDocument', documentId: doc.id },
        ],
      }),
    ).toEqual({ applied: 3, refused: [] });
    const opened = await client.openDocument({ documentId: doc.id });
    // The wire leaves the text out; it is a slice of the document's text.
    const [only] = fromAnnotationColumns(opened.annotations, opened.document.id, opened.text);
    expect([only?.text, only?.speakerId]).toEqual(['We will win.', 'spk-ann']);
    const session = await client.getSession({});
    expect(session.lastDocumentId).toBe(doc.id);
    expect((await workspaceOnDisk(workspace)).speakers.map((s) => s.name)).toEqual(['Ann']);
    expect((await annotationsOnDisk(workspace, doc.id)).annotations).toHaveLength(1);
  });

  it('turns a refusal into an ApiError with the service’s code and message', async () => {
    const { host, base } = await start();
    const client = createHttpClient(host.token, base);
    const cut = Buffer.concat([Buffer.from('Café crème and caf'), Buffer.from([0xc3])]);
    const error = await caught(client.importFile({ fileName: 'cut.txt', contentBase64: cut.toString('base64') }));
    expect(error.code).toBe('not-utf8');
    expect(error.message).toMatch(/cut\.txt.*middle of a UTF-8 character.*position 20/);
    expect((await caught(client.openDocument({ documentId: 'doc-nope' }))).code).toBe('not-found');
    expect((await caught(client.openFilesWithDialog({}))).code).toBe('unsupported');
  });

  it('reports a wrong token as an error carrying the server’s explanation', async () => {
    const { base } = await start();
    const error = await caught(createHttpClient('not-the-token', base).getSession({}));
    expect(error.message).toMatch(/token/);
  });

  it('says the server is not answering when it has gone away', async () => {
    const { host, base } = await start();
    await host.close();
    const error = await caught(createHttpClient(host.token, base).getSession({}));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/not answering.*npm run serve/);
  });
});

describe('tokenFromLocation', () => {
  it('reads the token from the query string, or null', () => {
    expect(tokenFromLocation(new URL('http://127.0.0.1:5000/?token=abc_DEF-123') as unknown as Location)).toBe('abc_DEF-123');
    expect(tokenFromLocation(new URL('http://127.0.0.1:5000/?x=1&token=t%2Bk') as unknown as Location)).toBe('t+k');
    expect(tokenFromLocation(new URL('http://127.0.0.1:5000/') as unknown as Location)).toBeNull();
  });
});
