// The curated layer in the service: made by the calling person, with its sources; rejections kept
// on disk; exports of the curated layer alone; agreement measured against it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../electron/contract/api.js';
import { CURATED_LAYER } from '../../../../electron/contract/curation.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { annotationsOnDisk, createChange, expectApiError, importText, useWorkspaces, workspaceOnDisk } from '../../../helpers/workspace.js';

const { tempDir, openService } = useWorkspaces();
const TEXT = 'The mayor said rents doubled. Critics called it a fantasy. Nobody else spoke.';
const EDNA = { person: { id: 'p-edna', name: 'Edna Editor' } };

async function twoAnnotators() {
  const dir = await tempDir('curation-ws-');
  const service = await openService(dir);
  const handlers = createApiHandlers(service, browserHostOnlyMethods);
  const doc = await importText(service, 'story.txt', TEXT);
  await handlers.applyChanges({
    changes: [
      createChange(doc.id, 'ana-1', 15, 28, { author: 'Ana' }),
      createChange(doc.id, 'ben-1', 15, 28, { author: 'Ben', labelId: 'claim' }),
      createChange(doc.id, 'ana-2', 30, 58, { author: 'Ana' }),
    ],
  });
  return { dir, service, handlers, doc };
}

const curated = (documentId: string, annotationId: string, start: number, end: number, from: { annotationId: string; author: string }[], extra: Partial<Extract<Change, { kind: 'createAnnotation' }>> = {}): Change =>
  createChange(documentId, annotationId, start, end, { layer: 'curated', curatedFrom: from, ...extra });

describe('the curated layer', () => {
  it('is written with its sources, by the calling person whatever the change says (the workspace name when no one calls)', async () => {
    const { dir, service, handlers, doc } = await twoAnnotators();
    const answer = await handlers.applyChanges({ changes: [curated(doc.id, 'cur-1', 15, 28, [{ annotationId: 'ben-1', author: 'Ben' }], { author: 'Mallory', labelId: 'claim' })] }, EDNA);
    expect(answer.refused).toEqual([]);
    await service.store.flush();
    const saved = (await annotationsOnDisk(dir, doc.id)).annotations.find((a) => a.id === 'cur-1')!;
    expect(saved).toMatchObject({ layer: 'curated', author: 'Edna Editor', authorId: 'p-edna', labelId: 'claim', curatedFrom: [{ annotationId: 'ben-1', author: 'Ben' }] });
    // A person's own highlight is untouched by the rule.
    expect((await annotationsOnDisk(dir, doc.id)).annotations.find((a) => a.id === 'ana-1')).not.toHaveProperty('layer');

    await handlers.applyChanges({ changes: [{ kind: 'setAnnotatorName', name: 'Desk' }, curated(doc.id, 'cur-2', 30, 58, [])] });
    await service.store.flush();
    expect((await annotationsOnDisk(dir, doc.id)).annotations.find((a) => a.id === 'cur-2')!.author).toBe('Desk');
    // And it travels to the window in the columns.
    const opened = await handlers.openDocument({ documentId: doc.id });
    const at = opened.annotations.ids.indexOf('cur-1');
    expect(opened.annotations.extras[at]).toMatchObject({ layer: 'curated', curatedFrom: [{ annotationId: 'ben-1', author: 'Ben' }] });
  });

  it('keeps a rejected group on disk, and an undo (rejected: false) takes it back', async () => {
    const { dir, service, handlers, doc } = await twoAnnotators();
    await handlers.applyChanges({ changes: [{ kind: 'setCurationRejected', documentId: doc.id, annotationIds: ['ben-1', 'ana-1'], rejected: true }] }, EDNA);
    await service.store.flush();
    expect((await workspaceOnDisk(dir)).documents.find((d) => d.id === doc.id)!.curationRejected).toEqual(['ana-1', 'ben-1']);
    expect((await handlers.openDocument({ documentId: doc.id })).document.curationRejected).toEqual(['ana-1', 'ben-1']);
    await handlers.applyChanges({ changes: [{ kind: 'setCurationRejected', documentId: doc.id, annotationIds: ['ben-1', 'ana-1'], rejected: false }] }, EDNA);
    await service.store.flush();
    expect((await workspaceOnDisk(dir)).documents.find((d) => d.id === doc.id)!.curationRejected).toBeUndefined();
  });

  it('is exported alone with layer curated, listed as an annotator of its own, and measured against in agreement', async () => {
    const { handlers, doc } = await twoAnnotators();
    await expectApiError(handlers.exportDataset({ format: 'jsonl', layer: 'curated' }), 'bad-request', /no curated layer yet/);
    await handlers.applyChanges({ changes: [curated(doc.id, 'cur-1', 15, 28, [{ annotationId: 'ana-1', author: 'Ana' }])] }, EDNA);

    const exported = await handlers.exportDataset({ format: 'jsonl', layer: 'curated' });
    const lines = exported.files[0]!.content.trim().split('\n').map((line) => JSON.parse(line));
    const spans = lines.flatMap((line) => line.spans ?? line.label ?? []);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(spans)).toContain('15');
    expect(spans).toHaveLength(1);
    const everything = JSON.parse((await handlers.exportDataset({ format: 'jsonl', layer: 'all' })).files[0]!.content.trim());
    expect((everything.spans ?? everything.label).length).toBe(4);
    await expectApiError(handlers.exportDataset({ format: 'jsonl', layer: 'curated', authors: ['Ana'] }), 'bad-request', /not both/);

    expect((await handlers.listAnnotators()).map((a) => a.name)).toContain(CURATED_LAYER);
    const report = await handlers.measureAgreement({ authors: ['Ana', CURATED_LAYER] });
    expect(report.annotators).toEqual(['Ana', CURATED_LAYER]);
    const quote = report.pairs[0]!.byLabel['Quote']!;
    // Ana marked two quotes, the curated layer one of them.
    expect(quote.exact).toMatchObject({ precision: 1, recall: 0.5 });
  });
});

describe('the command line’s --layer', () => {
  it('exports only the curated layer with --layer curated, and refuses another value in words', async () => {
    const { dir, service, handlers, doc } = await twoAnnotators();
    await handlers.applyChanges({ changes: [curated(doc.id, 'cur-1', 15, 28, [{ annotationId: 'ana-1', author: 'Ana' }])] }, EDNA);
    await service.store.flush();
    const { run } = await import('../../../helpers/run-cli.js');
    const out = path.join(await tempDir('curation-out-'), 'curated.jsonl');
    const done = await run(['export', '--store', dir, '--format', 'jsonl', '--out', out, '--layer', 'curated'], dir);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    const line = JSON.parse((await fs.readFile(out, 'utf8')).trim());
    expect((line.spans ?? line.label).length).toBe(1);
    const wrong = await run(['export', '--store', dir, '--format', 'jsonl', '--out', out, '--layer', 'editor'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--layer is curated .* or all, not "editor"/);
  });
});
