// An import is previewed (a dry run counts exactly what it would do and writes nothing) and
// undone in one step (the report's undo lists, sent as the window's Ctrl+Z sends them), and
// importing again after the undo brings everything back by the same ids.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change, ImportReport } from '../../../../electron/contract/api.js';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { dispatchApiCall } from '../../../../electron/services/handlers/api-dispatcher.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { importFiles } from '../../../../electron/services/handlers/workspace-tasks.js';
import type { ImportInput } from '../../../../electron/services/imports/plan-files.js';
import { snapshotDir } from '../../../helpers/temp-dirs.js';
import { importText, useWorkspaces, workspaceOnDisk } from '../../../helpers/workspace.js';
import { labelStudioRegion } from '../../../helpers/label-studio-tasks.js';

const ws = useWorkspaces();
const bytes = (content: string) => new TextEncoder().encode(content);
const story = 'The minister said unemployment halved. “We will win,” said Ana Lima. 田中花子は「賛成です」と述べた。';
const other = 'A second story: “No comment,” said Bo Chen.';
const region = labelStudioRegion;

/**
 * Label Studio tasks as its docs describe them ("labels" results, code-point offsets); meta
 * carries this app's speaker, claim and so on. Two tasks: the story the workspace has, with one
 * highlight it has, one new, one conflicting verdict and a new speaker; and a new story with a
 * new label.
 */
const tasks: ImportInput = {
  name: 'tasks.json',
  bytes: bytes(
    JSON.stringify([
      {
        data: { text: story, title: 'story' },
        annotations: [
          {
            result: [
              region(story, 'r1', 'We will win', 'Quote'),
              region(story, 'r2', 'unemployment halved', 'Claim', { claim: { status: 'true', reviewer: 'Bo Berg', reviewedAt: '2026-05-01T09:00:00.000Z' } }),
              region(story, 'r3', '賛成です', 'Quote', { speaker: '田中花子' }),
            ],
          },
        ],
      },
      { data: { text: other, title: 'second' }, annotations: [{ result: [region(other, 'r1', 'No comment', 'Denial', { speaker: 'Bo Chen' })] }] },
    ]),
  ),
};
/** A transcript document: its two names become speakers as it is added. */
const transcript: ImportInput = { name: 'debate.txt', bytes: bytes('MODERATOR: Welcome.\nJOSÉ ORTIZ: The dam opens in May.\nMODERATOR: Thank you.\nJOSÉ ORTIZ: Or June.\n') };

/** A workspace with the story, its quote, and its claim judged False. */
async function workspace() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', story);
  const at = (words: string) => ({ start: story.indexOf(words), end: story.indexOf(words) + words.length });
  await service.applyChanges([
    { kind: 'setAnnotatorName', name: 'Ed Itor' },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', ...at('We will win') },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c1', labelId: 'claim', ...at('unemployment halved') },
    { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'false' } },
  ]);
  await service.store.flush();
  return { dir, service, doc };
}

/** What the window's Ctrl+Z sends for an import: highlights, then speakers, labels, documents; conflicts back as they were. */
function undoChanges(report: ImportReport): Change[] {
  return [
    ...report.undo.annotations.map((a): Change => ({ kind: 'deleteAnnotation', ...a })),
    ...(report.undo.claims ?? []).map((c): Change => ({ kind: 'updateAnnotation', documentId: c.documentId, annotationId: c.annotationId, claim: { conflicts: c.conflicts } })),
    ...report.undo.speakerIds.map((speakerId): Change => ({ kind: 'deleteSpeaker', speakerId })),
    ...report.undo.labelIds.map((labelId): Change => ({ kind: 'deleteLabel', labelId })),
    ...report.undo.documentIds.map((documentId): Change => ({ kind: 'removeDocument', documentId })),
  ];
}

/** The workspace as a person sees it: documents, speakers, labels, and every highlight with its claim. */
async function seen(service: AnnotatorService) {
  const session = await service.getSession();
  const highlights: unknown[] = [];
  for (const doc of session.documents) {
    for (const a of await service.store.annotations(doc)) highlights.push([doc.id, a.id, a.text, a.labelId, a.speakerId, a.claim?.status ?? null, a.claim?.conflicts ?? []]);
  }
  return {
    documents: session.documents.map((d) => [d.id, d.title, d.annotationCount]),
    speakers: session.speakers.map((s) => [s.id, s.name]).sort(),
    labels: session.labels.map((l) => l.id),
    highlights,
  };
}

const counts = ({ documents, documentsAdded, highlights, alreadyPresent, conflicts, labelsAdded, speakersAdded }: ImportReport) => ({
  documents,
  documentsAdded,
  highlights,
  alreadyPresent,
  conflicts,
  labelsAdded,
  speakersAdded: [...speakersAdded].sort(),
});

describe('an import’s dry run', () => {
  it('counts what the import will do, and leaves the store folder byte for byte as it was', async () => {
    const { dir, service } = await workspace();
    const before = await snapshotDir(dir);
    const preview = await importFiles(service, [tasks, transcript], undefined, { dryRun: true });
    await service.store.flush();
    expect(await snapshotDir(dir)).toEqual(before);
    expect(preview.written).toBe(false);
    expect(counts(preview)).toEqual({
      documents: 3,
      documentsAdded: 2,
      highlights: 2,
      alreadyPresent: 2,
      conflicts: [expect.objectContaining({ annotationId: 'c1', here: 'false', incoming: 'true', incomingBy: 'Bo Berg' })],
      labelsAdded: ['Denial'],
      speakersAdded: ['Bo Chen', 'JOSÉ ORTIZ', 'MODERATOR', '田中花子'],
    });
    // Nothing written means nothing in memory either: the workspace looks as it did.
    expect((await service.getSession()).documents).toHaveLength(1);

    const real = await importFiles(service, [tasks, transcript]);
    expect(real.written).toBe(true);
    expect(counts(real)).toEqual(counts(preview));
  });

  it('is what importAnnotationFiles answers with dryRun, through the contract', async () => {
    const { dir, service } = await workspace();
    const before = await snapshotDir(dir);
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const files = [tasks].map((f) => ({ fileName: f.name, contentBase64: Buffer.from(f.bytes).toString('base64') }));
    const answer = (await dispatchApiCall(handlers, 'importAnnotationFiles', { files, dryRun: true })) as { ok: true; result: ImportReport };
    expect(answer.result).toMatchObject({ written: false, highlights: 2, alreadyPresent: 2, documentsAdded: 1 });
    await service.store.flush();
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

describe('undoing an import', () => {
  it('takes back its highlights, speakers, labels, documents and conflicts in one batch; importing again brings them back by the same ids', async () => {
    const { dir, service } = await workspace();
    const start = await seen(service);
    const report = await importFiles(service, [tasks, transcript]);
    const imported = await seen(service);
    expect(report.undo.documentIds).toHaveLength(2);
    expect(report.undo.speakerIds).toHaveLength(4);
    expect(report.undo.labelIds).toHaveLength(1);
    expect(report.undo.annotations).toHaveLength(2);
    expect(report.undo.claims).toHaveLength(1);

    expect((await service.applyChanges(undoChanges(report))).refused).toEqual([]);
    expect(await seen(service)).toEqual(start);
    expect((await workspaceOnDisk(dir)).documents.map((d) => d.id)).toEqual(start.documents.map((d) => d[0]));

    // Redo: the same files again. The documents come back by their ids, and so does the rest.
    const redo = await importFiles(service, [tasks, transcript]);
    expect(counts(redo)).toEqual(counts(report));
    const after = await seen(service);
    // A transcript's speakers get new ids when made again; everything else is as it was.
    const withoutTranscriptSpeakers = (state: typeof after) => ({ ...state, speakers: state.speakers.filter(([, name]) => name !== 'MODERATOR' && name !== 'JOSÉ ORTIZ') });
    expect(withoutTranscriptSpeakers(after)).toEqual(withoutTranscriptSpeakers(imported));
    expect(after.speakers.map(([, name]) => name).sort()).toEqual(imported.speakers.map(([, name]) => name).sort());
    // The documents' files were never deleted: the texts are all still there.
    expect((await fs.readdir(path.join(dir, 'texts'))).length).toBe(3);
  });

  it('brings back, by its W3C annotations alone, a document an undone import took out (its text is kept)', async () => {
    const { service } = await workspace();
    const page: ImportInput = { name: 'rates.txt', bytes: bytes('Rates rose again, the bank said.') };
    const first = await importFiles(service, [page]);
    const [rates] = first.undo.documentIds;
    const ratesDoc = service.store.data.documents.find((d) => d.id === rates)!;
    const text = await service.store.readText(ratesDoc);
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Claim' }],
      target: { source: `urn:sha256:${ratesDoc.textHash}`, selector: [{ type: 'TextPositionSelector', start: 0, end: [...'Rates rose again'].length }, { type: 'TextQuoteSelector', exact: 'Rates rose again' }] },
    };
    expect(text.startsWith('Rates rose again')).toBe(true);
    expect((await service.applyChanges(undoChanges(first))).refused).toEqual([]);
    expect(service.store.data.documents.some((d) => d.id === rates)).toBe(false);
    const report = await importFiles(service, [{ name: 'rates.jsonld', bytes: bytes(JSON.stringify(annotation)) }]);
    expect(report).toMatchObject({ documentsAdded: 1, highlights: 1 });
    expect(report.undo.documentIds).toEqual([rates]);
    expect((await service.store.annotations(service.store.data.documents.find((d) => d.id === rates)!)).map((a) => a.text)).toEqual(['Rates rose again']);
  });
});
