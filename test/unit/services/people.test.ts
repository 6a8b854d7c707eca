// A person per window (issue 15): every write records the caller's person, never the name
// another window typed into the workspace; a call with no person (the CLI) is the workspace's name.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationColumnsSchema, type Caller } from '../../../electron/contract/api.js';
import { fromAnnotationColumns } from '../../../electron/contract/spans.js';
import { dispatchApiCall } from '../../../electron/services/handlers/api-dispatcher.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import { HISTORY_DIR } from '../../../electron/services/review/claim-history.js';
import { annotationsOnDisk, createChange, importText, useWorkspaces } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The mayor claimed crime fell 20% last year. She also said the budget is balanced.';
const ANA: Caller = { person: { id: 'p-ana', name: 'Ana Ortiz' } };
const BEN: Caller = { person: { id: 'p-ben', name: 'Ben Okafor' } };

async function twoWindows() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', STORY);
  const handlers = createApiHandlers(service, browserHostOnlyMethods);
  // Each window's calls go through the dispatcher, as the browser host's do.
  const call = async (caller: Caller | undefined, changes: unknown[]) => {
    const answer = await dispatchApiCall(handlers, 'applyChanges', { changes }, caller);
    if (!answer.ok) throw new Error(answer.error.message);
    const result = answer.result as { refused: { message: string }[] };
    if (result.refused.length) throw new Error(result.refused[0]!.message);
  };
  return { dir, service, doc, handlers, call };
}

const historyOnDisk = async (dir: string, documentId: string) =>
  (await fs.readFile(path.join(dir, HISTORY_DIR, `${documentId}.jsonl`), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));

describe('two windows on one workspace', () => {
  it('records each highlight and each history line under its own window’s person', async () => {
    const { dir, doc, call } = await twoWindows();
    // The workspace's name (set once, long ago) counts for neither window.
    await call(undefined, [{ kind: 'setAnnotatorName', name: 'Old Workspace Name' }]);
    const claim = STORY.indexOf('crime fell');
    await call(ANA, [createChange(doc.id, 'c1', claim, claim + 24, { labelId: 'claim' })]);
    await call(BEN, [createChange(doc.id, 'q1', 0, 9)]);
    // Ana edits her claim's status in the side panel; Ben decides on the desk.
    await call(ANA, [{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'false' } }]);
    await call(BEN, [{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'mostly-false' }, deskDecision: true }]);

    const onDisk = (await annotationsOnDisk(dir, doc.id)).annotations;
    const byId = Object.fromEntries(onDisk.map((a) => [a.id, a]));
    expect(byId.c1).toMatchObject({ author: 'Ana Ortiz', authorId: 'p-ana', claim: { status: 'mostly-false', statusBy: 'Ben Okafor', reviewer: 'Ben Okafor' } });
    expect(byId.q1).toMatchObject({ author: 'Ben Okafor', authorId: 'p-ben' });
    expect((await historyOnDisk(dir, doc.id)).map((line) => [line.to, line.by, line.byId, line.desk ?? false])).toEqual([
      ['false', 'Ana Ortiz', 'p-ana', false],
      ['mostly-false', 'Ben Okafor', 'p-ben', true],
    ]);
  });

  it('a status edit after a verdict is the editor’s no longer: who changed it, and no reviewer', async () => {
    const { dir, doc, call } = await twoWindows();
    const claim = STORY.indexOf('crime fell');
    await call(ANA, [createChange(doc.id, 'c1', claim, claim + 24, { labelId: 'claim' })]);
    await call(BEN, [{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'false' }, deskDecision: true }]);
    await call(ANA, [{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'true' } }]);
    const [c1] = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(c1!.claim).toMatchObject({ status: 'true', statusBy: 'Ana Ortiz' });
    expect(c1!.claim!.reviewer).toBeUndefined();
  });

  it('falls back to the workspace’s name for a call with no person (the command line)', async () => {
    const { dir, doc, call } = await twoWindows();
    await call(undefined, [{ kind: 'setAnnotatorName', name: 'Cli Person' }, createChange(doc.id, 'q1', 0, 9)]);
    await call(undefined, [createChange(doc.id, 'c1', 10, 20, { labelId: 'claim' }), { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'false' } }]);
    const onDisk = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(onDisk.map((a) => [a.id, a.author, a.authorId])).toEqual([
      ['q1', 'Cli Person', undefined],
      ['c1', 'Cli Person', undefined],
    ]);
    const [line] = await historyOnDisk(dir, doc.id);
    expect(line).toMatchObject({ by: 'Cli Person' });
    expect(line.byId).toBeUndefined();
  });

  it('a highlight brought back by undo keeps its person, whoever undoes', async () => {
    const { dir, doc, call } = await twoWindows();
    await call(ANA, [createChange(doc.id, 'q1', 0, 9), { kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'q1' }]);
    await call(BEN, [createChange(doc.id, 'q1', 0, 9, { author: 'Ana Ortiz', authorId: 'p-ana' })]);
    await call(BEN, [createChange(doc.id, 'q2', 10, 20, { author: 'Older highlight' })]);
    const onDisk = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(onDisk.map((a) => [a.id, a.author, a.authorId])).toEqual([
      ['q1', 'Ana Ortiz', 'p-ana'],
      ['q2', 'Older highlight', undefined],
    ]);
  });

  it('tags a transcript’s turns, and imports spans whose file names nobody, as the caller’s person', async () => {
    const { dir, service, handlers } = await twoWindows();
    await service.applyChanges([{ kind: 'setAnnotatorName', name: 'Old Workspace Name' }]);
    const transcript = await importText(service, 'interview.txt', 'HOST: Welcome back.\nGUEST: Glad to be here.\n');
    expect((await dispatchApiCall(handlers, 'tagTranscriptLines', { documentId: transcript.id }, BEN)).ok).toBe(true);
    await service.store.flush();
    const tagged = (await annotationsOnDisk(dir, transcript.id)).annotations;
    expect(tagged.map((a) => [a.author, a.authorId])).toEqual([
      ['Ben Okafor', 'p-ben'],
      ['Ben Okafor', 'p-ben'],
    ]);

    const jsonl = JSON.stringify({ text: 'Rates rose again.', label: [[0, 5, 'Claim']] });
    const files = [{ fileName: 'rates.jsonl', contentBase64: Buffer.from(jsonl).toString('base64') }];
    const answer = await dispatchApiCall(handlers, 'importAnnotationFiles', { files }, ANA);
    expect(answer).toMatchObject({ ok: true, result: { written: true, highlights: 1 } });
    const rates = service.store.data.documents.find((d) => d.title.startsWith('rates'))!;
    await service.store.flush();
    expect((await annotationsOnDisk(dir, rates.id)).annotations.map((a) => [a.author, a.authorId])).toEqual([['Ana Ortiz', 'p-ana']]);
  });
});

describe('the columns a document opens with', () => {
  it('carry each highlight’s person (null where none), and read back as they were', async () => {
    const { doc, call, handlers } = await twoWindows();
    await call(ANA, [createChange(doc.id, 'q1', 0, 9)]);
    await call(undefined, [createChange(doc.id, 'q2', 10, 20)]);
    const answer = await dispatchApiCall(handlers, 'openDocument', { documentId: doc.id }, BEN);
    if (!answer.ok) throw new Error(answer.error.message);
    const opened = answer.result as { text: string; annotations: unknown };
    const columns = annotationColumnsSchema.parse(opened.annotations);
    expect(columns.authorIds).toEqual(['p-ana', null]);
    const back = fromAnnotationColumns(columns, doc.id, opened.text);
    expect(back.map((a) => a.authorId)).toEqual(['p-ana', undefined]);
    expect('authorId' in back[1]!).toBe(false);
  });
});
