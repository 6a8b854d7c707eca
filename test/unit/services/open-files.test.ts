import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../electron/contract/api.js';
import { openFilesFromPaths, readUserFile } from '../../../electron/services/documents/open-files.js';
import { TEXTS_DIR } from '../../../electron/services/store/workspace-store.js';
import { useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();

async function setup() {
  const workspace = await ws.tempDir('annotator-open-ws-');
  const files = await ws.tempDir('annotator-open-files-');
  const service = await ws.openService(workspace);
  const write = async (name: string, content: string | Uint8Array) => {
    const filePath = path.join(files, name);
    await fs.writeFile(filePath, content);
    return filePath;
  };
  return { workspace, files, service, write };
}

describe('openFilesFromPaths', () => {
  it('opens good files, reports missing and bad ones, and makes the last good one current', async () => {
    const { workspace, files, service, write } = await setup();
    const first = await write('first.txt', 'The first story.\r\n');
    const binary = await write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const second = await write('second.md', '# The second story\n');
    const pdf = await write('report.pdf', 'pretend pdf');
    const latin1 = await write('latin1.txt', Buffer.concat([Buffer.from('Café crème and caf'), Buffer.from([0xc3])]));
    const missing = path.join(files, 'does-not-exist.txt');

    const outcomes = await openFilesFromPaths(service, [first, binary, second, missing, pdf, latin1]);
    expect(outcomes.map((outcome) => outcome.filePath)).toEqual([first, binary, second, missing, pdf, latin1]);
    expect(outcomes.map((outcome) => Boolean(outcome.document))).toEqual([true, false, true, false, false, false]);
    expect(outcomes[0]!.document).toMatchObject({ title: 'first', fileName: 'first.txt', length: 'The first story.\n'.length });
    expect(outcomes[2]!.document).toMatchObject({ title: 'second', fileName: 'second.md' });
    expect(outcomes[1]!.error).toMatch(/image\.txt.*binary/);
    expect(outcomes[3]!.error).toBe(`${missing} does not exist.`);
    expect(outcomes[4]!.error).toMatch(/report\.pdf.*is not a PDF or is damaged.*Open it in a PDF reader/);
    expect(outcomes[5]!.error).toMatch(/latin1\.txt.*middle of a UTF-8 character.*position 20/);
    for (const outcome of outcomes) expect(Boolean(outcome.error)).toBe(!outcome.document);

    const onDisk = await workspaceOnDisk(workspace);
    expect(onDisk.documents.map((doc) => doc.title)).toEqual(['first', 'second']);
    expect(onDisk.settings.lastDocumentId).toBe(outcomes[2]!.document!.id);
    expect(await fs.readdir(path.join(workspace, TEXTS_DIR))).toHaveLength(2);
  });

  it('leaves lastDocumentId alone when no file could be opened', async () => {
    const { workspace, files, service, write } = await setup();
    const kept = await openFilesFromPaths(service, [await write('keep.txt', 'kept')]);
    const outcomes = await openFilesFromPaths(service, [path.join(files, 'nope.txt'), await write('empty.txt', '')]);
    expect(outcomes.every((outcome) => outcome.error && !outcome.document)).toBe(true);
    expect(outcomes[1]!.error).toMatch(/empty\.txt.*empty/);
    expect((await workspaceOnDisk(workspace)).settings.lastDocumentId).toBe(kept[0]!.document!.id);
  });

  it('returns nothing and writes nothing for an empty list', async () => {
    const { service } = await setup();
    expect(await openFilesFromPaths(service, [])).toEqual([]);
    expect((await service.getSession()).lastDocumentId).toBeNull();
  });

  it('refuses a file over the limit without reading it (a sparse 51 MB file)', async () => {
    const { workspace, service, write } = await setup();
    const big = await write('huge.txt', '');
    await fs.truncate(big, MAX_DOCUMENT_BYTES + 1024 * 1024);
    const [outcome] = await openFilesFromPaths(service, [big]);
    expect(outcome!.document).toBeUndefined();
    expect(outcome!.error).toMatch(/huge\.txt.*51\.0 MB.*50\.0 MB.*Split/);
    expect((await workspaceOnDisk(workspace).catch(() => ({ documents: [] }))).documents).toEqual([]);
  });

  it('opening the same file twice gives the same document', async () => {
    const { service, write } = await setup();
    const file = await write('same.txt', 'Same text');
    const [a] = await openFilesFromPaths(service, [file]);
    const [b] = await openFilesFromPaths(service, [file]);
    expect(b!.document!.id).toBe(a!.document!.id);
    expect((await service.getSession()).documents).toHaveLength(1);
  });

  it('reports a folder as not a file', async () => {
    const { files, service } = await setup();
    const [outcome] = await openFilesFromPaths(service, [files]);
    expect(outcome!.document).toBeUndefined();
    expect(outcome!.error).toContain('is a folder, not a file');
  });

  it('reports a folder in a clean sentence, not as "Something went wrong"', async () => {
    const { files, service } = await setup();
    const [outcome] = await openFilesFromPaths(service, [files]);
    expect(outcome!.error).not.toMatch(/Something went wrong/);
    expect(outcome!.error).not.toMatch(/\.\./);
  });
});

describe('readUserFile', () => {
  it('reads the bytes of a file', async () => {
    const { write } = await setup();
    const file = await write('bytes.txt', Buffer.from([1, 2, 3, 0xff]));
    expect([...(await readUserFile(file))]).toEqual([1, 2, 3, 0xff]);
  });

  it('rejects a missing path with ENOENT', async () => {
    const { files } = await setup();
    await expect(readUserFile(path.join(files, 'missing.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
