// A document's highlight count in workspace.json is derived from its annotations file: a crash
// between the two writes must not leave the document list wrong for good.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../../electron/services/workspace-store.js';
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
});
