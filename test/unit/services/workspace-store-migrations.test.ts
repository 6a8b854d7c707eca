// Workspaces written by every earlier release open, keep everything, and are written forward
// as schema 2; one from a newer release is refused and left byte-for-byte untouched.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/contract/api.js';
import { StoreFileError } from '../../../electron/services/store/durable-json-file.js';
import { listBackups } from '../../../electron/services/store/store-backups.js';
import { ANNOTATIONS_DIR, WORKSPACE_FILE, WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { readJson, snapshotDir } from '../../helpers/temp-dirs.js';
import { annotationsOnDisk, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const FIXTURES = path.resolve('test/fixtures/stores');

async function copyFixture(name: string): Promise<string> {
  const dir = path.join(await ws.tempDir(), name);
  await fs.cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

interface RawWorkspace {
  schemaVersion: number;
  labels: { id: string; name: string; color: string; hotkey: string }[];
  speakers: { id: string; name: string; createdAt: string }[];
  documents: { id: string; title: string; fileName: string; textHash: string; length: number; addedAt: string; annotationCount: number }[];
  settings: Record<string, unknown>;
}
type RawHighlight = { id: string; labelId: string; start: number; end: number; text: string; note: string; speakerId: string | null; author?: string; claim?: unknown };

describe.each(['v1-first', 'v1'])('a workspace written by release %s', (fixture) => {
  it('opens with every label, speaker, document and highlight, writes forward as schema 2, and reopens the same', async () => {
    const original = await readJson<RawWorkspace>(path.join(FIXTURES, fixture, WORKSPACE_FILE));
    expect(original.schemaVersion).toBeLessThan(SCHEMA_VERSION);
    const dir = await copyFixture(fixture);
    const store = await ws.openStore(dir);
    expect(store.readOnly).toBe(false);

    expect(store.data.labels.map(({ id, name, color, hotkey }) => ({ id, name, color, hotkey }))).toEqual(original.labels);
    expect(store.data.speakers.map(({ id, name, createdAt }) => ({ id, name, createdAt }))).toEqual(
      original.speakers.map(({ id, name, createdAt }) => ({ id, name, createdAt })),
    );
    expect(store.data.speakers.every((speaker) => Array.isArray(speaker.aliases) && typeof speaker.role === 'string')).toBe(true);
    expect(store.data.statuses.length).toBeGreaterThan(0);
    expect(store.data.documents).toHaveLength(original.documents.length);
    for (const [index, doc] of original.documents.entries()) {
      expect(store.data.documents[index]).toEqual({ ...doc, format: 'text', encoding: 'utf-8', encodingDetected: false, sourceUrl: null, filePath: null });
      const stored = store.findDocument(doc.id)!;
      const text = await store.readText(stored);
      const raw = await readJson<{ annotations: RawHighlight[] }>(path.join(FIXTURES, fixture, ANNOTATIONS_DIR, `${doc.id}.json`));
      const highlights = await store.annotations(stored);
      expect(highlights.map(({ id, labelId, start, end, text, note, speakerId }) => ({ id, labelId, start, end, text, note, speakerId }))).toEqual(
        raw.annotations.map(({ id, labelId, start, end, text, note, speakerId }) => ({ id, labelId, start, end, text, note, speakerId })),
      );
      for (const [i, highlight] of highlights.entries()) {
        expect(text.slice(highlight.start, highlight.end)).toBe(highlight.text);
        expect(highlight.author).toBe(raw.annotations[i]!.author ?? '');
        expect(highlight.claim).toEqual(raw.annotations[i]!.claim);
      }
      expect(await store.orphans(stored)).toEqual([]);
      await store.saveAnnotations(stored);
    }
    await store.saveWorkspace();

    const onDisk = await workspaceOnDisk(dir);
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.documents.every((doc) => doc.format === 'text' && doc.filePath === null)).toBe(true);
    for (const doc of original.documents) {
      const annotations = await annotationsOnDisk(dir, doc.id);
      expect(annotations.schemaVersion).toBe(2);
      expect(annotations.orphans).toEqual([]);
    }
    // The release's own files were copied before being written forward.
    const workspaceBackups = await listBackups(dir, path.join(dir, WORKSPACE_FILE));
    expect(workspaceBackups.map((b) => path.basename(b.path))).toEqual([expect.stringMatching(new RegExp(`\\.schema${original.schemaVersion}\\.json$`))]);
    expect(await fs.readFile(workspaceBackups[0]!.path, 'utf8')).toBe(await fs.readFile(path.join(FIXTURES, fixture, WORKSPACE_FILE), 'utf8'));

    const reopened = await ws.openStore(dir);
    expect(reopened.data).toEqual(store.data);
    for (const doc of reopened.data.documents) expect(await reopened.annotations(doc)).toEqual(await store.annotations(store.findDocument(doc.id)!));
  });
});

describe('a workspace written by a newer release (schema 99)', () => {
  it('is refused with a clear message, and every file is left byte-for-byte untouched', async () => {
    const dir = await copyFixture('future');
    const before = await snapshotDir(dir);
    const error = await WorkspaceStore.open(dir).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as Error).message).toBe(
      'workspace.json was written by a newer Newsroom Annotator (schema 99; this one reads up to 2). It was left untouched; update the app to open this workspace.',
    );
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('an annotations file from schema 99 in a current workspace is refused, untouched, and does not make the store read-only', async () => {
    const dir = await copyFixture('v1');
    const future = path.join(FIXTURES, 'future', ANNOTATIONS_DIR, 'doc-5ee94e0a5cf7d7d2.json');
    const target = path.join(dir, ANNOTATIONS_DIR, 'doc-5ee94e0a5cf7d7d2.json');
    await fs.copyFile(future, target);
    const store = await ws.openStore(dir);
    await expect(store.annotations(store.data.documents[0]!)).rejects.toThrow(/newer Newsroom Annotator \(schema 99/);
    expect(store.readOnly).toBe(false);
    await store.saveWorkspace();
    expect(await fs.readFile(target, 'utf8')).toBe(await fs.readFile(future, 'utf8'));
  });
});

describe('the default scale’s Unverifiable, from before a verdict could go without a rating', () => {
  /** A schema-2 workspace as this release's predecessor wrote it: no status said whether it is rated. */
  async function writtenBefore(statuses: object[]): Promise<string> {
    const dir = await ws.tempDir();
    const raw = { schemaVersion: SCHEMA_VERSION, labels: [], statuses, speakers: [], documents: [], settings: { lastDocumentId: null, annotatorName: 'Ana', organisation: '', claimReviewUrl: '' } };
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), JSON.stringify(raw));
    return dir;
  }
  const OLD_DEFAULT = [
    { id: 'unreviewed', name: 'Unreviewed', kind: 'working', hotkey: 'u' },
    { id: 'true', name: 'True', kind: 'verdict', hotkey: '1' },
    { id: 'false', name: 'False', kind: 'verdict', hotkey: '5' },
    { id: 'unverifiable', name: 'Unverifiable', kind: 'verdict', hotkey: '7' },
  ];

  it('gets no rating where it is as it came, and keeps it once saved', async () => {
    const dir = await writtenBefore(OLD_DEFAULT);
    const store = await ws.openStore(dir);
    expect(store.data.statuses.map((s) => [s.id, s.noRating])).toEqual([
      ['unreviewed', undefined],
      ['true', undefined],
      ['false', undefined],
      ['unverifiable', true],
    ]);
    await store.saveWorkspace();
    expect((await workspaceOnDisk(dir)).statuses.find((s) => s.id === 'unverifiable')).toMatchObject({ noRating: true });
  });

  it('is left alone where an editor renamed it, or said it is rated', async () => {
    const renamed = await ws.openStore(await writtenBefore(OLD_DEFAULT.map((s) => (s.id === 'unverifiable' ? { ...s, name: 'Cannot be checked' } : s))));
    expect(renamed.data.statuses.find((s) => s.id === 'unverifiable')!.noRating).toBeUndefined();
    const rated = await ws.openStore(await writtenBefore(OLD_DEFAULT.map((s) => (s.id === 'unverifiable' ? { ...s, noRating: false } : s))));
    expect(rated.data.statuses.find((s) => s.id === 'unverifiable')!.noRating).toBe(false);
  });
});
