// Compacting a workspace: removed documents' text snapshots, annotations files and their backups
// are deleted for good, and their records leave workspace.json. Until then a removed document
// can come back (undo, or opening its text again). A snapshot another document still uses (the
// same text hash) stays.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/api.js';
import { listBackups } from './store-backups.js';
import type { WorkspaceStore } from './workspace-store.js';

export interface CompactionPlan {
  /** The removed documents it forgets, by id and title. */
  documents: { id: string; title: string }[];
  /** The files it deletes, relative to the workspace folder, with their sizes. */
  files: { path: string; bytes: number }[];
  bytes: number;
}

async function sizeOf(filePath: string): Promise<number | null> {
  try {
    return (await fs.stat(filePath)).size;
  } catch {
    return null;
  }
}

/** What compacting would delete now; reads only. */
export async function planCompaction(store: WorkspaceStore): Promise<CompactionPlan> {
  const removed = store.data.removedDocuments ?? [];
  const inUse = new Set(store.data.documents.map((doc) => doc.textHash));
  const files: CompactionPlan['files'] = [];
  const add = async (filePath: string) => {
    const bytes = await sizeOf(filePath);
    const relative = path.relative(store.dir, filePath);
    if (bytes !== null && !files.some((file) => file.path === relative)) files.push({ path: relative, bytes });
  };
  for (const doc of removed) {
    if (!inUse.has(doc.textHash)) await add(store.snapshotFile(doc.textHash));
    const annotations = store.annotationsFile(doc.id);
    await add(annotations);
    await add(store.journalFile(doc.id));
    for (const backup of await listBackups(store.dir, annotations)) await add(backup.path);
  }
  // An annotations file no record names: a compaction a crash cut short between its two steps.
  const named = new Set([...store.data.documents, ...removed].flatMap((doc) => [`${doc.id}.json`, path.basename(store.journalFile(doc.id))]));
  const annotationsDir = path.dirname(store.annotationsFile('doc-0'));
  for (const name of await fs.readdir(annotationsDir).catch(() => [] as string[])) {
    if (/^doc-[0-9a-f]{16}(\.json|\.journal\.jsonl)$/.test(name) && !named.has(name)) await add(path.join(annotationsDir, name));
  }
  return { documents: removed.map(({ id, title }) => ({ id, title })), files, bytes: files.reduce((sum, file) => sum + file.bytes, 0) };
}

/**
 * Deletes what planCompaction lists. The records go first (workspace.json saved), then the
 * files: a crash between the two leaves only files nothing points at (the next compaction
 * deletes a stray annotations file), never a record whose files are gone.
 */
export async function compactWorkspace(store: WorkspaceStore, options: { dryRun?: boolean } = {}): Promise<CompactionPlan> {
  // A damaged workspace.json is shown from a backup, whose list may miss newer documents: their
  // files would look stray. Nothing is deleted until the workspace is whole again.
  if (!options.dryRun && store.readOnly) {
    throw new ApiError('read-only', 'The workspace is read-only (a store file is damaged), so nothing was compacted. Restore its backup first, then compact.');
  }
  const plan = await planCompaction(store);
  if (options.dryRun || plan.files.length + plan.documents.length === 0) return plan;
  await store.forgetRemovedDocuments(plan.documents.map((doc) => doc.id));
  for (const file of plan.files) await fs.rm(path.join(store.dir, file.path), { force: true });
  return plan;
}

/** "3 removed documents, 12.4 kB": what a compaction deletes, in words. */
export function describeCompaction(plan: CompactionPlan): string {
  const count = plan.documents.length;
  return `${count === 1 ? '1 removed document' : `${count} removed documents`} (${plan.files.length === 1 ? '1 file' : `${plan.files.length} files`}, ${formatBytes(plan.bytes)})`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
