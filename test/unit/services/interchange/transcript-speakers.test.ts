// A W3C round trip brings its documents along: a transcript among them names its speakers as it
// is read. The annotations' own speakers (with their ids) must be the ones kept, so the second
// export equals the first and no speaker is made twice; the dry run says the same as the import.
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../electron/contract/api.js';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { exportDataset } from '../../../../electron/services/handlers/workspace-tasks.js';
import { useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const DEBATE = 'MODERATOR: Welcome to the debate.\nPRIYA RAMAN: We will cut the deficit by half.\nMODERATOR: Thank you.\n';

const importInto = (service: AnnotatorService, files: { name: string; content: string }[], dryRun = false): Promise<ImportReport> =>
  createApiHandlers(service, browserHostOnlyMethods).importAnnotationFiles({
    files: files.map((f) => ({ fileName: f.name, contentBase64: Buffer.from(f.content, 'utf8').toString('base64') })),
    dryRun,
  });

describe('a transcript imported with W3C annotations', () => {
  it("keeps the annotations' speaker ids, makes no speaker twice, and exports the same again", async () => {
    const first = await ws.openService();
    const doc = await first.importBytes('debate.txt', new TextEncoder().encode(DEBATE));
    const text = (await first.openDocument(doc.id)).text;
    const priya = first.store.data.speakers.find((s) => s.name === 'PRIYA RAMAN')!;
    const words = 'We will cut the deficit by half';
    const { refused } = await first.applyChanges([
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q-1', labelId: 'quote', start: text.indexOf(words), end: text.indexOf(words) + words.length, speakerId: priya.id, author: 'Ana Reyes' },
    ]);
    expect(refused).toEqual([]);
    await first.store.flush();
    const firstExport = (await exportDataset(first, 'w3c')).files.map((f) => ({ name: f.name, content: f.content }));

    const fresh = await ws.openService();
    const files = [{ name: 'debate.txt', content: DEBATE }, ...firstExport];
    const preview = await importInto(fresh, files, true);
    const report = await importInto(fresh, files);
    expect(report.speakersAdded.sort()).toEqual(['MODERATOR', 'PRIYA RAMAN']);
    expect(preview.speakersAdded.sort()).toEqual(report.speakersAdded.sort());
    expect(fresh.store.data.speakers.find((s) => s.name === 'PRIYA RAMAN')?.id).toBe(priya.id);
    expect(fresh.store.data.speakers).toHaveLength(2);
    expect(report.undo.speakerIds).toContain(priya.id);
    await fresh.store.flush();
    const secondExport = (await exportDataset(fresh, 'w3c')).files.map((f) => ({ name: f.name, content: f.content }));
    expect(secondExport).toEqual(firstExport);
  });
});
