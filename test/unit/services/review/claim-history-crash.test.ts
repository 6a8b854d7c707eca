// A claim's history line and its change are written side by side; a kill can leave either on
// disk without the other. These tests make both crash orders by putting files back by hand.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_DIR } from '../../../../electron/services/review/claim-history.js';
import { ANNOTATIONS_DIR } from '../../../../electron/services/store/workspace-store.js';
import { createChange, firstRefusal, importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The mayor claimed crime fell 20% last year. She also said the budget is balanced.';
const setStatus = (documentId: string, status: string) => ({ kind: 'updateAnnotation' as const, documentId, annotationId: 'c1', claim: { status } });

async function claimReviewedOnce() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', STORY);
  const start = STORY.indexOf('crime fell');
  await firstRefusal(
    service.applyChanges([
      { kind: 'setAnnotatorName', name: 'Ana Reyes' },
      createChange(doc.id, 'c1', start, start + 24, { labelId: 'claim' }),
      setStatus(doc.id, 'true'),
    ]),
  );
  await service.store.flush();
  const files = {
    annotations: path.join(dir, ANNOTATIONS_DIR, `${doc.id}.json`),
    history: path.join(dir, HISTORY_DIR, `${doc.id}.jsonl`),
  };
  return { dir, service, doc, files };
}

const linesOf = async (file: string) => (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
const steps = (entries: { field: string; from: unknown; to: unknown }[]) => entries.map((e) => [e.field, e.from, e.to]);

describe('claim history after a crash', () => {
  it('leaves out a line whose change never reached the annotations file, and keeps the line on disk', async () => {
    const { dir, service, doc, files } = await claimReviewedOnce();
    const before = await fs.readFile(files.annotations);
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'false')]));
    await service.store.flush();
    // The kill came after the history line and before the annotations file was written.
    await fs.writeFile(files.annotations, before);
    const historyBytes = await fs.readFile(files.history, 'utf8');

    const again = await ws.openService(dir);
    expect(steps(await again.claimHistoryOf(doc.id, 'c1'))).toEqual([['status', 'unreviewed', 'true']]);
    // Append-only: the line stays on file, and nothing was added.
    expect(await fs.readFile(files.history, 'utf8')).toBe(historyBytes);

    // Later changes start from what is on disk; the lost one stays out of what is shown.
    await firstRefusal(again.applyChanges([setStatus(doc.id, 'in-progress')]));
    expect(steps(await again.claimHistoryOf(doc.id, 'c1'))).toEqual([
      ['status', 'unreviewed', 'true'],
      ['status', 'true', 'in-progress'],
    ]);
    expect((await linesOf(files.history)).map((line) => line.to)).toEqual(['true', 'false', 'in-progress']);
  });

  it('records, once and durably, a change on disk whose line was lost, marked recovered', async () => {
    const { dir, service, doc, files } = await claimReviewedOnce();
    const historyBefore = await fs.readFile(files.history);
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'false')]));
    await service.store.flush();
    // The kill came after the annotations file and before the history line was written.
    await fs.writeFile(files.history, historyBefore);

    const again = await ws.openService(dir);
    const shown = await again.claimHistoryOf(doc.id, 'c1');
    expect(steps(shown)).toEqual([
      ['status', 'unreviewed', 'true'],
      ['status', 'true', 'false'],
    ]);
    expect(shown[1]).toMatchObject({ by: 'Ana Reyes', recovered: true });
    expect(shown[0]!.recovered).toBeUndefined();
    const onDisk = await linesOf(files.history);
    expect(onDisk).toHaveLength(2);
    expect(onDisk[1]).toMatchObject({ field: 'status', from: 'true', to: 'false', by: 'Ana Reyes', recovered: true });

    // Read again, in this run and the next, it is not added twice.
    await again.claimHistoryOf(doc.id, 'c1');
    expect(steps(await (await ws.openService(dir)).claimHistoryOf(doc.id, 'c1'))).toEqual(steps(shown));
    expect(await linesOf(files.history)).toHaveLength(2);
  });

  it('gives a claim with a changed status and no history at all its recovered line', async () => {
    const { dir, doc, files } = await claimReviewedOnce();
    await fs.rm(files.history);

    const shown = await (await ws.openService(dir)).claimHistoryOf(doc.id, 'c1');
    expect(shown).toEqual([expect.objectContaining({ field: 'status', from: 'unreviewed', to: 'true', by: 'Ana Reyes', recovered: true })]);
    expect(await linesOf(files.history)).toEqual([expect.objectContaining({ from: 'unreviewed', to: 'true', recovered: true })]);
  });

  it('adds nothing for a claim never changed since it was made', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const doc = await importText(service, 'story.txt', STORY);
    await firstRefusal(service.applyChanges([createChange(doc.id, 'c1', 0, 9, { labelId: 'claim', claim: { status: 'true', checkWorthiness: null, sources: [], tags: [] } })]));
    expect(await service.claimHistoryOf(doc.id, 'c1')).toEqual([]);
    await expect(fs.access(path.join(dir, HISTORY_DIR, `${doc.id}.jsonl`))).rejects.toThrow();
  });

  it('writes nothing while the workspace is read-only: the claim shown may be an older backup', async () => {
    const { dir, doc, files } = await claimReviewedOnce();
    // A later session's first write keeps a backup of the claim as it was then (status true).
    const later = await ws.openService(dir);
    await firstRefusal(later.applyChanges([setStatus(doc.id, 'false')]));
    await later.store.flush();
    await fs.rm(files.history);
    await fs.writeFile(files.annotations, '{"schemaVersion": 2, "annot');

    const again = await ws.openService(dir);
    expect(await again.claimHistoryOf(doc.id, 'c1')).toEqual([]);
    expect(again.store.readOnly).toBe(true);
    await expect(fs.access(files.history)).rejects.toThrow();
  });
});
