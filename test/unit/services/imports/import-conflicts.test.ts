// A verdict in an imported file that disagrees with the workspace's is never a silent pick: it
// is kept on the claim as a conflict (in its history too, and on the review desk's row) until an
// editor sets the status.
import { describe, expect, it } from 'vitest';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { exportDataset, importFiles } from '../../../../electron/services/handlers/workspace-tasks.js';
import { applyImport } from '../../../../electron/services/imports/apply.js';
import type { PlannedDocument } from '../../../../electron/services/imports/plan.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const text = 'The minister said unemployment halved. Critics disagreed.';
const claimAt = { start: text.indexOf('unemployment halved'), end: text.indexOf('unemployment halved') + 'unemployment halved'.length };
const incoming: PlannedDocument = {
  fileName: 'story.txt',
  title: 'story',
  text,
  sourceFile: 'desk-b.json',
  spans: [{ ...claimAt, label: 'Claim', claim: { status: 'true', reviewer: 'Bo Berg', reviewedAt: '2026-05-01T09:00:00.000Z' } }],
};

/** A workspace with one claim an editor has judged False. */
async function judged() {
  const service = await ws.openService();
  const doc = await importText(service, 'story.txt', text);
  await service.applyChanges([
    { kind: 'setAnnotatorName', name: 'Ed Itor' },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c1', labelId: 'claim', ...claimAt },
    { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'false' }, deskDecision: true },
  ]);
  return { service, doc };
}

const claimOf = async (service: AnnotatorService, documentId: string) => (await service.store.annotations(service.store.findDocument(documentId)!)).find((a) => a.id === 'c1')!.claim!;

describe('a conflicting verdict on import', () => {
  it('is kept on the claim, reported, shown on the desk and recorded in the history, the workspace’s verdict untouched', async () => {
    const { service, doc } = await judged();
    const report = await applyImport(service, [incoming]);
    expect(report).toMatchObject({ highlights: 0, alreadyPresent: 1 });
    expect(report.conflicts).toEqual([{ documentId: doc.id, documentTitle: 'story', annotationId: 'c1', text: 'unemployment halved', here: 'false', incoming: 'true', incomingBy: 'Bo Berg' }]);
    const conflict = { status: 'true', by: 'Bo Berg', at: '2026-05-01T09:00:00.000Z', from: 'desk-b.json' };
    const claim = await claimOf(service, doc.id);
    expect(claim).toMatchObject({ status: 'false', reviewer: 'Ed Itor', conflicts: [conflict] });
    expect(report.undo.claims).toEqual([{ documentId: doc.id, annotationId: 'c1', conflicts: [] }]);

    const [row] = await service.listClaims();
    expect(row).toMatchObject({ status: 'false', conflicts: [conflict] });

    // The history keeps both decisions: the editor's, and the file's.
    const history = await service.claimHistoryOf(doc.id, 'c1');
    expect(history.map((e) => [e.field, e.from, e.to])).toEqual([
      ['status', 'unreviewed', 'false'],
      ['conflicts', [], [conflict]],
    ]);

    // The same file again: the conflict is already beside the claim; nothing new to report or write.
    const again = await applyImport(service, [incoming]);
    expect(again.conflicts).toEqual([]);
    expect(again.undo.claims).toEqual([]);
    expect((await claimOf(service, doc.id)).conflicts).toEqual([conflict]);
  });

  it('is settled when the editor sets the status, whichever verdict is picked, and the history says so', async () => {
    const { service, doc } = await judged();
    await applyImport(service, [incoming]);
    await service.applyChanges([{ kind: 'setAnnotatorName', name: 'Chief Editor' }, { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'false' }, deskDecision: true }]);
    const claim = await claimOf(service, doc.id);
    expect(claim.conflicts).toBeUndefined();
    expect(claim).toMatchObject({ status: 'false', reviewer: 'Chief Editor' });
    expect((await service.listClaims())[0]!.conflicts).toBeUndefined();
    const last = (await service.claimHistoryOf(doc.id, 'c1')).at(-1)!;
    expect([last.field, last.by, last.to]).toEqual(['conflicts', 'Chief Editor', []]);
  });

  it('is undone by putting the claim’s conflicts back as they were', async () => {
    const { service, doc } = await judged();
    const report = await applyImport(service, [incoming]);
    const undo = report.undo.claims!.map((c) => ({ kind: 'updateAnnotation' as const, documentId: c.documentId, annotationId: c.annotationId, claim: { conflicts: c.conflicts } }));
    expect((await service.applyChanges(undo)).refused).toEqual([]);
    const claim = await claimOf(service, doc.id);
    expect(claim.conflicts).toBeUndefined();
    expect(claim.status).toBe('false');
  });

  it('is kept even when the file’s reviewer name is overlong and its time unreadable', async () => {
    const { service, doc } = await judged();
    const odd: PlannedDocument = { ...incoming, spans: [{ ...claimAt, label: 'Claim', claim: { status: 'true', reviewer: 'B'.repeat(300), reviewedAt: 'last Tuesday' } }] };
    const report = await applyImport(service, [odd]);
    expect(report.conflicts).toHaveLength(1);
    const [conflict] = (await claimOf(service, doc.id)).conflicts!;
    expect(conflict!.by).toBe('B'.repeat(200));
    expect(Number.isFinite(Date.parse(conflict!.at))).toBe(true);
  });

  it('comes from a Label Studio file whose claim carries another status (today’s importer)', async () => {
    const { service, doc } = await judged();
    const { files } = await exportDataset(service, 'labelstudio');
    const tasks = JSON.parse(files[0]!.content) as { annotations: { result: { meta?: { claim?: { status: string; reviewer?: string } } }[] }[] }[];
    const region = tasks[0]!.annotations[0]!.result.find((r) => r.meta?.claim)!;
    region.meta!.claim = { ...region.meta!.claim!, status: 'mostly-true', reviewer: 'Bo Berg' };
    const report = await importFiles(service, [{ name: 'tasks-b.json', bytes: new TextEncoder().encode(JSON.stringify(tasks)) }]);
    expect(report.conflicts.map((c) => [c.annotationId, c.here, c.incoming, c.incomingBy])).toEqual([['c1', 'false', 'mostly-true', 'Bo Berg']]);
    expect((await claimOf(service, doc.id)).conflicts?.map((c) => [c.status, c.from])).toEqual([['mostly-true', 'tasks-b.json']]);
  });
});
