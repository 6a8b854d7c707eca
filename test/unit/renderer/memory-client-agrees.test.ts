// The in-memory API the component tests run on builds and changes highlights as the service
// does: the same batch of changes, applied to both, gives the same highlights.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Annotation, type Change } from '../../../electron/contract/api.js';
import { fromAnnotationColumns } from '../../../electron/contract/spans.js';
import { createMemoryClient } from '../../helpers/memory-client.js';
import { importText, useWorkspaces } from '../../helpers/workspace.js';

const { openService } = useWorkspaces();

const TEXT = 'The minister said we will build 300,000 homes. “It is a fantasy,” said Ana Ruiz. Rents doubled.';
const span = (part: string) => ({ start: TEXT.indexOf(part), end: TEXT.indexOf(part) + part.length });

/** What both must agree on: everything but when it happened and which document id it got. */
const comparable = (annotations: Annotation[]) =>
  annotations.map(({ createdAt: _c, updatedAt: _u, documentId: _d, ...rest }) => ({ ...rest, ...(rest.claim && { claim: { ...rest.claim, reviewedAt: rest.claim.reviewedAt ? 'set' : undefined } }) }));

describe('the in-memory API and the service', () => {
  it('build, update and delete highlights alike', async () => {
    const service = await openService();
    await service.applyChanges([{ kind: 'setAnnotatorName', name: 'Ana' }]);
    const imported = await importText(service, 'homes.txt', TEXT);
    const text = (await service.openDocument(imported.id)).text;
    expect(text).toBe(TEXT);
    const memory = createMemoryClient({ labels: DEFAULT_LABELS, documents: [{ id: 'doc', title: 'homes', text }], annotatorName: 'Ana' });

    const batches = (documentId: string): Change[][] => [
      [
        { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana Ruiz' },
        { kind: 'createAnnotation', documentId, annotationId: 'c-homes', labelId: 'claim', ...span('we will build 300,000 homes') },
        { kind: 'createAnnotation', documentId, annotationId: 'q-fantasy', labelId: 'quote', ...span('It is a fantasy'), speakerId: 'spk-ana', note: 'on the record' },
        { kind: 'createAnnotation', documentId, annotationId: 'c-rents', labelId: 'claim', ...span('Rents doubled'), author: 'Bo', createdAt: '2026-01-01T00:00:00.000Z' },
      ],
      [
        { kind: 'updateAnnotation', documentId, annotationId: 'c-homes', claim: { status: 'false', reviewerNote: 'No budget for it' } },
        { kind: 'updateAnnotation', documentId, annotationId: 'q-fantasy', ...span('a fantasy'), quoteKind: 'direct' },
        { kind: 'updateAnnotation', documentId, annotationId: 'c-rents', labelId: 'quote' },
      ],
      [{ kind: 'deleteAnnotation', documentId, annotationId: 'c-rents' }],
      // A verdict an import brought is kept beside the claim's; the editor's pick settles it.
      [{ kind: 'updateAnnotation', documentId, annotationId: 'c-homes', claim: { conflicts: [{ status: 'true', by: 'Bo', at: '2026-05-01T00:00:00.000Z', from: 'tasks.json' }] } }],
      [{ kind: 'updateAnnotation', documentId, annotationId: 'c-homes', claim: { status: 'false' } }],
      // One speaker per name: a second “ana ruiz” is Ana Ruiz, and what names it names her.
      [
        { kind: 'createSpeaker', speakerId: 'spk-ana-again', name: '  ana  RUIZ ' },
        { kind: 'updateAnnotation', documentId, annotationId: 'c-homes', speakerId: 'spk-ana-again' },
      ],
    ];
    const serviceDoc = imported.id;
    for (const [i, batch] of batches(serviceDoc).entries()) {
      expect((await service.applyChanges(batch)).refused).toEqual([]);
      expect((await memory.applyChanges({ changes: batches('doc')[i]! })).refused).toEqual([]);
      const real = await service.openDocument(serviceDoc);
      const inMemory = await memory.openDocument({ documentId: 'doc' });
      expect(comparable(fromAnnotationColumns(inMemory.annotations, 'doc', text)), `after batch ${i + 1}`).toEqual(comparable(fromAnnotationColumns(real.annotations, serviceDoc, text)));
    }
    expect((await memory.getSession({})).speakers.map((s) => s.id)).toEqual((await service.getSession()).speakers.map((s) => s.id));
    expect((await memory.listClaims({})).map(({ documentId: _d, documentTitle: _t, updatedAt: _u, reviewedAt: _r, ...row }) => row)).toEqual(
      (await service.listClaims()).map(({ documentId: _d, documentTitle: _t, updatedAt: _u, reviewedAt: _r, ...row }) => row),
    );
  });
});
