// Bring a colleague's workspace into this one: documents are matched by their text's hash,
// highlights keep their authors, and merging the same workspace twice changes nothing more.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/api.js';
import { compareSpans, sortedIndex } from '../../contract/spans.js';
import { WORKSPACE_FILE, WorkspaceStore } from '../store/workspace-store.js';

export interface MergeReport {
  documentsAdded: number;
  documentsMatched: number;
  highlightsAdded: number;
  highlightsAlreadyThere: number;
  speakersAdded: number;
  labelsAdded: number;
}

const KEYS = 'bdfghijklmoprtuvwxyz0123456789';

export async function mergeWorkspaces(target: WorkspaceStore, otherDir: string): Promise<MergeReport> {
  const resolved = path.resolve(otherDir);
  if (resolved === target.dir) throw new ApiError('bad-request', 'That is this workspace; choose the other workspace folder to merge in.');
  try {
    await fs.access(path.join(resolved, WORKSPACE_FILE));
  } catch {
    throw new ApiError('not-found', `There is no workspace in ${resolved} (no workspace.json).`);
  }
  const other = await WorkspaceStore.open(resolved);
  // A damaged file there opens on its backup: merging that would pass old data off as current.
  await Promise.all(other.data.documents.map((doc) => other.annotations(doc)));
  if (other.problem) {
    throw new ApiError('store-error', `The workspace in ${resolved} cannot be merged: ${other.problem.message.split('. ')[0]}. Open it in Newsroom Annotator and restore its backup first.`);
  }
  const report: MergeReport = { documentsAdded: 0, documentsMatched: 0, highlightsAdded: 0, highlightsAlreadyThere: 0, speakersAdded: 0, labelsAdded: 0 };

  // Labels and speakers first, so every highlight brought in names ones that exist.
  for (const label of other.data.labels) {
    if (target.data.labels.some((l) => l.id === label.id)) continue;
    const taken = new Set(target.data.labels.map((l) => l.hotkey));
    const hotkey = taken.has(label.hotkey) ? ([...KEYS].find((k) => !taken.has(k)) ?? label.hotkey) : label.hotkey;
    target.data.labels.push({ ...label, hotkey });
    report.labelsAdded++;
  }
  for (const speaker of other.data.speakers) {
    if (target.data.speakers.some((s) => s.id === speaker.id)) continue;
    target.data.speakers.push({ ...speaker });
    report.speakersAdded++;
  }

  const writes: Promise<void>[] = [];
  for (const theirs of other.data.documents) {
    const text = await other.readText(theirs);
    // How it was read comes along; where the file was does not: that path is on a colleague's computer.
    const { format, encoding, encodingDetected, sourceUrl, pageStarts } = theirs;
    const { document: ours, created } = await target.addDocument(theirs.fileName, theirs.title, text, { format, encoding, encodingDetected, sourceUrl, pageStarts });
    if (created) report.documentsAdded++;
    else report.documentsMatched++;
    const annotations = await target.annotations(ours);
    const known = new Set(annotations.map((a) => a.id));
    let changed = false;
    for (const annotation of await other.annotations(theirs)) {
      if (known.has(annotation.id)) {
        report.highlightsAlreadyThere++;
        continue;
      }
      const brought = { ...annotation, documentId: ours.id };
      annotations.splice(sortedIndex(annotations, brought), 0, brought);
      known.add(annotation.id);
      report.highlightsAdded++;
      changed = true;
    }
    if (changed) {
      annotations.sort(compareSpans);
      ours.annotationCount = annotations.length;
      writes.push(target.saveAnnotations(ours));
    }
  }
  writes.push(target.saveWorkspace());
  await Promise.all(writes);
  return report;
}
