// Blind annotation through the handlers, as two windows call them: each person sees only their
// own highlights on a document until they mark it done; counts, listings, exports and agreement
// follow; hidden highlights cannot be edited; turning blind off shows everything.
import { describe, expect, it } from 'vitest';
import type { Caller, Change } from '../../../electron/contract/api.js';
import { fromAnnotationColumns } from '../../../electron/contract/spans.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import { annotationsOnDisk, createChange, importText, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The mayor said “taxes will fall” and the minister said “jobs are coming” before the vote. ' + 'More text. '.repeat(5);
const ana: Caller = { person: { id: 'p-ana', name: 'Ana' } };
const ben: Caller = { person: { id: 'p-ben', name: 'Ben' } };
const nobody: Caller = { person: null };

/** A blind workspace whose story holds one highlight by Ana and one by Ben (made under their names). */
async function blindStory() {
  const dir = await ws.tempDir('annotator-blind-');
  const service = await ws.openService(dir);
  const handlers = createApiHandlers(service, browserHostOnlyMethods);
  const doc = await importText(service, 'story.txt', STORY);
  const apply = (changes: Change[], caller?: Caller) => handlers.applyChanges({ changes }, caller);
  const at = (text: string) => [STORY.indexOf(text), STORY.indexOf(text) + text.length] as const;
  await apply([{ kind: 'setAnnotatorName', name: 'Ana' }, createChange(doc.id, 'h-ana', ...at('taxes will fall'))]);
  await apply([{ kind: 'setAnnotatorName', name: 'Ben' }, createChange(doc.id, 'h-ben', ...at('jobs are coming'))]);
  await apply([{ kind: 'setReviewSettings', settings: { organisation: '', claimReviewUrl: '', blindAnnotation: true } }]);
  const seen = async (caller: Caller) => {
    const opened = await handlers.openDocument({ documentId: doc.id }, caller);
    return fromAnnotationColumns(opened.annotations, doc.id, opened.text).map((a) => a.id);
  };
  return { dir, service, handlers, doc, apply, seen };
}

describe('blind annotation', () => {
  it('hides a suggestion only under the person’s own highlight, never under another’s they cannot see', async () => {
    const { handlers, doc } = await blindStory();
    const suggested = async (caller: Caller) =>
      (await handlers.suggestAnnotations({ documentId: doc.id, fresh: true }, caller)).suggestions.filter((s) => s.labelId === 'quote').map((s) => STORY.slice(s.start, s.end));
    expect(await suggested(ana)).toEqual(['“jobs are coming”']);
    expect(await suggested(ben)).toEqual(['“taxes will fall”']);
  });

  it('shows each person only their own highlights until they mark the document done', async () => {
    const { handlers, doc, apply, seen, dir, service } = await blindStory();
    expect(await seen(ana)).toEqual(['h-ana']);
    expect(await seen(ben)).toEqual(['h-ben']);
    expect(await seen(nobody)).toEqual([]);
    expect(fromAnnotationColumns(await handlers.listAnnotations({ documentId: doc.id, startingFrom: 0 }, ana), doc.id, STORY).map((a) => a.id)).toEqual(['h-ana']);

    expect((await apply([{ kind: 'markDocumentDone', documentId: doc.id, done: true }], ana)).refused).toEqual([]);
    expect(await seen(ana)).toEqual(['h-ana', 'h-ben']);
    // Ana's done is hers alone.
    expect(await seen(ben)).toEqual(['h-ben']);
    const stored = (await workspaceOnDisk(dir)).documents[0]!;
    expect(stored.doneBy).toEqual([{ personId: 'p-ana', name: 'Ana', at: expect.any(String) }]);
    expect(stored).not.toHaveProperty('doneByYou');

    // Kept across a restart: the setting and the done, read back from workspace.json.
    await service.store.flush();
    const again = createApiHandlers(await ws.openService(dir), browserHostOnlyMethods);
    const reopened = await again.openDocument({ documentId: doc.id }, ana);
    expect(reopened.annotations.ids).toEqual(['h-ana', 'h-ben']);
    expect((await again.openDocument({ documentId: doc.id }, ben)).annotations.ids).toEqual(['h-ben']);

    await apply([{ kind: 'markDocumentDone', documentId: doc.id, done: false }], ana);
    expect(await seen(ana)).toEqual(['h-ana']);
  });

  it('counts only what each person sees in the document list, and says whether they are done', async () => {
    const { handlers, doc, apply } = await blindStory();
    await apply([createChange(doc.id, 'h-ben-2', 0, 3)]);
    const countFor = async (caller: Caller) => (await handlers.getSession({}, caller)).documents[0]!;
    expect((await countFor(ana)).annotationCount).toBe(1);
    expect((await countFor(ben)).annotationCount).toBe(2);
    expect((await countFor(ana)).doneByYou).toBe(false);
    await apply([{ kind: 'markDocumentDone', documentId: doc.id, done: true }], ana);
    expect(await countFor(ana)).toMatchObject({ annotationCount: 3, doneByYou: true });
    expect((await handlers.getSession({}, ana)).reviewSettings.blindAnnotation).toBe(true);
  });

  it('narrows annotators, speaker appearances, exports and agreement to what the person sees', async () => {
    const { handlers, doc, apply } = await blindStory();
    expect(await handlers.listAnnotators({}, ana)).toEqual([{ name: 'Ana', highlights: 1 }]);
    // The command line (no caller at all) works on its own folder and sees everyone's.
    expect((await handlers.listAnnotators()).map((a) => a.name).sort()).toEqual(['Ana', 'Ben']);

    const exported = await handlers.exportDataset({ format: 'jsonl' }, ben);
    const spans = exported.files[0]!.content;
    expect(spans).toContain('"id":"h-ben"');
    expect(spans).not.toContain('"id":"h-ana"');
    // Naming a person the caller cannot see is refused as if there were none.
    await expect(handlers.exportDataset({ format: 'jsonl', authors: ['Ana'] }, ben)).rejects.toThrow(/No highlight in this workspace is by "Ana"/);

    expect((await handlers.measureAgreement({}, ben)).annotators).toEqual([]);
    await apply([{ kind: 'markDocumentDone', documentId: doc.id, done: true }], ben);
    expect((await handlers.measureAgreement({}, ben)).annotators.sort()).toEqual(['Ana', 'Ben']);

    await apply([{ kind: 'createSpeaker', speakerId: 'sp-mayor', name: 'The mayor' }, { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'h-ana', speakerId: 'sp-mayor' }], ana);
    expect(await handlers.listSpeakerAppearances({ speakerId: 'sp-mayor' }, ana)).toHaveLength(1);
    expect(await handlers.listSpeakerAppearances({ speakerId: 'sp-mayor' }, { person: { id: 'p-cy', name: 'Cy' } })).toHaveLength(0);
  });

  it('refuses, in words, edits and deletions of highlights the caller cannot see, and leaves them as they were', async () => {
    const { dir, doc, apply } = await blindStory();
    const result = await apply(
      [
        { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'h-ben', note: 'overwritten' },
        { kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'h-ben' },
        { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'h-ana', note: 'mine' },
      ],
      ana,
    );
    expect(result.refused.map((r) => r.index)).toEqual([0, 1]);
    expect(result.refused[0]!.message).toMatch(/another person’s, hidden while blind annotation is on/);
    const onDisk = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(onDisk.find((a) => a.id === 'h-ben')?.note).toBe('');
    expect(onDisk.find((a) => a.id === 'h-ana')?.note).toBe('mine');
  });

  it('lets the review desk review another person’s claim (an editor’s view), and nothing else of it', async () => {
    const { dir, doc, apply } = await blindStory();
    await apply([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'h-ben', labelId: 'claim', claim: { tags: ['tax'], checkWorthiness: 'high' } }], ben);
    await apply([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'h-ana', labelId: 'claim' }], ana);
    const claimOf = async (id: string) => (await annotationsOnDisk(dir, doc.id)).annotations.find((a) => a.id === id)!.claim!;
    const review = (claim: Record<string, unknown>, extra: Partial<Change> = {}) => ({ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'h-ben', claim, ...extra }) as Change;
    // What the desk sends: a verdict (a desk decision), a status a pick brings into line, the
    // editor's note and summary; a bulk verdict is one batch over visible and hidden claims.
    const desk = await apply(
      [
        review({ status: 'false' }, { deskDecision: true }),
        { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'h-ana', claim: { status: 'false' }, deskDecision: true },
        review({ reviewerNote: 'checked' }),
        review({ publicSummary: 'Taxes rose.' }),
      ],
      ana,
    );
    expect(desk.refused).toEqual([]);
    expect(await claimOf('h-ben')).toMatchObject({ status: 'false', reviewerNote: 'checked', publicSummary: 'Taxes rose.', reviewer: 'Ana' });
    expect((await claimOf('h-ana')).status).toBe('false');

    // The annotator's own work on the claim stays Ben's, flagged as a desk decision or not.
    const overwrite = await apply([review({ tags: ['mine now'] }), review({ checkWorthiness: 'low' }, { deskDecision: true }), review({ sources: [] }), review({ status: 'true', tags: [] }, { deskDecision: true })], ana);
    expect(overwrite.refused.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(overwrite.refused[0]!.message).toMatch(/another person’s, hidden while blind annotation is on/);
    expect(await claimOf('h-ben')).toMatchObject({ status: 'false', tags: ['tax'], checkWorthiness: 'high' });

    // Once Ana is done with the document she sees Ben's claim, and may edit it as any other.
    await apply([{ kind: 'markDocumentDone', documentId: doc.id, done: true }], ana);
    expect((await apply([review({ tags: ['tax', 'budget'] })], ana)).refused).toEqual([]);
    expect((await claimOf('h-ben')).tags).toEqual(['tax', 'budget']);
  });

  it('tags a transcript’s turns for the caller even where a hidden person tagged them already', async () => {
    const dir = await ws.tempDir('annotator-blind-');
    const service = await ws.openService(dir);
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const doc = await importText(service, 'interview.txt', 'HOST: Welcome to the show.\nGUEST: Thanks for having me.\n');
    await handlers.applyChanges({ changes: [{ kind: 'setReviewSettings', settings: { organisation: '', claimReviewUrl: '', blindAnnotation: true } }] });
    expect((await handlers.tagTranscriptLines({ documentId: doc.id }, ben)).tagged).toBe(2);
    // Ana does her own tagging: Ben's quotes neither show through (a count of 0) nor stand in for hers.
    expect((await handlers.tagTranscriptLines({ documentId: doc.id }, ana)).tagged).toBe(2);
    expect((await handlers.tagTranscriptLines({ documentId: doc.id }, ana)).tagged).toBe(0);
    const authors = (await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.authorId).sort();
    expect(authors).toEqual(['p-ana', 'p-ana', 'p-ben', 'p-ben']);
  });

  it('refuses "done" from a window with no person, in words', async () => {
    const { doc, apply } = await blindStory();
    const result = await apply([{ kind: 'markDocumentDone', documentId: doc.id, done: true }], nobody);
    expect(result.refused[0]!.message).toMatch(/Say who you are first/);
  });

  it('shows everything at once when blind annotation is turned off', async () => {
    const { apply, seen } = await blindStory();
    await apply([{ kind: 'setReviewSettings', settings: { organisation: '', claimReviewUrl: '', blindAnnotation: false } }], ana);
    expect(await seen(ana)).toEqual(['h-ana', 'h-ben']);
    expect(await seen(nobody)).toEqual(['h-ana', 'h-ben']);
  });
});
