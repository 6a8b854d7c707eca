// What schema 2 adds to the store: document metadata, orphans, replacing both highlight lists,
// and replacing a document's text.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../electron/contract/api.js';
import { ANNOTATIONS_DIR, TEXTS_DIR, WORKSPACE_FILE, sha256 } from '../../../electron/services/store/workspace-store.js';
import { annotationsOnDisk, snapshotPath, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const OLD = 'The mayor said the bridge will open in May.';
const NEW = 'Update: the mayor said the bridge will open in June.';

function highlight(documentId: string, id: string, start: number, end: number, text: string): Annotation {
  const at = '2026-01-01T00:00:00.000Z';
  return { id, documentId, labelId: 'quote', start, end, text: text.slice(start, end), prefix: '', suffix: '', speakerId: null, note: '', author: '', createdAt: at, updatedAt: at };
}

describe('addDocument metadata', () => {
  it('records format, encoding, detection, source URL and path, and defaults what is not given', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('page.html', 'Page', OLD, {
      format: 'html',
      encoding: 'windows-1252',
      encodingDetected: true,
      sourceUrl: 'https://example.org/story',
      filePath: '/home/ana/page.html',
    });
    expect(document).toMatchObject({ format: 'html', encoding: 'windows-1252', encodingDetected: true, sourceUrl: 'https://example.org/story', filePath: '/home/ana/page.html' });
    expect((await workspaceOnDisk(dir)).documents[0]).toEqual(document);
    const plain = (await store.addDocument('b.txt', 'b', 'other')).document;
    expect(plain).toMatchObject({ format: 'text', encoding: 'utf-8', encodingDetected: false, sourceUrl: null, filePath: null });
  });
});

describe('orphans', () => {
  it('are a list like annotations, saved by saveAnnotations, one per line', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', OLD);
    const orphans = await store.orphans(document);
    expect(orphans).toEqual([]);
    orphans.push(highlight(document.id, 'lost-1', 4, 9, OLD));
    await store.saveAnnotations(document);
    expect((await annotationsOnDisk(dir, document.id)).orphans.map((a) => a.id)).toEqual(['lost-1']);
    const raw = await fs.readFile(path.join(dir, ANNOTATIONS_DIR, `${document.id}.json`), 'utf8');
    expect(raw).toMatch(/\n {2}"orphans": \[\n {4}\{"id":"lost-1",[^\n]*\}\n {2}\]\n\}\n$/);
    expect(await (await ws.openStore(dir)).orphans(document)).toEqual(orphans);
  });

  it('replaceAnnotations swaps both lists at once and resolves once they are on disk', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', OLD);
    (await store.annotations(document)).push(highlight(document.id, 'a', 0, 3, OLD));
    await store.saveAnnotations(document);
    await store.replaceAnnotations(document, [highlight(document.id, 'b', 4, 9, OLD)], [highlight(document.id, 'a', 0, 3, OLD)]);
    const onDisk = await annotationsOnDisk(dir, document.id);
    expect(onDisk.annotations.map((a) => a.id)).toEqual(['b']);
    expect(onDisk.orphans.map((a) => a.id)).toEqual(['a']);
    expect((await store.annotations(document)).map((a) => a.id)).toEqual(['b']);
  });
});

describe('replaceText', () => {
  it('keeps the old snapshot, writes the new one, and points the document and its annotations file at it', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', OLD);
    const id = document.id;
    const oldHash = document.textHash;
    await store.replaceText(document, NEW);
    expect(document).toMatchObject({ id, textHash: sha256(NEW), length: NEW.length });
    expect(await fs.readFile(snapshotPath(dir, oldHash), 'utf8')).toBe(OLD);
    expect(await fs.readFile(snapshotPath(dir, sha256(NEW)), 'utf8')).toBe(NEW);
    expect((await fs.readdir(path.join(dir, TEXTS_DIR))).sort()).toEqual([`${oldHash}.txt`, `${sha256(NEW)}.txt`].sort());
    expect((await workspaceOnDisk(dir)).documents[0]).toMatchObject({ id, textHash: sha256(NEW), length: NEW.length });
    expect((await annotationsOnDisk(dir, id)).textHash).toBe(sha256(NEW));
    const reopened = await ws.openStore(dir);
    expect(await reopened.readText(reopened.findDocument(id)!)).toBe(NEW);
  });
});

describe('highlights and the text they were placed on', () => {
  /** A document whose text was replaced, with one highlight re-anchored onto the new text. */
  async function replaced(dir: string) {
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', OLD);
    const oldWorkspace = await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8');
    const start = NEW.indexOf('June');
    await store.replaceText(document, NEW, { annotations: [highlight(document.id, 'june', start, start + 4, NEW)], orphans: [] });
    await store.flush();
    return { id: document.id, oldWorkspace };
  }

  it('writes the new hash and the re-anchored highlights in one annotations file', async () => {
    const dir = await ws.tempDir();
    const { id } = await replaced(dir);
    const file = await annotationsOnDisk(dir, id);
    expect(file.textHash).toBe(sha256(NEW));
    expect(file.annotations.map((a) => a.text)).toEqual(['June']);
  });

  it('follows the highlights when workspace.json names an older text (a crash between the writes, or an older backup)', async () => {
    const dir = await ws.tempDir();
    const { id, oldWorkspace } = await replaced(dir);
    // As if the process died after the annotations file was written, before workspace.json.
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), oldWorkspace);
    const store = await ws.openStore(dir);
    const doc = store.findDocument(id)!;
    expect(doc.textHash).toBe(sha256(OLD));
    const [june] = await store.annotations(doc);
    expect(doc).toMatchObject({ textHash: sha256(NEW), length: NEW.length });
    expect((await store.readText(doc)).slice(june!.start, june!.end)).toBe('June');
    await store.flush();
    expect((await workspaceOnDisk(dir)).documents[0]!.textHash).toBe(sha256(NEW));
  });

  it('reads the text through the highlights even when the text is asked for first', async () => {
    const dir = await ws.tempDir();
    const { id, oldWorkspace } = await replaced(dir);
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), oldWorkspace);
    const store = await ws.openStore(dir);
    expect(await store.readText(store.findDocument(id)!)).toBe(NEW);
  });
});
