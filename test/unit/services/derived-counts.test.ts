// A document's highlight count in workspace.json is derived from its annotations file: a crash
// between the two writes must not leave the document list wrong for good.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { createChange, useWorkspaces } from '../../helpers/workspace.js';

const { tempDir, openStore } = useWorkspaces();
const TEXT = 'The mayor said "We will finish the dam by spring" on Tuesday. Taxes fell by half.';

describe('highlight counts after a crash', () => {
  it('follow the annotations file when workspace.json was left behind by a crash', async () => {
    const dir = await tempDir();
    const first = await WorkspaceStore.open(dir);
    const service = new AnnotatorService(first, 'browser');
    const doc = await service.importBase64('story.txt', Buffer.from(TEXT).toString('base64'));
    await service.applyChanges([createChange(doc.id, 'a-1', 0, 3), createChange(doc.id, 'a-2', 4, 9)]);
    await first.flush();
    // The kill came after the annotations file was written and before workspace.json was.
    const workspaceFile = path.join(dir, 'workspace.json');
    const workspace = JSON.parse(await fs.readFile(workspaceFile, 'utf8'));
    workspace.documents[0].annotationCount = 7;
    await fs.writeFile(workspaceFile, JSON.stringify(workspace));

    const reopened = await openStore(dir);
    const again = new AnnotatorService(reopened, 'browser');
    await again.openDocument(doc.id);
    expect((await again.getSession()).documents[0]!.annotationCount).toBe(2);
    await reopened.flush();
    expect(JSON.parse(await fs.readFile(workspaceFile, 'utf8')).documents[0].annotationCount).toBe(2);
  });

  it('are corrected after open for documents nobody opens, and a damaged file elsewhere does not make the workspace read-only', async () => {
    const dir = await tempDir();
    const first = await WorkspaceStore.open(dir);
    const service = new AnnotatorService(first, 'browser');
    const one = await service.importBase64('one.txt', Buffer.from(TEXT).toString('base64'));
    const two = await service.importBase64('two.txt', Buffer.from(TEXT + ' Two.').toString('base64'));
    const three = await service.importBase64('three.txt', Buffer.from(TEXT + ' Three.').toString('base64'));
    await service.applyChanges([
      createChange(one.id, 'a-1', 0, 3),
      createChange(one.id, 'a-2', 4, 9),
      createChange(two.id, 'b-1', 0, 3),
      createChange(three.id, 'c-1', 0, 3),
    ]);
    await first.flush();
    const workspaceFile = path.join(dir, 'workspace.json');
    const workspace = JSON.parse(await fs.readFile(workspaceFile, 'utf8'));
    const entry = (id: string) => workspace.documents.find((doc: { id: string }) => doc.id === id);
    entry(one.id).annotationCount = 5;
    entry(two.id).annotationCount = 0;
    await fs.writeFile(workspaceFile, JSON.stringify(workspace));
    await fs.writeFile(path.join(dir, 'annotations', `${three.id}.json`), '{"schemaVersion": 2, "annot');

    const reopened = await openStore(dir);
    expect(reopened.readOnly).toBe(false);
    await reopened.countsReconciled;
    expect(reopened.readOnly).toBe(false);
    const counts = Object.fromEntries((await new AnnotatorService(reopened, 'browser').getSession()).documents.map((doc) => [doc.id, doc.annotationCount]));
    expect(counts[one.id]).toBe(2);
    expect(counts[two.id]).toBe(1);
    await reopened.flush();
    const onDisk = JSON.parse(await fs.readFile(workspaceFile, 'utf8'));
    const diskCount = (id: string) => onDisk.documents.find((doc: { id: string }) => doc.id === id).annotationCount;
    expect(diskCount(one.id)).toBe(2);
    expect(diskCount(two.id)).toBe(1);
    // The damaged file is still noticed when its document is used.
    await reopened.annotations(reopened.findDocument(three.id)!);
    expect(reopened.readOnly).toBe(true);
  });
});
